// `jobsim run`: load and validate the scenario, open the output (failing fast on an existing file
// without --force), run every replication, then print a short summary.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/arm_table.hpp"
#include "app/commands.hpp"
#include "app/progress.hpp"
#include "app/scenario_input.hpp"
#include "app/table.hpp"
#include "output/hdf5_recorder.hpp"
#include "sim/run/runner.hpp"

namespace jobsim::app {
namespace {

struct RunArgs {
    ScenarioInput input;
    std::string output;
    std::uint32_t threads = 1;
    std::uint64_t seed = 0;
    std::uint32_t replications = 0;
    bool force = false;
    const CLI::Option* seed_option = nullptr;
    const CLI::Option* replications_option = nullptr;
};

int run(const RunArgs& args, const std::string& command_line) {
    const auto start = std::chrono::steady_clock::now();
    Scenario scenario = load_scenario(args.input);
    // The command line wins over the file, and the file records what was run.
    if (args.seed_option->count() > 0) {
        scenario.seed = args.seed;
    }
    if (args.replications_option->count() > 0) {
        scenario.replications = args.replications;
    }
    // Opened before running so an existing file without --force fails before any work.
    output::Hdf5Recorder recorder(
        {.path = args.output, .force = args.force, .command = command_line});
    const RunSpec spec{
        .seed = scenario.seed, .replications = scenario.replications, .threads = args.threads};
    std::vector<ArmSummary> summary;
    {
        ProgressLine progress;
        summary = run_scenario(scenario, spec, recorder, progress.callback());
    }
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;

    std::cout << "wrote " << args.output << '\n'
              << "  scenario      " << scenario.name << " (" << args.input.file << ")\n"
              << "  persons       " << scenario.population.persons << " in "
              << scenario.population.areas << " areas\n"
              << "  weeks         " << scenario.weeks << " recorded";
    if (scenario.burn_in_weeks > 0) {
        std::cout << " after " << scenario.burn_in_weeks << " burn-in";
    }
    std::cout << '\n'
              << "  replications  " << spec.replications << " (seed " << spec.seed << ")\n"
              << "  threads       " << spec.threads << '\n'
              << "  wall time     " << fixed(wall.count(), 1) << " s\n\n";
    std::vector<std::string> arm_names;
    for (const Regime& arm : all_arms(scenario)) {
        arm_names.push_back(arm.name);
    }
    print_arm_summary(std::cout, arm_names, summary);
    return exit_success;
}

}  // namespace

void add_run_command(CLI::App& cli, Action& chosen, const std::string& command_line) {
    CLI::App* command = cli.add_subcommand("run", "Run a scenario and write one HDF5 file");
    command->footer(exit_code_footer());
    auto args = std::make_shared<RunArgs>();
    args->threads = std::max(1U, std::thread::hardware_concurrency());
    add_scenario_input(*command, args->input);
    command->add_option("-o,--output", args->output, "HDF5 file to write")
        ->required()
        ->type_name("FILE");
    command
        ->add_option("--threads", args->threads,
                     "Worker threads (results do not depend on it; default: all hardware threads)")
        ->type_name("N")
        ->check(CLI::Range(1U, 4096U))
        ->capture_default_str();
    args->seed_option =
        command->add_option("--seed", args->seed, "Master random seed (overrides the scenario's)")
            ->type_name("S");
    args->replications_option =
        command
            ->add_option("--replications", args->replications,
                         "Independent replications (overrides the scenario's)")
            ->type_name("R")
            ->check(CLI::Range(1U, 100000U));
    command->add_flag("--force", args->force, "Replace FILE if it exists");
    command->callback([args, command_line, &chosen] {
        chosen = [args, command_line] { return run(*args, command_line); };
    });
}

}  // namespace jobsim::app
