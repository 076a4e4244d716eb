// Loading the scenario named on the command line, with its --set overrides.
#include "app/scenario_input.hpp"

#include <optional>
#include <utility>

#include <CLI/CLI.hpp>

#include "sim/core/error.hpp"
#include "sim/run/memory_estimate.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::app {

void add_scenario_input(CLI::App& command, ScenarioInput& input) {
    command.add_option("SCENARIO", input.file, "Scenario file (YAML)")->required();
    command
        .add_option("--set", input.overrides,
                    "Override one scenario value, e.g. --set population.persons=20000 "
                    "(repeatable; validated like the file)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false)
        ->take_all();
}

Scenario load_scenario(const ScenarioInput& input) {
    std::vector<scenario::Override> overrides;
    std::vector<ScenarioProblem> problems;
    for (const std::string& text : input.overrides) {
        try {
            overrides.push_back(scenario::parse_override(text));
        } catch (const ScenarioError& error) {
            // Report every malformed --set at once, as the loader does for a file.
            problems.insert(problems.end(), error.problems().begin(), error.problems().end());
        }
    }
    if (!problems.empty()) {
        throw ScenarioError(std::move(problems));
    }
    // Checked before anything is allocated: a world that cannot fit is refused now, with the key
    // that sizes it, not killed by the kernel part way through a run.
    const std::optional<MemoryLimit> limit = memory_available();
    const scenario::ScenarioCheck fits_in_memory =
        [&limit](const Scenario& scenario) -> std::vector<ConsistencyProblem> {
        if (!limit) {
            return {};
        }
        if (auto problem = memory_problem(scenario, *limit)) {
            return {std::move(*problem)};
        }
        return {};
    };
    return scenario::load_scenario_file(input.file, overrides, fits_in_memory);
}

}  // namespace jobsim::app
