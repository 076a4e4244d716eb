// The scenario argument shared by run, validate, resolve and bench-case: a YAML file plus
// `--set key.path=value` overrides, loaded and validated by sim/scenario.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace CLI {
class App;
}

namespace jobsim::app {

struct ScenarioInput {
    std::string file;                    ///< path of the scenario YAML
    std::vector<std::string> overrides;  ///< each "key.path=value", in command-line order
};

/// Adds the positional SCENARIO and the repeatable --set option to `command`.
void add_scenario_input(CLI::App& command, ScenarioInput& input);

/// Parses every override, then loads and validates the scenario, and checks that one replication
/// fits in memory (memory_problem; JOBSIM_MEMORY_BYTES states another limit or 'unlimited').
/// @throws ScenarioError listing every problem (overrides included); UsageError for a missing file.
[[nodiscard]] Scenario load_scenario(const ScenarioInput& input);

}  // namespace jobsim::app
