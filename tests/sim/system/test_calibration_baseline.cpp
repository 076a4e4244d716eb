// The calibration test (issue 3): scenarios/baseline.yaml, at its own size, run long enough to
// measure every target (mean of four replications), prints the calibration table and must stay
// inside the band of every target it is calibrated to. Targets not yet reached are listed in
// `not_yet_calibrated` below, printed as such, and are the open calibration work; a target reached
// must never be lost.
#include <iostream>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include "sim/observe/calibration.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/load.hpp"

namespace test_calibration_baseline {

using namespace jobsim;

namespace {

/// "id: what" of the targets the baseline does not reach yet.
// (None today: C13 is reached through area_conditions' per-area job-ending hazards.)
const std::set<std::string> not_yet_calibrated = {};

std::string key(const CalibrationTarget& target) {
    return target.id + ": " + target.what;
}

}  // namespace

TEST_CASE("calibration: the baseline reproduces the published figures within their bands",
          "[system][calibration]") {
    Scenario scenario =
        scenario::load_scenario_file(std::string(JOBSIM_SOURCE_DIR) + "/scenarios/baseline.yaml");
    scenario.weeks = 160;  // C3 needs two years of history and a year to measure
    const tbb::global_control lift(tbb::global_control::max_allowed_parallelism, 2);
    CalibrationRecorder recorder(scenario);
    // The scenario's own seed: the flagship run as users run it, only longer. The table is the
    // mean of four replications: at this size one run's sampling error (about a point on C1 and
    // M3) would otherwise decide verdicts at the band edges.
    constexpr std::uint32_t replications = 4;
    (void)run_scenario(
        scenario, {.seed = scenario.seed, .replications = replications, .threads = 2}, recorder);

    std::cout << "\ncalibration of scenarios/baseline.yaml (" << scenario.population.persons
              << " persons, " << scenario.weeks << " weeks, seed " << scenario.seed << ", mean of "
              << replications << " replications)\n";
    for (const CalibrationRow& row : recorder.table()) {
        const CalibrationTarget& t = row.target;
        const bool open = not_yet_calibrated.count(key(t)) > 0;
        std::cout << "  " << t.id << "  " << t.what << ": published " << t.value << ", band "
                  << t.low << " to " << t.high << ", simulated " << row.simulated << "  "
                  << (t.direction_only    ? "(direction only)"
                      : open              ? "(not yet calibrated)"
                      : row.within_band() ? "ok"
                                          : "OUT")
                  << '\n';
        INFO(key(t) << ": simulated " << row.simulated << ", band " << t.low << " to " << t.high);
        CHECK(row.measured());
        if (!t.direction_only && !open) {
            CHECK(row.within_band());
        }
    }
}

}  // namespace test_calibration_baseline
