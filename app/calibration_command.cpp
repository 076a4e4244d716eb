// `jobsim calibration-report SCENARIO`: runs the scenario's baseline regime and prints each
// published figure (calibration.md, seed figures) beside the simulated value and its band.
// Writes no file. With --check it exits 1 when a judged target is outside its band.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/progress.hpp"
#include "app/scenario_input.hpp"
#include "app/table.hpp"
#include "sim/observe/calibration.hpp"
#include "sim/run/runner.hpp"

namespace jobsim::app {
namespace {

struct CalibrationArgs {
    ScenarioInput input;
    std::uint32_t threads = 1;
    std::uint32_t replications = 1;
    std::uint32_t weeks = 0;
    std::uint64_t seed = 0;
    bool check = false;
    const CLI::Option* seed_option = nullptr;
    const CLI::Option* weeks_option = nullptr;
};

/// Shares as percentages, ratios as they are.
std::string shown(double value, const CalibrationTarget& target) {
    if (std::isnan(value)) {
        return "-";
    }
    return target.is_share ? fixed(100.0 * value, 1) + "%" : fixed(value, 3);
}

std::string verdict(const CalibrationRow& row) {
    if (!row.measured()) {
        return row.target.weeks_needed > 0
                   ? "needs " + std::to_string(row.target.weeks_needed) + "+ weeks or more events"
                   : "not measured";
    }
    if (row.target.direction_only) {
        return "direction only";
    }
    return row.within_band() ? "ok" : "OUT";
}

int report(const CalibrationArgs& args) {
    Scenario scenario = load_scenario(args.input);
    if (args.seed_option->count() > 0) {
        scenario.seed = args.seed;
    }
    if (args.weeks_option->count() > 0) {
        scenario.weeks = args.weeks;
    }
    scenario.arms.clear();  // the calibration is of the baseline regime
    CalibrationRecorder recorder(scenario);
    {
        ProgressLine progress;
        (void)run_scenario(
            scenario,
            {.seed = scenario.seed, .replications = args.replications, .threads = args.threads},
            recorder, progress.callback());
    }
    TextTable table({"id", "target", "published", "band", "simulated", "verdict"});
    int out_of_band = 0;
    for (const CalibrationRow& row : recorder.table()) {
        const CalibrationTarget& t = row.target;
        const std::string band =
            t.direction_only ? "-" : shown(t.low, t) + " to " + shown(t.high, t);
        table.add_row({t.id, t.what, t.value, band, shown(row.simulated, t), verdict(row)});
        out_of_band += row.measured() && !t.direction_only && !row.within_band();
    }
    std::cout << "calibration of " << scenario.name << " (regime '" << scenario.regime.name
              << "'), " << scenario.population.persons << " persons, " << scenario.weeks
              << " weeks after " << scenario.burn_in_weeks << " burn-in, " << args.replications
              << (args.replications == 1 ? " replication" : " replications") << ", seed "
              << scenario.seed << "\n\n";
    table.print(std::cout);
    std::cout << '\n'
              << out_of_band << " judged target" << (out_of_band == 1 ? "" : "s")
              << " outside the band. Sources and notes: ../shared/calibration.md, "
                 "sim/observe/calibration.cpp.\n";
    return args.check && out_of_band > 0 ? exit_failure : exit_success;
}

}  // namespace

void add_calibration_command(CLI::App& cli, Action& chosen) {
    CLI::App* command = cli.add_subcommand(
        "calibration-report",
        "Run a scenario's baseline regime and print published figures beside simulated ones");
    command->footer(exit_code_footer());
    auto args = std::make_shared<CalibrationArgs>();
    args->threads = std::max(1U, std::thread::hardware_concurrency());
    add_scenario_input(*command, args->input);
    command->add_option("--threads", args->threads, "Worker threads (results do not depend on it)")
        ->type_name("N")
        ->check(CLI::Range(1U, 4096U))
        ->capture_default_str();
    command->add_option("--replications", args->replications, "Replications to average")
        ->type_name("R")
        ->check(CLI::Range(1U, 1000U))
        ->capture_default_str();
    args->weeks_option =
        command
            ->add_option("--weeks", args->weeks,
                         "Recorded weeks (overrides the scenario's; some targets need 160+)")
            ->type_name("W")
            ->check(CLI::Range(1U, 5200U));
    args->seed_option =
        command->add_option("--seed", args->seed, "Master random seed (overrides the scenario's)")
            ->type_name("S");
    command->add_flag("--check", args->check, "Exit 1 when a judged target is outside its band");
    command->callback([args, &chosen] { chosen = [args] { return report(*args); }; });
}

}  // namespace jobsim::app
