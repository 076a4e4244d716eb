#include "app/run_options.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"

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

namespace {

constexpr std::array levels{output::OutputLevel::summary, output::OutputLevel::standard,
                            output::OutputLevel::full};

}  // namespace

std::vector<std::string> output_level_names() {
    std::vector<std::string> names;
    names.reserve(levels.size());
    for (const output::OutputLevel level : levels) {
        names.emplace_back(output::level_name(level));
    }
    return names;
}

void add_output_level_options(CLI::App& command, OutputLevelArgs& args) {
    command
        .add_option("--output-level", args.level,
                    "What the file holds: summary (the summary tables only), standard (events, "
                    "area series, persons, and trajectories of a panel of persons) or full (every "
                    "person's trajectories; large and slow at scale)")
        ->type_name("LEVEL")
        ->check(CLI::IsMember(output_level_names()))
        ->capture_default_str();
    args.panel_option =
        command
            .add_option("--trajectory-panel", args.trajectory_panel,
                        "Persons whose trajectories the standard level writes: an even sample "
                        "over person ids (0: no trajectories; capped at the population)")
            ->type_name("N")
            ->check(CLI::Range(0U, 4'000'000'000U))
            ->capture_default_str();
}

output::LevelOptions output_level(const OutputLevelArgs& args) {
    const auto* found = std::find_if(levels.begin(), levels.end(), [&](output::OutputLevel level) {
        return args.level == output::level_name(level);
    });
    if (found == levels.end()) {
        throw UsageError(message("--output-level: unknown level '", args.level, "'"));
    }
    if (args.panel_option->count() > 0 && *found != output::OutputLevel::standard) {
        throw UsageError(message("--trajectory-panel applies to --output-level standard only (",
                                 args.level, " has no panel of persons)"));
    }
    return {.level = *found, .trajectory_panel = args.trajectory_panel};
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
