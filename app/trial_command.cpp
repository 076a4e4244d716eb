// `jobsim trial`: runs a scenario's declared trial over many replications, compares what the
// trial would estimate with the truth from its counterfactual worlds, prints the diagnosis and
// writes everything under /trial in one HDF5 file.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/progress.hpp"
#include "app/run_options.hpp"
#include "app/scenario_input.hpp"
#include "app/stop_signals.hpp"
#include "app/table.hpp"
#include "output/trial_writer.hpp"
#include "sim/core/error.hpp"
#include "sim/trials/trial.hpp"

namespace jobsim::app {
namespace {

struct TrialArgs {
    ScenarioInput input;
    RunOptions run;
    std::string outcome = "employed";
};

/// A share or number for the table; "-" when not available.
std::string cell(double value, int decimals) {
    return std::isfinite(value) ? fixed(value, decimals) : "-";
}

std::string key_label(const trials::DrawKey& key, const Scenario& scenario) {
    std::string label(trials::estimand_names[static_cast<std::size_t>(key.estimand)]);
    if (key.saturation >= 0.0) {
        label += " @" + fixed(key.saturation, 2);
    }
    if (!scenario.arms.empty() && scenario.arms.size() > 1) {
        label += " (" + scenario.arms[key.arm - 1].name + ")";
    }
    return label;
}

void print_diagnosis(std::ostream& out, const Scenario& scenario, const trials::TrialResult& result,
                     const std::string& outcome) {
    TextTable table({"outcome", "horizon", "estimand", "estimator", "mean est", "truth", "bias",
                     "rmse", "power", "coverage", "mde"});
    for (const trials::DiagnosisRow& row : result.diagnosis) {
        const std::string_view name =
            trial_outcomes[static_cast<std::size_t>(row.key.outcome)].name;
        if (outcome != "all" && name != outcome) {
            continue;
        }
        const analysis::Diagnosis& d = row.diagnosis;
        table.add_row(
            {std::string(name), std::to_string(row.key.horizon), key_label(row.key, scenario),
             std::string(trials::estimator_names[static_cast<std::size_t>(row.key.estimator)]),
             cell(d.mean_estimate, 4), cell(d.mean_truth, 4), cell(d.bias, 4), cell(d.rmse, 4),
             cell(d.power, 3), cell(d.coverage, 3), cell(d.mde, 4)});
    }
    table.print(out);
}

/// "all" for a power point's 0, else the number.
std::string size_cell(std::uint32_t requested) {
    return requested == 0 ? "all" : std::to_string(requested);
}

void print_power_curve(std::ostream& out, const Scenario& scenario,
                       const trials::TrialResult& result) {
    if (result.power_curve.empty()) {
        return;
    }
    out << "\nPower curve: "
        << trial_outcomes[static_cast<std::size_t>(scenario.trial.primary_outcome)].name << " at "
        << result.power_curve.front().key.horizon
        << " weeks, in subsamples of each simulated trial\n";
    TextTable table({"clusters", "persons", "kept clusters", "kept persons", "estimand",
                     "estimator", "power", "mde"});
    for (const trials::PowerCurveRow& row : result.power_curve) {
        table.add_row(
            {size_cell(row.point.clusters), size_cell(row.point.persons),
             cell(row.mean_clusters, 1), cell(row.mean_persons, 0), key_label(row.key, scenario),
             std::string(trials::estimator_names[static_cast<std::size_t>(row.key.estimator)]),
             cell(row.diagnosis.power, 3), cell(row.diagnosis.mde, 4)});
    }
    table.print(out);
}

void print_time_to_work(std::ostream& out, const Scenario& scenario,
                        const trials::TrialResult& result) {
    if (result.time_to_work.empty()) {
        return;
    }
    out << "\nTime to work (Kaplan-Meier, mean over replications): share still out of work\n";
    std::vector<std::string> header{"weeks"};
    const std::vector<Regime> arms = all_arms(scenario);
    for (const Regime& arm : arms) {
        header.push_back(arm.name);
    }
    TextTable table(header);
    for (const std::uint32_t horizon : scenario.trial.horizons) {
        std::vector<std::string> row{std::to_string(horizon)};
        for (std::size_t arm = 0; arm < arms.size(); ++arm) {
            const auto point = std::find_if(
                result.time_to_work.begin(), result.time_to_work.end(),
                [&](const trials::TimeToWork& p) { return p.arm == arm && p.week == horizon; });
            row.push_back(point == result.time_to_work.end() ? "-"
                                                             : cell(point->still_out_of_work, 3));
        }
        table.add_row(row);
    }
    table.print(out);
}

int run_trial_command(const TrialArgs& args, const std::string& command_line) {
    const auto start = std::chrono::steady_clock::now();
    Scenario scenario = load_scenario(args.input);
    RunSpec spec = apply_run_options(args.run, scenario);
    const bool known_outcome =
        args.outcome == "all" ||
        std::any_of(trial_outcomes.begin(), trial_outcomes.end(),
                    [&](const TrialOutcomeInfo& info) { return info.name == args.outcome; });
    if (!known_outcome) {
        std::string names = "all";
        for (const TrialOutcomeInfo& info : trial_outcomes) {
            names += ", " + std::string(info.name);
        }
        throw UsageError("--outcome " + args.outcome + ": expected one of " + names);
    }
    // Opened before running so an existing file without --force fails before any work.
    output::TrialWriter writer(
        {.path = args.run.output, .force = args.run.force, .command = command_line});
    trials::TrialResult result;
    StopSignals signals;
    spec.stop = signals.token();
    try {
        ProgressLine progress;
        result = trials::run_trial(scenario, spec, progress.callback());
    } catch (const RunStopped&) {
        // The trial's file is written only at the end: nothing was created.
        std::cerr << "jobsim: stopped by " << signal_name(signals.received())
                  << "; a trial is written only when every replication has finished, so nothing "
                     "was written\n";
        return exit_code_for_signal(signals.received());
    }
    writer.write(scenario, spec, result);
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;

    double enrolled = 0.0;
    double treated = 0.0;
    double clusters = 0.0;
    for (const trials::TrialSize& size : result.sizes) {
        enrolled += size.enrolled;
        treated += size.treated;
        clusters += size.clusters;
    }
    const double replications = std::max<double>(1.0, static_cast<double>(result.sizes.size()));
    std::cout << "wrote " << args.run.output << '\n'
              << "  scenario      " << scenario.name << " (" << args.input.file << ")\n"
              << "  design        "
              << trial_design_choices[static_cast<std::size_t>(scenario.trial.design)].name << ", "
              << cell(enrolled / replications, 0) << " enrolled ("
              << cell(treated / replications, 0) << " treated) in "
              << cell(clusters / replications, 0) << " clusters, on average\n"
              << "  replications  " << spec.replications << " (seed " << spec.seed << ")\n"
              << "  threads       " << spec.threads << '\n'
              << "  wall time     " << fixed(wall.count(), 1) << " s\n\n";
    print_diagnosis(std::cout, scenario, result, args.outcome);
    print_time_to_work(std::cout, scenario, result);
    print_power_curve(std::cout, scenario, result);
    std::cout << "\nTruth: each replication's effect from its counterfactual worlds (common random "
                 "numbers). Power: share of replications with p < "
              << scenario.trial.alpha << ". Coverage: share of intervals containing the truth.\n";
    return exit_success;
}

}  // namespace

void add_trial_command(CLI::App& cli, Action& chosen, const std::string& command_line) {
    CLI::App* command = cli.add_subcommand(
        "trial", "Run a scenario's trial over replications and diagnose its design");
    command->footer(exit_code_footer());
    auto args = std::make_shared<TrialArgs>();
    add_scenario_input(*command, args->input);
    add_run_options(*command, args->run, "Replications of the trial (overrides the scenario's)");
    command
        ->add_option("--outcome", args->outcome,
                     "Outcome the printed table shows, or `all` (the file holds every outcome)")
        ->type_name("NAME")
        ->capture_default_str();
    command->callback([args, command_line, &chosen] {
        chosen = [args, command_line] { return run_trial_command(*args, command_line); };
    });
}

}  // namespace jobsim::app
