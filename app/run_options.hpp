// The options `run` and `trial` share: the output file, threads, seed, replications and --force,
// registered and applied the same way so the two commands cannot drift apart; and the output
// level of the files `run` writes (`bench` times the same choice).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "output/output_level.hpp"
#include "sim/run/runner.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace jobsim::app {

struct RunOptions {
    std::string output;
    std::uint32_t threads = 1;
    std::uint64_t seed = 0;
    std::uint32_t replications = 0;
    bool force = false;
    const CLI::Option* seed_option = nullptr;
    const CLI::Option* replications_option = nullptr;
};

/// Registers -o/--output, --threads, --seed, --replications (described by `replications_help`)
/// and --force on `command`.
void add_run_options(CLI::App& command, RunOptions& options, const std::string& replications_help);

/// The options that choose an output level, registered by add_output_level_options.
struct OutputLevelArgs {
    std::string level = "standard";  ///< checked against the levels' names when parsed
    std::uint32_t trajectory_panel = output::default_trajectory_panel;
    const CLI::Option* panel_option = nullptr;
};

/// "summary", "standard", "full": the values --output-level takes.
[[nodiscard]] std::vector<std::string> output_level_names();

/// Registers --output-level (summary, standard or full; default standard) and --trajectory-panel.
void add_output_level_options(CLI::App& command, OutputLevelArgs& args);

/// The level asked for. @throws UsageError for --trajectory-panel with a level other than
/// standard, which has no panel.
[[nodiscard]] output::LevelOptions output_level(const OutputLevelArgs& args);

/// Applies --seed and --replications to the scenario (the command line wins over the file, and
/// the file records what was run) and returns the run spec.
[[nodiscard]] RunSpec apply_run_options(const RunOptions& options, Scenario& scenario);

}  // namespace jobsim::app
