// A YAML document as plain values, with the position of every key and value. The loader reads
// files into this tree (keeping duplicate keys visible, unlike YAML::Node), applies --set
// overrides to it, and validates it against the describe() functions. No yaml-cpp types here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobsim::scenario::detail {

/// Where a key or value came from: a line and column of the file, or a command-line override.
struct Position {
    int line = 0;     ///< 1-based; 0 when unknown
    int column = 0;   ///< 1-based; 0 when unknown
    int origin = -1;  ///< -1: a scenario file; k >= 0: the k-th override
    int file = 0;     ///< which scenario file when origin is -1: 0 the one loaded, k > 0 the
                      ///< k-th file reached through `extends:`
};

struct Entry;

/// One YAML node: null, scalar, list or block (map), with its position.
struct Node {
    enum class Kind { null, scalar, sequence, map };

    Kind kind = Kind::null;
    std::string text;     ///< the scalar as written, without quotes
    bool quoted = false;  ///< written in quotes or tagged !!str: always text, never a number
    Position position;
    std::vector<Node> items;     ///< sequence items
    std::vector<Entry> entries;  ///< map entries in file order (duplicates already removed)

    [[nodiscard]] bool is_null() const { return kind == Kind::null; }
    [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
    [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
    [[nodiscard]] bool is_map() const { return kind == Kind::map; }

    /// The entry with this key, or nullptr.
    [[nodiscard]] const Entry* find(std::string_view key) const;
    [[nodiscard]] Entry* find(std::string_view key);

    [[nodiscard]] static Node scalar(std::string text, bool quoted, Position position = {});
    [[nodiscard]] static Node map(Position position = {});
    [[nodiscard]] static Node sequence(Position position = {});
};

struct Entry {
    std::string key;
    Position key_position;
    Node value;
};

/// "what kind of thing this is", for messages: "a block of keys", "a list", "no value", "'abc'".
[[nodiscard]] std::string describe_found(const Node& node);

/// Joins a key path and one more key: ("population", "persons") -> "population.persons".
[[nodiscard]] std::string join_path(std::string_view path, std::string_view key);

/// Splits "a.b.0.c" at the dots.
[[nodiscard]] std::vector<std::string> split_path(std::string_view path);

/// Sets the origin of a node and everything under it (used for values given with --set).
void set_origin(Node& node, Position position);

/// Sets the file of a node and everything under it (used for files reached through extends:).
void set_file(Node& node, int file);

/// Lays `over` onto `base`: blocks merge key by key (recursively), anything else is replaced.
void merge_over(Node& base, Node over);

/// A problem found in a tree, before it is turned into a ScenarioProblem with a file name.
struct Finding {
    Position position;
    std::string key_path;
    std::string message;
};

}  // namespace jobsim::scenario::detail
