// Trials with and without interference (issue 4 acceptance). Without it (vacancies plentiful, no
// network), an individual RCT's simulated power is the textbook two-proportion power. With finite
// vacancies, a treatment that raises search takes jobs from the controls: the naive RCT overstates
// the net effect of rolling it out, and a randomised saturation design measures the spillover.
#include <cmath>

#include <catch2/catch.hpp>
#include <tbb/parallel_for.h>

#include "analysis/power.hpp"
#include "sim/trials/trial_estimates.hpp"
#include "sim/trials/trial_worlds.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/trial_fixture.hpp"

namespace test_interference {

using namespace jobsim;
using namespace jobsim::trials;
using jobsim::testing::find_row;
using jobsim::testing::small_trial;

namespace {

/// A treatment arm that makes people search much harder: a higher search requirement pulls
/// effort up (job_search.requirement_pull), with sanctions as they are.
void raise_search(Scenario& scenario, std::uint32_t applications) {
    scenario.arms[0].name = "search_harder";
    scenario.arms[0].conditionality.required_applications_per_week = applications;
}

/// No interference between people: vacancies far beyond the applicants, no job leads through
/// ties, no mentoring or groups.
void remove_interference(Scenario& scenario) {
    scenario.labour_market.vacancy_flow.weekly_vacancies_per_job *= 300.0;
    scenario.labour_market.job_leads.enabled = false;
}

}  // namespace

TEST_CASE("trial: without interference an individual RCT has the analytic two-proportion power",
          "[trials][interference]") {
    Scenario scenario = small_trial(TrialDesign::individual, 6000, 4, 26);
    scenario.trial.eligibility = TrialEligibility::out_of_work;
    remove_interference(scenario);
    raise_search(scenario, 20);
    const std::uint32_t replications = 160;
    // Per replication: people and entries to work in each arm, and the test's verdict.
    struct Tally {
        double n[2] = {0.0, 0.0};
        double entered[2] = {0.0, 0.0};
        double rejected = 0.0;
        double estimate = 0.0;
        double truth = 0.0;
    };
    std::vector<Tally> tallies(replications);
    jobsim::testing::with_threads(2, [&] {
        tbb::parallel_for(std::uint32_t{0}, replications, [&](std::uint32_t r) {
            const auto key = rng::ReplicationKey::make(21, r);
            const TrialReplication rep = simulate_replication(scenario, key, [] {});
            const std::vector<double> y = rep.realised.column(0, TrialOutcome::entered_work);
            Tally& tally = tallies[r];
            for (std::size_t row = 0; row < rep.sample.size(); ++row) {
                tally.n[rep.sample.arm[row]] += 1.0;
                tally.entered[rep.sample.arm[row]] += y[row];
            }
            for (const TrialDraw& draw : estimate_replication(scenario.trial, rep, key, r)) {
                if (draw.key.estimand == Estimand::total &&
                    draw.key.estimator == Estimator::difference_in_means &&
                    draw.key.outcome == TrialOutcome::entered_work) {
                    tally.rejected = draw.draw.p_value < scenario.trial.alpha ? 1.0 : 0.0;
                    tally.estimate = draw.draw.estimate;
                    tally.truth = draw.draw.truth;
                }
            }
        });
    });
    // Pooled over replications: the simulated p0 and p1 and the arms' mean sizes.
    double n[2] = {0.0, 0.0};
    double entered[2] = {0.0, 0.0};
    double rejections = 0.0;
    double total_effect = 0.0;
    double estimated_effect = 0.0;
    for (const Tally& tally : tallies) {
        for (int arm = 0; arm < 2; ++arm) {
            n[arm] += tally.n[arm];
            entered[arm] += tally.entered[arm];
        }
        rejections += tally.rejected;
        total_effect += tally.truth;
        estimated_effect += tally.estimate;
    }
    const double p0 = entered[0] / n[0];
    const double p1 = entered[1] / n[1];
    const double analytic = analysis::two_proportion_power(
        p0, p1, n[0] / replications, n[1] / replications, scenario.trial.alpha);
    const double power = rejections / replications;
    INFO("p0 " << p0 << ", p1 " << p1 << ", n " << n[0] / replications << " and "
               << n[1] / replications << ", simulated power " << power << ", analytic " << analytic
               << ", effect " << estimated_effect / replications << ", truth "
               << total_effect / replications);
    REQUIRE(analytic > 0.25);  // an effect worth detecting, so the comparison says something
    REQUIRE(analytic < 0.95);
    // The rejection count is binomial: 4 standard errors at the analytic power.
    CHECK(std::abs(power - analytic) < jobsim::testing::mc_tolerance(analytic, replications, 4.0));
}

TEST_CASE(
    "trial: with finite vacancies a search-raising treatment's naive RCT overstates the net "
    "effect, and a randomised saturation design recovers the spillover on untreated people",
    "[trials][interference]") {
    const auto displacing_trial = [](TrialDesign design) {
        Scenario scenario = small_trial(design, 8000, 8, 13);
        scenario.trial.eligibility = TrialEligibility::out_of_work;
        // Areas far apart, so interference stays inside an area: the saturation design's premise.
        scenario.labour_market.area_spacing_km = 200.0;
        scenario.trial.saturations = {0.0, 0.8};
        raise_search(scenario, 20);
        return scenario;
    };
    const std::uint32_t replications = 60;
    const RunSpec spec{.seed = 21, .replications = replications, .threads = 2};

    // Individual RCT of half the people out of work: the treated get jobs the controls would have
    // had, so the comparison of the two adds the controls' loss to the treated's gain.
    const TrialResult rct = run_trial(displacing_trial(TrialDesign::individual), spec);
    const analysis::Diagnosis& naive = find_row(
        rct, Estimand::total, Estimator::difference_in_means, TrialOutcome::entered_work, 13);
    INFO("naive RCT estimate " << naive.mean_estimate << ", net effect of rolling it out "
                               << naive.mean_truth << ", bias " << naive.bias << " (MC SE "
                               << naive.bias_mc_se << ")");
    CHECK(naive.bias > 4.0 * naive.bias_mc_se);
    CHECK(naive.mean_estimate > naive.mean_truth);

    // Saturation: half the areas treat 80% of their people, half none.
    const TrialResult saturation = run_trial(displacing_trial(TrialDesign::saturation), spec);
    const analysis::Diagnosis& spillover = find_row(
        saturation, Estimand::spillover, Estimator::saturation, TrialOutcome::entered_work, 13);
    INFO("spillover estimate " << spillover.mean_estimate << ", truth " << spillover.mean_truth
                               << ", bias " << spillover.bias << " (MC SE " << spillover.bias_mc_se
                               << "), coverage " << spillover.coverage);
    CHECK(spillover.mean_truth < -4.0 * spillover.bias_mc_se);  // a real loss to the untreated
    CHECK(std::abs(spillover.bias) < 4.0 * spillover.bias_mc_se);
    CHECK(spillover.coverage > 0.85);
    const analysis::Diagnosis& direct = find_row(
        saturation, Estimand::direct, Estimator::saturation, TrialOutcome::entered_work, 13);
    CHECK(std::abs(direct.bias) < 4.0 * direct.bias_mc_se);
}

}  // namespace test_interference
