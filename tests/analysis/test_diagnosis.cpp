// Design diagnosis: DeclareDesign's README example (calibration case C14) by simulation, and
// hand-computed diagnoses of a few draws.
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>

#include "analysis/diagnosis.hpp"
#include "analysis/difference_in_means.hpp"
#include "analysis/power.hpp"

#include "random_assignment.hpp"

namespace test_diagnosis {

using namespace jobsim::analysis;

namespace {

/// Four draws whose diagnosis is worked by hand in the test below.
std::vector<Draw> hand_draws() {
    return {
        {.estimate = 1, .std_error = 1, .p_value = 0.01, .ci_low = 0.5, .ci_high = 1.5, .truth = 1},
        {.estimate = 2, .std_error = 2, .p_value = 0.20, .ci_low = 2.5, .ci_high = 3.0, .truth = 1},
        {.estimate = 3, .std_error = 3, .p_value = 0.04, .ci_low = 2.0, .ci_high = 4.0, .truth = 2},
        {.estimate = 6, .std_error = 4, .p_value = 0.05, .ci_low = 5.0, .ci_high = 7.0, .truth = 2},
    };
}

}  // namespace

TEST_CASE("diagnosis: DeclareDesign's README design has power 0.17, no bias, SD 0.2, coverage 0.95",
          "[analysis][diagnosis]") {
    // Calibration case C14 (Blair et al. 2019; DeclareDesign's README): N = 100, 50 treated by
    // complete randomisation, Y0 ~ N(0, 1), Y1 = Y0 + 0.2, difference in means, 4000 simulations.
    // The estimand (the sample ATE, 0.2 here) comes from the counterfactuals as the trial runner's
    // will. Truths: bias 0; SD = sqrt(1/50 + 1/50) = 0.2 = RMSE; coverage 0.95; power 0.170 by
    // the normal approximation (0.168 for the t-test with 98 df, pwr.t.test(n = 50, d = 0.2)).
    // Tolerances are 4 Monte Carlo SEs at 4000 draws: power sqrt(.17 * .83 / 4000) = 0.0059 ->
    // 0.024; bias 0.2 / sqrt(4000) = 0.0032 -> 0.013; SD and RMSE 0.2 / sqrt(2 * 3999) = 0.0022
    // -> 0.009; coverage sqrt(.95 * .05 / 4000) = 0.0034 -> 0.014.
    constexpr std::size_t units = 100;
    constexpr std::size_t simulations = 4000;
    constexpr double effect = 0.2;
    std::mt19937_64 engine(20191014);
    boost::random::normal_distribution<double> noise(0.0, 1.0);
    std::vector<Draw> draws;
    std::vector<double> observed(units);
    for (std::size_t s = 0; s < simulations; ++s) {
        const std::vector<std::uint8_t> treated =
            testing::complete_random_assignment(units, units / 2, engine);
        for (std::size_t i = 0; i < units; ++i) {
            const double untreated_outcome = noise(engine);
            observed[i] = untreated_outcome + (treated[i] != 0 ? effect : 0.0);
        }
        draws.push_back(make_draw(difference_in_means(observed, treated), effect));
    }
    const Diagnosis d = diagnose(draws);
    REQUIRE(d.draws == simulations);
    const double analytic_power = two_sample_power(effect, 1.0, 1.0, 50.0, 50.0, 0.05);
    CHECK(analytic_power == Approx(0.170).margin(5e-4));
    CHECK(d.power == Approx(analytic_power).margin(0.024));
    CHECK(d.bias == Approx(0.0).margin(0.013));
    CHECK(d.mean_truth == Approx(effect));
    CHECK(d.sd_estimate == Approx(0.2).margin(0.009));
    CHECK(d.rmse == Approx(0.2).margin(0.009));
    CHECK(d.coverage == Approx(0.95).margin(0.014));
    // The Neyman SE estimates 0.2 with a relative SD of about 1 / sqrt(2 * 98), so its mean over
    // 4000 draws is within 0.2 * 0.071 / sqrt(4000) * 4 = 0.001 of its expectation (0.1995).
    CHECK(d.mean_std_error == Approx(0.2).margin(0.002));
    // The MDE is 2.8 SDs (Bloom 1995), near 0.56; the reported MC errors follow their formulas.
    CHECK(d.mde == Approx(2.801585 * d.sd_estimate).epsilon(1e-6));
    CHECK(d.power_mc_se == Approx(std::sqrt(d.power * (1 - d.power) / 4000.0)));
    CHECK(d.coverage_mc_se == Approx(0.0034).margin(2e-4));
    CHECK(d.bias_mc_se == Approx(0.0032).margin(2e-4));
    CHECK(d.sd_estimate_mc_se == Approx(0.0022).margin(1e-4));
    CHECK(d.rmse_mc_se == Approx(0.0022).margin(2e-4));
}

TEST_CASE("diagnosis: four draws give the statistics worked by hand", "[analysis][diagnosis]") {
    // Estimates 1, 2, 3, 6 of truths 1, 1, 2, 2: errors 0, 1, 1, 4.
    // mean estimate 3, mean truth 1.5, bias 6/4 = 1.5; deviations -2, -1, 0, 3 -> SD sqrt(14/3);
    // RMSE sqrt((0 + 1 + 1 + 16)/4) = sqrt(4.5). p < 0.05: 0.01 and 0.04 (0.05 is not below) ->
    // power 1/2. Intervals holding the truth: [0.5, 1.5] yes, [2.5, 3] no, [2, 4] yes (closed),
    // [5, 7] no -> coverage 1/2. Mean SE 2.5. MDE 2.801585 * sqrt(14/3) = 6.052116.
    // MC SEs: errors' SD sqrt(9/3) = sqrt(3) -> bias sqrt(3)/2; squared errors 0, 1, 1, 16 have
    // SD sqrt(177/3) = sqrt(59) -> RMSE sqrt(59)/2 / (2 sqrt(4.5)); shares sqrt(.25/4) = 0.25;
    // SD sqrt(14/3) / sqrt(2 * 3).
    const std::vector<Draw> draws = hand_draws();
    const Diagnosis d = diagnose(draws);
    CHECK(d.draws == 4);
    CHECK(d.mean_estimate == Approx(3.0));
    CHECK(d.mean_truth == Approx(1.5));
    CHECK(d.bias == Approx(1.5));
    CHECK(d.sd_estimate == Approx(std::sqrt(14.0 / 3.0)));
    CHECK(d.rmse == Approx(std::sqrt(4.5)));
    CHECK(d.power == Approx(0.5));
    CHECK(d.coverage == Approx(0.5));
    CHECK(d.mean_std_error == Approx(2.5));
    CHECK(d.mde == Approx(6.052116).epsilon(1e-6));
    CHECK(d.bias_mc_se == Approx(std::sqrt(3.0) / 2.0));
    CHECK(d.rmse_mc_se == Approx(std::sqrt(59.0) / 2.0 / (2.0 * std::sqrt(4.5))));
    CHECK(d.power_mc_se == Approx(0.25));
    CHECK(d.coverage_mc_se == Approx(0.25));
    CHECK(d.sd_estimate_mc_se == Approx(std::sqrt(14.0 / 3.0) / std::sqrt(6.0)));
    CHECK(d.mde_mc_se == Approx(2.801585 * d.sd_estimate_mc_se).epsilon(1e-6));
    // A stricter test rejects only p = 0.01.
    CHECK(diagnose(draws, 0.02).power == Approx(0.25));
}

TEST_CASE("diagnosis: a missing field drops a draw only from the statistics that need it",
          "[analysis][diagnosis]") {
    std::vector<Draw> draws = hand_draws();
    draws.push_back({.estimate = Draw::missing,
                     .std_error = 1,
                     .p_value = 0.001,
                     .ci_low = 0,
                     .ci_high = 9,
                     .truth = 1});  // no estimate: skipped everywhere
    const Diagnosis without_estimate = diagnose(draws);
    CHECK(without_estimate.draws == 4);
    CHECK(without_estimate.power == Approx(0.5));
    CHECK(without_estimate.coverage == Approx(0.5));
    CHECK(without_estimate.mean_std_error == Approx(2.5));
    // An exact estimate with no test or interval: bias 6/5, but power and coverage keep 4 draws.
    draws.push_back({.estimate = 3, .truth = 3});
    const Diagnosis partial = diagnose(draws);
    CHECK(partial.draws == 5);
    CHECK(partial.bias == Approx(6.0 / 5.0));
    CHECK(partial.mean_estimate == Approx(15.0 / 5.0));
    CHECK(partial.power == Approx(0.5));
    CHECK(partial.power_mc_se == Approx(0.25));
    CHECK(partial.coverage == Approx(0.5));
    CHECK(partial.mean_std_error == Approx(2.5));
}

TEST_CASE("diagnosis: no draws give NaN statistics; alpha and power must be probabilities",
          "[analysis][diagnosis]") {
    const Diagnosis d = diagnose({});
    CHECK(d.draws == 0);
    CHECK(std::isnan(d.mean_estimate));
    CHECK(std::isnan(d.bias));
    CHECK(std::isnan(d.rmse));
    CHECK(std::isnan(d.power));
    CHECK(std::isnan(d.coverage));
    CHECK(std::isnan(d.mde));
    CHECK(std::isnan(d.bias_mc_se));
    const std::vector<Draw> one{{.estimate = 1, .truth = 1}};
    CHECK(std::isnan(diagnose(one).sd_estimate));  // one draw has no spread
    const std::vector<Draw> draws = hand_draws();
    CHECK_THROWS_AS(diagnose(draws, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(diagnose(draws, 0.05, 1.0), std::invalid_argument);
}

TEST_CASE("diagnosis: a draw carries an estimator's result and the replication's truth",
          "[analysis][diagnosis]") {
    const Estimate e{.estimate = 1.0,
                     .std_error = 0.5,
                     .df = 10.0,
                     .statistic = 2.0,
                     .p_value = 0.07,
                     .ci_low = -0.1,
                     .ci_high = 2.1};
    const Draw d = make_draw(e, 0.8);
    CHECK(d.estimate == 1.0);
    CHECK(d.std_error == 0.5);
    CHECK(d.p_value == 0.07);
    CHECK(d.ci_low == -0.1);
    CHECK(d.ci_high == 2.1);
    CHECK(d.truth == 0.8);
}

}  // namespace test_diagnosis
