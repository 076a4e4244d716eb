// The trial runner against what must hold whatever the model says (issue 4 acceptance): with
// identical arms the tests keep their size and the intervals their coverage, the truth is exactly
// zero (common random numbers), and results do not depend on the thread count.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/trial_fixture.hpp"

namespace test_trial {

using namespace jobsim;
using namespace jobsim::trials;
using jobsim::testing::find_row;
using jobsim::testing::small_trial;

TEST_CASE(
    "trial: with identical arms the truth is exactly zero, the test rejects at alpha and "
    "the interval covers 95% of the time",
    "[trials][trial]") {
    Scenario scenario = small_trial(TrialDesign::individual, 1200, 4, 8);
    scenario.trial.eligibility = TrialEligibility::out_of_work;
    const std::uint32_t replications = 400;
    const TrialResult result =
        run_trial(scenario, {.seed = 11, .replications = replications, .threads = 2});
    for (const TrialDraw& draw : result.draws) {
        INFO(estimand_names[static_cast<std::size_t>(draw.key.estimand)]);
        REQUIRE(draw.draw.truth == 0.0);  // the worlds are identical, person by person
    }
    for (const TrialOutcome outcome : {TrialOutcome::employed, TrialOutcome::weeks_in_work}) {
        const analysis::Diagnosis& d =
            find_row(result, Estimand::total, Estimator::difference_in_means, outcome, 8);
        INFO("outcome " << static_cast<int>(outcome) << " power " << d.power << " coverage "
                        << d.coverage << " draws " << d.draws);
        REQUIRE(d.draws == replications);
        // Rejections and coverage are binomial over replications: 4 standard errors.
        CHECK(std::abs(d.power - 0.05) < jobsim::testing::mc_tolerance(0.05, replications, 4.0));
        CHECK(std::abs(d.coverage - 0.95) < jobsim::testing::mc_tolerance(0.05, replications, 4.0));
        CHECK(std::abs(d.bias) < 4.0 * d.bias_mc_se);
    }
}

TEST_CASE("trial: every design gives the same draws at 1 and 3 threads", "[trials][trial]") {
    for (const TrialDesign design :
         {TrialDesign::individual, TrialDesign::cluster, TrialDesign::matched_pair_cluster,
          TrialDesign::saturation, TrialDesign::stepped_wedge}) {
        Scenario scenario = small_trial(design, 600, 6, 8);
        scenario.arms[0].conditionality.enabled = false;
        scenario.arms[0].working_alliance.sanction_power = mechanisms::SanctionPower::none;
        scenario.trial.randomisation_draws = 20;
        scenario.trial.attrition = 0.1;
        const TrialResult one = run_trial(scenario, {.seed = 3, .replications = 3, .threads = 1});
        const TrialResult three = run_trial(scenario, {.seed = 3, .replications = 3, .threads = 3});
        INFO("design " << static_cast<int>(design));
        REQUIRE(one.draws.size() == three.draws.size());
        REQUIRE_FALSE(one.draws.empty());
        for (std::size_t k = 0; k < one.draws.size(); ++k) {
            const analysis::Draw& a = one.draws[k].draw;
            const analysis::Draw& b = three.draws[k].draw;
            REQUIRE(one.draws[k].key == three.draws[k].key);
            REQUIRE(
                (a.estimate == b.estimate || (std::isnan(a.estimate) && std::isnan(b.estimate))));
            REQUIRE((a.truth == b.truth || (std::isnan(a.truth) && std::isnan(b.truth))));
            REQUIRE((a.p_value == b.p_value || (std::isnan(a.p_value) && std::isnan(b.p_value))));
        }
    }
}

TEST_CASE(
    "trial: a power curve at the full size reproduces the diagnosis, and smaller trials "
    "keep the sizes asked for",
    "[trials][trial]") {
    for (const TrialDesign design : {TrialDesign::individual, TrialDesign::cluster}) {
        Scenario scenario = small_trial(design, 1200, 6, 6);
        scenario.trial.eligibility = TrialEligibility::out_of_work;
        scenario.arms[0].conditionality.required_applications_per_week = 20;
        scenario.trial.primary_outcome = TrialOutcome::entered_work;
        scenario.trial.power_grid_clusters = {4, 100000};
        scenario.trial.power_grid_persons = {5, 100000};
        const TrialResult result =
            run_trial(scenario, {.seed = 4, .replications = 12, .threads = 2});
        INFO("design " << static_cast<int>(design));
        const Estimator estimator = design == TrialDesign::individual
                                        ? Estimator::difference_in_means
                                        : Estimator::cluster_robust;
        const analysis::Diagnosis& full =
            find_row(result, Estimand::total, estimator, TrialOutcome::entered_work, 6);
        double enrolled = 0.0;
        for (const TrialSize& size : result.sizes) {
            enrolled += size.enrolled / 12.0;
        }
        bool found_full = false;
        for (const PowerCurveRow& row : result.power_curve) {
            if (row.key.estimand != Estimand::total || row.key.estimator != estimator) {
                continue;
            }
            REQUIRE(row.key.outcome == TrialOutcome::entered_work);
            if (row.point.persons == 100000 &&
                (design == TrialDesign::individual || row.point.clusters == 100000)) {
                found_full = true;  // everyone kept: the same estimates as the diagnosis
                CHECK(row.mean_persons == Approx(enrolled));
                CHECK(row.diagnosis.mean_estimate == full.mean_estimate);
                CHECK(row.diagnosis.power == full.power);
            }
            if (row.point.persons == 5 && design == TrialDesign::individual) {
                CHECK(row.mean_persons == 5.0);
            }
            if (row.point.clusters == 4 && design == TrialDesign::cluster) {
                CHECK(row.mean_clusters == 4.0);
                CHECK(row.mean_persons <= (row.point.persons == 5 ? 20.0 : enrolled));
            }
        }
        CHECK(found_full);
    }
}

TEST_CASE("trial: time to work by arm ends where the difference in entries to work does",
          "[trials][trial]") {
    Scenario scenario = small_trial(TrialDesign::individual, 1200, 4, 8);
    scenario.trial.eligibility = TrialEligibility::out_of_work;
    scenario.trial.horizons = {4, 8};
    scenario.arms[0].conditionality.required_applications_per_week = 20;
    const TrialResult result = run_trial(scenario, {.seed = 8, .replications = 10, .threads = 2});
    const auto at = [&](std::uint8_t arm, std::uint32_t week) {
        for (const TimeToWork& point : result.time_to_work) {
            if (point.arm == arm && point.week == week) {
                return point.still_out_of_work;
            }
        }
        FAIL("no time-to-work point");
        return 0.0;
    };
    REQUIRE(result.time_to_work.size() == 2 * 8);
    for (std::uint8_t arm = 0; arm < 2; ++arm) {
        for (std::uint32_t week = 2; week <= 8; ++week) {
            CHECK(at(arm, week) <= at(arm, week - 1));  // a survival curve never rises
        }
    }
    // Nobody is censored before the last horizon, so the curve's end is one minus the share who
    // entered work, and the arms' gap is the difference in means of entering work.
    const analysis::Diagnosis& entered = find_row(
        result, Estimand::total, Estimator::difference_in_means, TrialOutcome::entered_work, 8);
    CHECK(at(0, 8) - at(1, 8) == Approx(entered.mean_estimate).margin(1e-12));
}

}  // namespace test_trial
