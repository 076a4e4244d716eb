// The subcommands of the jobsim executable. Each add_*_command registers one subcommand with its
// options; when the command line selects it, it stores the work to do in `chosen`, which main()
// runs after parsing, so every error reaches main()'s single exception-to-exit-code mapping.
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace jobsim::app {

/// The selected subcommand's work; returns the process exit code.
using Action = std::function<int()>;

/// Exit codes, shown in every --help footer and in README.md.
inline constexpr int exit_success = 0;
inline constexpr int exit_failure = 1;    ///< failure while running (RunError, OutputError, other)
inline constexpr int exit_bad_input = 2;  ///< bad input (scenario, usage, existing output)

/// The text of the --help footer that documents the exit codes.
[[nodiscard]] std::string exit_code_footer();

/// Registers every subcommand. `command_line` is the full argv joined by spaces (provenance).
void add_commands(CLI::App& cli, Action& chosen, const std::string& command_line);

/// `jobsim run SCENARIO -o FILE ...`: runs a scenario to an HDF5 file.
void add_run_command(CLI::App& cli, Action& chosen, const std::string& command_line);

/// `jobsim trial SCENARIO -o FILE ...`: runs the scenario's trial and diagnoses its design.
void add_trial_command(CLI::App& cli, Action& chosen, const std::string& command_line);

/// `jobsim calibration-report SCENARIO ...`: published figures beside simulated ones.
void add_calibration_command(CLI::App& cli, Action& chosen);

/// `jobsim bench ...` and the hidden `jobsim bench-case ...` it runs in a child process per case.
void add_bench_commands(CLI::App& cli, Action& chosen);

}  // namespace jobsim::app
