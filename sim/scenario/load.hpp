// Loading a scenario: YAML text -> validated, frozen Scenario. yaml-cpp never leaves
// sim/scenario/*.cpp. Every problem in a file is collected and reported together, each with file,
// line, column and key path, so a user fixes them in one pass.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace jobsim::scenario {

/// The largest scenario file read (1 MiB; scenarios/baseline.yaml, every key written out with its
/// documentation, is under 100 KiB): a larger file is refused before it is parsed.
inline constexpr std::size_t max_scenario_bytes = std::size_t{1024} * 1024;

/// A command-line override "key.path=value"; the value is read as a YAML scalar or flow node.
struct Override {
    std::string key_path;
    std::string value;
    std::string origin;  ///< text shown in messages, e.g. "--set population.persons=-5"
};

/// Splits "key.path=value". @throws ScenarioError when there is no '=' or the path is empty.
[[nodiscard]] Override parse_override(std::string_view text);

/// A further check of a valid scenario, from the caller (e.g. that it fits in memory): its
/// problems are located in the file, or at the override, like the loader's own.
using ScenarioCheck = std::function<std::vector<ConsistencyProblem>(const Scenario&)>;

/// Reads, applies overrides, validates (then runs `check`, if any, on a valid scenario). @throws
/// ScenarioError listing every problem; UsageError when the file cannot be read.
[[nodiscard]] Scenario load_scenario_file(const std::filesystem::path& file,
                                          std::span<const Override> overrides = {},
                                          const ScenarioCheck& check = {});

/// As load_scenario_file, from text; `file_label` names the source in messages.
[[nodiscard]] Scenario load_scenario_text(std::string_view yaml, std::string_view file_label,
                                          std::span<const Override> overrides = {},
                                          const ScenarioCheck& check = {});

/// The fully resolved scenario as commented-free YAML, every key present (defaults included).
/// Loading it back gives an equal scenario.
[[nodiscard]] std::string to_yaml(const Scenario& scenario);

/// A Markdown reference of every key: path, type, default, range, unit, source, doc.
[[nodiscard]] std::string reference_markdown();

}  // namespace jobsim::scenario
