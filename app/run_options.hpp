// The options `run` and `trial` share: the output file, threads, seed, replications and --force,
// registered and applied the same way so the two commands cannot drift apart.
#pragma once

#include <cstdint>
#include <string>

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

/// Applies --seed and --replications to the scenario (the command line wins over the file, and
/// the file records what was run) and returns the run spec.
[[nodiscard]] RunSpec apply_run_options(const RunOptions& options, Scenario& scenario);

}  // namespace jobsim::app
