// Direct and spillover effects of a randomised saturation design (Baird, Bohren, McIntosh and
// Ozler 2018) on small constructed trials.
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/saturation.hpp"

namespace test_saturation {

using jobsim::analysis::saturation_effects;
using jobsim::analysis::SaturationEstimates;

namespace {

// Six clusters of four people: 0 and 1 pure control, 2 and 3 at saturation 1/2 (two treated),
// 4 and 5 at 1/4 (one treated).
const std::vector<double> cluster_saturation{0.0, 0.0, 0.5, 0.5, 0.25, 0.25};

struct Trial {
    std::vector<double> outcome;
    std::vector<std::uint8_t> treated;
    std::vector<std::uint32_t> cluster;
};

/// Outcome 10 + direct effect (3 at 1/2, 2 at 1/4) for the treated, + spillover (1 at 1/2,
/// 0.5 at 1/4) for the untreated in treated clusters, + noise_scale times cluster and personal
/// deviations.
Trial constructed_trial(double noise_scale) {
    Trial trial;
    for (std::uint32_t c = 0; c < 6; ++c) {
        const double s = cluster_saturation[c];
        const std::size_t n_treated = static_cast<std::size_t>(s * 4.0);
        for (std::size_t k = 0; k < 4; ++k) {
            const bool treated = k < n_treated;
            const double direct = s == 0.5 ? 3.0 : 2.0;
            const double spillover = s == 0.5 ? 1.0 : 0.5;
            double y = 10.0;
            if (treated) {
                y += direct;
            } else if (s > 0.0) {
                y += spillover;
            }
            const double noise =
                std::sin(2.3 * c + 0.7) + 0.5 * std::cos(1.9 * static_cast<double>(4 * c + k));
            trial.outcome.push_back(y + noise_scale * noise);
            trial.treated.push_back(treated ? 1 : 0);
            trial.cluster.push_back(c);
        }
    }
    return trial;
}

SaturationEstimates estimate(const Trial& trial) {
    return saturation_effects(trial.outcome, trial.treated, trial.cluster, cluster_saturation);
}

/// Mean outcome of cluster c's treated (or untreated) people.
double group_mean(const Trial& trial, std::uint32_t c, bool treated) {
    double sum = 0.0;
    double count = 0.0;
    for (std::size_t i = 0; i < trial.outcome.size(); ++i) {
        if (trial.cluster[i] == c && (trial.treated[i] != 0) == treated) {
            sum += trial.outcome[i];
            count += 1.0;
        }
    }
    return sum / count;
}

/// Welch standard error of the difference between two pairs of cluster means.
double welch_se(double a1, double a2, double b1, double b2) {
    // The variance of two values is half their squared difference.
    const double var_a = 0.5 * (a1 - a2) * (a1 - a2);
    const double var_b = 0.5 * (b1 - b2) * (b1 - b2);
    return std::sqrt(var_a / 2.0 + var_b / 2.0);
}

}  // namespace

TEST_CASE("saturation: noiseless data give back each direct and spillover effect exactly",
          "[analysis][saturation]") {
    // Pooled effects weight people: direct (4 * 3 + 2 * 2) / 6 = 8/3, spillover (4 * 1 + 6 *
    // 0.5) / 10 = 0.7.
    const SaturationEstimates e = estimate(constructed_trial(0.0));
    REQUIRE(e.by_saturation.size() == 2);
    CHECK(e.by_saturation[0].saturation == 0.25);
    CHECK(e.by_saturation[0].direct.estimate == Approx(2.0));
    CHECK(e.by_saturation[0].spillover.estimate == Approx(0.5));
    CHECK(e.by_saturation[1].saturation == 0.5);
    CHECK(e.by_saturation[1].direct.estimate == Approx(3.0));
    CHECK(e.by_saturation[1].spillover.estimate == Approx(1.0));
    CHECK(e.pooled_direct.estimate == Approx(8.0 / 3.0));
    CHECK(e.pooled_spillover.estimate == Approx(0.7));
    CHECK(e.by_saturation[1].direct.std_error < 1e-12);
}

TEST_CASE(
    "saturation: with equal-size groups each standard error is the Welch SE of cluster "
    "means",
    "[analysis][saturation]") {
    // Each comparison has equal group sizes within each arm and group-level "treatment", where
    // CR2 reduces to Welch's comparison of cluster means (see test_cluster_difference_in_means).
    const Trial trial = constructed_trial(1.0);
    const SaturationEstimates e = estimate(trial);
    const double control0 = group_mean(trial, 0, false);
    const double control1 = group_mean(trial, 1, false);
    const double direct_sum = group_mean(trial, 2, true) + group_mean(trial, 3, true);
    CHECK(e.by_saturation[1].direct.estimate ==
          Approx(0.5 * direct_sum - 0.5 * (control0 + control1)));
    CHECK(
        e.by_saturation[1].direct.std_error ==
        Approx(welch_se(group_mean(trial, 2, true), group_mean(trial, 3, true), control0, control1))
            .epsilon(1e-12));
    CHECK(e.by_saturation[0].spillover.std_error ==
          Approx(welch_se(group_mean(trial, 4, false), group_mean(trial, 5, false), control0,
                          control1))
              .epsilon(1e-12));
}

TEST_CASE("saturation: fully treated clusters have no spillover group", "[analysis][saturation]") {
    const std::vector<double> y{1, 2, 3, 4, 5, 6, 7, 8};
    const std::vector<std::uint8_t> treated{0, 0, 0, 0, 1, 1, 1, 1};
    const std::vector<std::uint32_t> cluster{0, 0, 1, 1, 2, 2, 3, 3};
    const std::vector<double> saturation{0.0, 0.0, 1.0, 1.0};
    const SaturationEstimates e = saturation_effects(y, treated, cluster, saturation);
    REQUIRE(e.by_saturation.size() == 1);
    CHECK(e.by_saturation[0].direct.estimate == Approx(4.0));
    CHECK(std::isnan(e.by_saturation[0].spillover.estimate));
}

TEST_CASE("saturation: inconsistent designs are errors", "[analysis][saturation]") {
    const Trial trial = constructed_trial(0.0);
    const std::vector<double> bad_share{0.0, 0.0, 1.5, 0.5, 0.25, 0.25};
    CHECK_THROWS_AS(saturation_effects(trial.outcome, trial.treated, trial.cluster, bad_share),
                    std::invalid_argument);
    const std::vector<double> too_few{0.0, 0.0, 0.5};
    CHECK_THROWS_AS(saturation_effects(trial.outcome, trial.treated, trial.cluster, too_few),
                    std::invalid_argument);
    Trial treated_control = trial;
    treated_control.treated[0] = 1;  // person 0 is in pure control cluster 0
    CHECK_THROWS_AS(estimate(treated_control), std::invalid_argument);
    Trial ragged = trial;
    ragged.cluster.pop_back();
    CHECK_THROWS_AS(estimate(ragged), std::invalid_argument);
}

}  // namespace test_saturation
