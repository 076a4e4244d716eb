#include "app/run_options.hpp"

#include <algorithm>
#include <thread>

#include <CLI/CLI.hpp>

namespace jobsim::app {

void add_run_options(CLI::App& command, RunOptions& options, const std::string& replications_help) {
    options.threads = std::max(1U, std::thread::hardware_concurrency());
    command.add_option("-o,--output", options.output, "HDF5 file to write")
        ->required()
        ->type_name("FILE");
    command
        .add_option("--threads", options.threads,
                    "Worker threads (results do not depend on it; default: all hardware threads)")
        ->type_name("N")
        ->check(CLI::Range(1U, 4096U))
        ->capture_default_str();
    options.seed_option =
        command.add_option("--seed", options.seed, "Master random seed (overrides the scenario's)")
            ->type_name("S");
    options.replications_option =
        command.add_option("--replications", options.replications, replications_help)
            ->type_name("R")
            ->check(CLI::Range(1U, 100000U));
    command.add_flag("--force", options.force, "Replace FILE if it exists");
}

RunSpec apply_run_options(const RunOptions& options, Scenario& scenario) {
    if (options.seed_option->count() > 0) {
        scenario.seed = options.seed;
    }
    if (options.replications_option->count() > 0) {
        scenario.replications = options.replications;
    }
    return {
        .seed = scenario.seed, .replications = scenario.replications, .threads = options.threads};
}

}  // namespace jobsim::app
