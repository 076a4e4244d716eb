// Reading YAML text into a Node tree and writing a Node tree as YAML text. The only place that
// sees yaml-cpp (yaml_io.cpp); everything else in the loader works on the tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/detail/tree.hpp"

namespace jobsim::scenario::detail {

/// A parsed document, or the problems that stopped it from being read.
struct ParsedYaml {
    bool has_document = false;      ///< false for an empty or comments-only text
    bool syntax_error = false;      ///< the text is not valid YAML; `root` is incomplete
    Node root;                      ///< null when there is no document
    std::vector<Finding> findings;  ///< syntax errors, duplicate keys, a second document, ...
};

/// Limits that keep a malformed or hostile file from exhausting the stack or memory: blocks and
/// lists nested deeper than this are refused, and so is a document of more nodes than
/// max_yaml_nodes (aliases count every node they repeat, so a "billion laughs" is refused too).
inline constexpr std::size_t max_yaml_depth = 64;
inline constexpr std::size_t max_yaml_nodes = 200'000;
/// A block of more keys than this is refused: the largest block of a scenario has a few dozen.
inline constexpr std::size_t max_yaml_block_keys = 10'000;

/// Parses one YAML document. Duplicate keys are reported (the first one is kept, as yaml-cpp
/// does); anchors and aliases are expanded. Positions are 1-based lines and columns.
[[nodiscard]] ParsedYaml parse_yaml(std::string_view text);

/// Writes a tree as block-style YAML, except that a list of scalars is written on one line
/// ([13, 26, 52]). Quoted scalars are written double-quoted, others plain.
[[nodiscard]] std::string emit_yaml(const Node& root);

}  // namespace jobsim::scenario::detail
