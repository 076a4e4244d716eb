// The runner's stop and resume: a StopToken stops the run at a week boundary before the summary,
// counting the replications finished; replications given as finished are not run again, and the
// summary is the one a full run gives (a replication depends only on the seed and its index).
#include <atomic>
#include <cstring>

#include <catch2/catch.hpp>

#include "sim/observe/recorder.hpp"
#include "sim/run/runner.hpp"
#include "tests/support/simulate.hpp"

namespace test_runner_stop {

using namespace jobsim;

namespace {

/// Counts calls and keeps each run's outcomes; sets `stop` once `stop_after_weeks` weeks passed.
class StoppingRecorder final : public Recorder {
public:
    std::atomic<bool>* stop = nullptr;
    int stop_after_weeks = -1;
    int weeks = 0;
    std::vector<std::uint32_t> begun;  ///< replications begun (arm 0)
    std::vector<ArmOutcomes> outcomes;
    bool summarised = false;

    void begin_run(const RunInfo&) override {}
    void begin_replication(std::uint32_t r, std::uint8_t arm, const World&) override {
        if (arm == 0) {
            begun.push_back(r);
        }
    }
    void record_week(Week, const World&, std::span<const Event>,
                     std::span<const AreaWeek>) override {
        if (++weeks == stop_after_weeks && stop != nullptr) {
            stop->store(true);
        }
    }
    void record_outcomes(std::uint32_t, std::uint8_t, const ArmOutcomes& run) override {
        outcomes.push_back(run);
    }
    void end_replication(std::uint32_t, std::uint8_t, const World&) override {}
    void record_summary(std::span<const ArmOutcomes>, std::span<const ArmSummary>) override {
        summarised = true;
    }
    void end_run() override {}
};

Scenario tiny() {
    Scenario scenario = testing::small_scenario(800, 2);
    scenario.weeks = 4;
    scenario.burn_in_weeks = 1;
    return scenario;
}

/// Bit for bit (NaN included) on the counts and a spread of the outcomes.
bool same(const ArmOutcomes& a, const ArmOutcomes& b) {
    const auto bits = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
    return a.replication == b.replication && a.cohort == b.cohort &&
           a.sustained_jobs == b.sustained_jobs && bits(a.employed_26w, b.employed_26w) &&
           bits(a.weekly_earnings, b.weekly_earnings) && bits(a.wellbeing, b.wellbeing) &&
           bits(a.trust, b.trust) && bits(a.benefit_cost_gbp, b.benefit_cost_gbp) &&
           bits(a.service_cost_gbp, b.service_cost_gbp);
}

}  // namespace

TEST_CASE("runner: a stop request ends the run at the next week boundary", "[run][stop]") {
    std::atomic<bool> stop{false};
    StoppingRecorder recorder;
    recorder.stop = &stop;
    recorder.stop_after_weeks = 6;  // in replication 1 (4 recorded weeks a replication)
    RunSpec spec{.seed = 3, .replications = 3, .threads = 1};
    spec.stop = StopToken(&stop);
    try {
        (void)run_scenario(tiny(), spec, recorder);
        FAIL("expected RunStopped");
    } catch (const RunStopped& stopped) {
        CHECK(stopped.replications_finished() == 1);
    }
    CHECK(recorder.weeks == 6);  // not a week more
    CHECK(recorder.begun == std::vector<std::uint32_t>{0, 1});
    CHECK_FALSE(recorder.summarised);
}

TEST_CASE("runner: finished replications are skipped and the summary is unchanged", "[run][stop]") {
    const RunSpec full{.seed = 3, .replications = 3, .threads = 1};
    StoppingRecorder first;
    const std::vector<ArmSummary> expected = run_scenario(tiny(), full, first);
    REQUIRE(first.outcomes.size() == 3);

    RunSpec resumed = full;
    resumed.finished = {{0, {first.outcomes[0]}}, {2, {first.outcomes[2]}}};
    StoppingRecorder second;
    const std::vector<ArmSummary> summary = run_scenario(tiny(), resumed, second);
    CHECK(second.begun == std::vector<std::uint32_t>{1});
    REQUIRE(second.outcomes.size() == 1);
    CHECK(same(second.outcomes[0], first.outcomes[1]));
    REQUIRE(summary.size() == expected.size());
    CHECK(same(summary[0].mean, expected[0].mean));
    CHECK(same(summary[0].standard_error, expected[0].standard_error));
}

}  // namespace test_runner_stop
