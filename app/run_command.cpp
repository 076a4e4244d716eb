// `jobsim run`: load and validate the scenario, open the output (failing fast on an existing file
// without --force), run every replication, then print a short summary. SIGINT / SIGTERM stop the
// run at the next week boundary with its finished replications kept for --resume.
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
#include "app/run_options.hpp"
#include "app/scenario_input.hpp"
#include "app/stop_signals.hpp"
#include "app/table.hpp"
#include "output/hdf5_recorder.hpp"
#include "output/partial_run.hpp"
#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/run/runner.hpp"
#include "sim/run/side_by_side.hpp"

namespace jobsim::app {
namespace {

struct RunArgs {
    ScenarioInput input;
    RunOptions run;
    OutputLevelArgs level;
    bool resume = false;
    std::string side_by_side = "auto";
};

/// "<n> of <total> replications finished": where they are kept and how to go on.
std::string kept_note(const std::string& output, std::uint32_t total) {
    const output::PartialRun partial(output);
    const std::uint32_t kept = partial.exists() ? partial.finished() : 0;
    if (kept == 0) {
        return message("no replication of ", total, " had finished; nothing is kept");
    }
    return message(kept, " of ", total, " replications finished and are kept in '",
                   partial.folder().string(), "'; run the same command with --resume to finish");
}

int run(const RunArgs& args, const std::string& command_line) {
    const auto start = std::chrono::steady_clock::now();
    const output::LevelOptions level = output_level(args.level);
    Scenario scenario = load_scenario(args.input);
    RunSpec spec = apply_run_options(args.run, scenario);
    spec.side_by_side = side_by_side_mode(args.side_by_side);
    std::vector<ArmSummary> summary;
    StopSignals signals;
    spec.stop = signals.token();
    try {
        // Opened before running so an existing file without --force fails before any work.
        output::Hdf5Recorder recorder({.path = args.run.output,
                                       .force = args.run.force,
                                       .resume = args.resume,
                                       .command = command_line},
                                      level);
        spec.finished = recorder.finished_replications(scenario, spec.seed, spec.replications);
        ProgressLine progress;
        summary = run_scenario(scenario, spec, recorder, progress.callback());
    } catch (const RunStopped&) {
        // The recorder is gone: what it kept is on disk.
        std::cerr << "jobsim: stopped by " << signal_name(signals.received()) << "; "
                  << kept_note(args.run.output, spec.replications) << '\n';
        return exit_code_for_signal(signals.received());
    } catch (const OutputError& error) {
        std::cerr << "jobsim: error: " << error.what() << '\n'
                  << "jobsim: " << kept_note(args.run.output, spec.replications) << '\n';
        return exit_failure;
    }
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;

    std::cout << "wrote " << args.run.output << '\n'
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
              << "  output level  " << output::level_name(level.level);
    if (level.level == output::OutputLevel::standard) {
        std::cout << " (trajectories of "
                  << output::trajectory_persons(level, scenario.population.persons) << " persons)";
    }
    std::cout << '\n' << "  wall time     " << fixed(wall.count(), 1) << " s\n\n";
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
    add_scenario_input(*command, args->input);
    add_run_options(*command, args->run, "Independent replications (overrides the scenario's)");
    add_output_level_options(*command, args->level);
    command
        ->add_option("--side-by-side", args->side_by_side,
                     "Run replications side by side, one per thread, each running its own weeks "
                     "(same results): auto does so when there are several threads and "
                     "replications and a replication has at most " +
                         std::to_string(side_by_side_max_persons) +
                         " persons, memory permitting; on does so at any size, memory permitting; "
                         "off runs them one after another, each week parallel over the threads")
        ->type_name("MODE")
        ->check(CLI::IsMember(side_by_side_names()))
        ->capture_default_str();
    command->add_flag("--resume", args->resume,
                      "Finish the interrupted run whose partial output (FILE.partial.d) is there: "
                      "same scenario and options; its finished replications are not run again");
    command->callback([args, command_line, &chosen] {
        chosen = [args, command_line] { return run(*args, command_line); };
    });
}

}  // namespace jobsim::app
