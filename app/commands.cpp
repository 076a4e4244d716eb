// The small subcommands (validate, resolve, reference) and the registration of all of them.
#include "app/commands.hpp"

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/scenario_input.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::app {
namespace {

void add_validate_command(CLI::App& cli, Action& chosen) {
    CLI::App* command = cli.add_subcommand(
        "validate", "Check a scenario (and its --set overrides) without running it");
    command->footer(exit_code_footer());
    auto input = std::make_shared<ScenarioInput>();
    add_scenario_input(*command, *input);
    command->callback([input, &chosen] {
        chosen = [input] {
            const Scenario scenario = load_scenario(*input);
            std::cout << "ok: " << input->file << " (" << scenario.population.persons
                      << " persons, " << scenario.population.areas << " areas, " << scenario.weeks
                      << " weeks, " << scenario.replications << " replication(s))\n";
            return exit_success;
        };
    });
}

void add_resolve_command(CLI::App& cli, Action& chosen) {
    CLI::App* command = cli.add_subcommand(
        "resolve", "Print the fully resolved scenario (every key, defaults and --set applied)");
    command->footer(exit_code_footer());
    auto input = std::make_shared<ScenarioInput>();
    add_scenario_input(*command, *input);
    command->callback([input, &chosen] {
        chosen = [input] {
            std::cout << scenario::to_yaml(load_scenario(*input));
            return exit_success;
        };
    });
}

void add_reference_command(CLI::App& cli, Action& chosen) {
    CLI::App* command = cli.add_subcommand(
        "reference",
        "Print the Markdown reference of every scenario key (sim/scenario/reference.md)");
    command->footer(exit_code_footer());
    command->callback([&chosen] {
        chosen = [] {
            std::cout << scenario::reference_markdown();
            return exit_success;
        };
    });
}

}  // namespace

std::string exit_code_footer() {
    return "Exit codes: 0 success; 2 bad input (invalid scenario or --set, unknown option, missing "
           "scenario file, existing output without --force, an interrupted run's partial output "
           "without --resume or --force, a --resume that does not match it); 1 failure while "
           "running (a broken invariant, an output file that cannot be written, any other "
           "error); 130 / 143 stopped by SIGINT / SIGTERM at a week boundary (run keeps the "
           "finished replications for --resume).";
}

void add_commands(CLI::App& cli, Action& chosen, const std::string& command_line) {
    add_run_command(cli, chosen, command_line);
    add_trial_command(cli, chosen, command_line);
    add_calibration_command(cli, chosen);
    add_validate_command(cli, chosen);
    add_resolve_command(cli, chosen);
    add_reference_command(cli, chosen);
    add_bench_commands(cli, chosen);
}

}  // namespace jobsim::app
