// The runner's arms: every arm starts from the same world after burn-in and draws the same random
// numbers (common random numbers), so an arm identical to the baseline reproduces it exactly and
// an arm's difference is the regime's effect on the same people.
#include <cstring>
#include <map>

#include <catch2/catch.hpp>
#include <tbb/global_control.h>

#include "sim/observe/recorder.hpp"
#include "sim/run/runner.hpp"
#include "sim/state/world.hpp"
#include "tests/support/simulate.hpp"

namespace test_runner_arms {

using namespace jobsim;

namespace {

/// Keeps each (replication, arm) run's first and final person columns and ties as bytes, and the
/// summary.
class CapturingRecorder final : public Recorder {
public:
    std::map<std::pair<std::uint32_t, std::uint8_t>, std::string> final_state;
    std::map<std::pair<std::uint32_t, std::uint8_t>, std::string> start_state;
    std::vector<ArmOutcomes> runs;
    std::vector<std::string> arm_names;

    void begin_run(const RunInfo& info) override { arm_names = info.arms; }
    void begin_replication(std::uint32_t r, std::uint8_t arm, const World& world) override {
        start_state[{r, arm}] = bytes_without_arm(world);
    }
    void record_week(Week, const World&, std::span<const Event>,
                     std::span<const AreaWeek>) override {}
    void end_replication(std::uint32_t r, std::uint8_t arm, const World& world) override {
        final_state[{r, arm}] = bytes_without_arm(world);
    }
    void record_summary(std::span<const ArmOutcomes> all, std::span<const ArmSummary>) override {
        runs.assign(all.begin(), all.end());
    }
    void end_run() override {}

private:
    /// Every person column but `arm` (which names the arm and so differs by design).
    static std::string bytes_without_arm(const World& world) {
        std::string bytes;
        const_cast<Persons&>(world.persons)
            .for_each_named_column([&](const char* name, const auto& column) {
                if (std::strcmp(name, "arm") != 0) {
                    bytes.append(reinterpret_cast<const char*>(column.data()),
                                 column.size() * sizeof(column[0]));
                }
            });
        // And every tie in use (slots past a person's degree are never read).
        for (std::uint32_t i = 0; i < world.network.persons(); ++i) {
            const std::span<const Tie> ties = world.network.ties(i);
            bytes.append(reinterpret_cast<const char*>(ties.data()), ties.size_bytes());
            bytes.push_back('|');
        }
        return bytes;
    }
};

/// Later arms restore a snapshot of the world after burn-in, or, without burn-in, generate it
/// again: both ways must give every arm the same start.
Scenario scenario_with_arms(std::uint32_t burn_in_weeks = 8) {
    Scenario scenario = testing::small_scenario(6000, 4);
    scenario.weeks = 26;
    scenario.burn_in_weeks = burn_in_weeks;
    Regime same = scenario.regime;
    same.name = "same";
    Regime relaxed = scenario.regime;
    relaxed.name = "relaxed";
    relaxed.conditionality.enabled = false;
    scenario.arms = {same, relaxed};
    return scenario;
}

CapturingRecorder run(const Scenario& scenario, std::uint32_t threads) {
    const tbb::global_control lift(tbb::global_control::max_allowed_parallelism, 8);
    CapturingRecorder recorder;
    run_scenario(scenario, {.seed = 5, .replications = 2, .threads = threads}, recorder);
    return recorder;
}

}  // namespace

TEST_CASE("runner: arms start from the same world; an unchanged arm reproduces the baseline",
          "[run][arms]") {
    const std::uint32_t burn_in_weeks = GENERATE(8U, 0U);
    CAPTURE(burn_in_weeks);
    const CapturingRecorder recorded = run(scenario_with_arms(burn_in_weeks), 2);
    REQUIRE(recorded.arm_names == std::vector<std::string>{"baseline", "same", "relaxed"});
    for (std::uint32_t r = 0; r < 2; ++r) {
        CHECK(recorded.start_state.at({r, 0}) == recorded.start_state.at({r, 1}));
        CHECK(recorded.start_state.at({r, 0}) == recorded.start_state.at({r, 2}));
        CHECK(recorded.final_state.at({r, 0}) == recorded.final_state.at({r, 1}));
        CHECK(recorded.final_state.at({r, 0}) != recorded.final_state.at({r, 2}));
    }
    CHECK(recorded.start_state.at({0, 0}) != recorded.start_state.at({1, 0}));
}

TEST_CASE("runner: the summary compares arms on the same cohort", "[run][arms]") {
    const CapturingRecorder recorded = run(scenario_with_arms(), 2);
    REQUIRE(recorded.runs.size() == 6);  // 2 replications x 3 arms
    for (const ArmOutcomes& outcome : recorded.runs) {
        const ArmOutcomes& baseline = recorded.runs[outcome.replication * 3];
        CHECK(outcome.cohort == baseline.cohort);
        CHECK(outcome.cohort > 0);
        if (outcome.arm == 1) {
            CHECK(outcome.employed_26w == baseline.employed_26w);
            CHECK(outcome.sanctions_per_100 == baseline.sanctions_per_100);
        }
        if (outcome.arm == 2) {
            CHECK(outcome.sanctions_per_100 == 0.0);  // conditionality off: no sanctions
            CHECK(baseline.sanctions_per_100 > 0.0);
        }
    }
}

TEST_CASE("runner: every arm is identical at 1 and 4 threads", "[run][arms]") {
    const Scenario scenario = scenario_with_arms();
    const CapturingRecorder one = run(scenario, 1);
    const CapturingRecorder four = run(scenario, 4);
    CHECK(one.final_state == four.final_state);
    REQUIRE(one.runs.size() == four.runs.size());
    for (std::size_t k = 0; k < one.runs.size(); ++k) {
        CHECK(one.runs[k].cohort == four.runs[k].cohort);
        CHECK(one.runs[k].sustained_jobs == four.runs[k].sustained_jobs);
        for_each_outcome([&](const char* name, double ArmOutcomes::*member, const char*) {
            INFO(name);
            const double a = one.runs[k].*member;
            const double b = four.runs[k].*member;
            CHECK(std::memcmp(&a, &b, sizeof(double)) == 0);  // bit for bit, NaN included
        });
    }
}

namespace {

/// Every lever of the seed table switched on at once (the Universal Work Service and more).
Regime everything_on(Regime regime) {
    regime.name = "everything_on";
    regime.coach_continuity.choose_coach = true;
    regime.working_alliance.sanction_power = mechanisms::SanctionPower::agency;
    regime.conditionality.failures_before_sanction = 2;
    regime.conditionality.exempt_health_barrier = true;
    regime.conditionality.wrongful_sanction_probability = 0.01;
    regime.action_plan.plan_type = mechanisms::PlanType::strengths;
    regime.personal_budget.enabled = true;
    regime.provider_referral.enabled = true;
    regime.provider_referral.payment_by_results = true;
    regime.work_placement.enabled = true;
    regime.service_access.eligibility = mechanisms::Eligibility::universal;
    regime.service_access.work_hubs = true;
    regime.service_access.digital_channel = true;
    regime.in_work_support.enabled = true;
    regime.mentoring.enabled = true;
    regime.peer_groups.enabled = true;
    regime.mixed_events.enabled = true;
    regime.bring_a_friend.enabled = true;
    regime.social_prescribing.enabled = true;
    regime.coach_targets.sanctions_per_100_claimants = 2.0;
    regime.coach_targets.referrals_per_100_claimants = 2.0;
    regime.coach_information.enabled = true;
    regime.self_employment.enabled = true;
    regime.self_employment.eligibility = mechanisms::EnterpriseEligibility::service_users;
    regime.provider_choice.enabled = true;
    regime.employer_links.enabled = true;
    regime.employer_links.single_point_of_contact = true;
    regime.employer_links.growth_sector_share = 0.5;
    regime.group_consultations.enabled = true;
    regime.co_design.enabled = true;
    return regime;
}

}  // namespace

TEST_CASE("runner: with every lever on, arms are identical at 1 and 4 threads and share numbers",
          "[run][arms]") {
    Scenario scenario = testing::small_scenario(6000, 4);
    scenario.weeks = 20;
    scenario.burn_in_weeks = 6;
    scenario.labour_market.labour_market_shocks.business_cycle_amplitude = 0.1;
    Regime copy = everything_on(scenario.regime);
    copy.name = "copy";
    scenario.arms = {everything_on(scenario.regime), copy};
    const CapturingRecorder one = run(scenario, 1);
    const CapturingRecorder four = run(scenario, 4);
    CHECK(one.final_state == four.final_state);
    for (std::uint32_t r = 0; r < 2; ++r) {
        CHECK(one.final_state.at({r, 1}) == one.final_state.at({r, 2}));  // common numbers
        CHECK(one.final_state.at({r, 0}) != one.final_state.at({r, 1}));  // the levers act
    }
}

}  // namespace test_runner_arms
