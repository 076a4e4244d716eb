// The fixed-effects stepped-wedge estimator (Hussey and Hughes 2007; Hemming et al. 2015) on
// constructed cluster-period data.
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/stepped_wedge.hpp"

namespace test_stepped_wedge {

using jobsim::analysis::Estimate;
using jobsim::analysis::stepped_wedge_fixed_effects;

namespace {

struct Panel {
    std::vector<double> outcome;
    std::vector<std::uint32_t> cluster;
    std::vector<std::uint32_t> period;
    std::vector<std::uint8_t> treated;
};

/// Classic stepped wedge: cluster c (0-based) switches to treatment after period c, over
/// `clusters + 1` periods. Outcome = cluster level + trend + effect * treated + noise.
Panel stepped_wedge(std::uint32_t clusters, double effect, double noise_scale) {
    Panel panel;
    for (std::uint32_t c = 0; c < clusters; ++c) {
        for (std::uint32_t t = 0; t <= clusters; ++t) {
            const bool treated = t > c;
            const double noise = std::sin(3.1 * c + 1.3 * t * t + 0.2);
            panel.outcome.push_back(5.0 + 0.7 * c + 0.3 * t * t + (treated ? effect : 0.0) +
                                    noise_scale * noise);
            panel.cluster.push_back(2 * c + 11);  // ids need not be contiguous
            panel.period.push_back(t);
            panel.treated.push_back(treated ? 1 : 0);
        }
    }
    return panel;
}

Estimate estimate(const Panel& panel) {
    return stepped_wedge_fixed_effects(panel.outcome, panel.cluster, panel.period, panel.treated);
}

}  // namespace

TEST_CASE("stepped wedge: noiseless cluster and period effects leave the treatment effect exactly",
          "[analysis][stepped_wedge]") {
    const Estimate e = estimate(stepped_wedge(5, 2.5, 0.0));
    CHECK(e.estimate == Approx(2.5).epsilon(1e-12));
    CHECK(e.std_error < 1e-10);
}

TEST_CASE("stepped wedge: with noise the interval is finite and covers the effect",
          "[analysis][stepped_wedge]") {
    const Estimate e = estimate(stepped_wedge(6, 2.5, 0.5));
    CHECK(e.std_error > 0.0);
    CHECK(e.df > 0.0);
    CHECK(e.df <= 6.0);  // Bell-McCaffrey df cannot exceed the number of clusters
    CHECK(e.ci_low < 2.5);
    CHECK(e.ci_high > 2.5);
}

TEST_CASE(
    "stepped wedge: with two periods it is the difference in mean first differences with "
    "its Welch standard error",
    "[analysis][stepped_wedge]") {
    // By hand: with a dummy per cluster and two periods, the within-cluster contrast is all that
    // is left, so the model is Delta_g = period effect + theta T_g on first differences, and CR2
    // is HC2 of that regression (the dummies' unit-leverage direction is dropped): the Neyman SE
    // of the difference in mean first differences (Samii and Aronow 2012). Treated clusters
    // change by 3 and 5 (mean 4, variance 2), control by 1, 2, 0, 1 (mean 1, variance 2/3):
    // estimate 3, SE^2 = 2/2 + (2/3)/4 = 7/6. First differences are iid under Omega = I, so the
    // df is Imbens and Kolesar's two-sample K_BM with G1 = 2, G0 = 4: 36 * 3 * 1 / (4 * 1 + 16 *
    // 3) = 27/13.
    const std::vector<double> before{10, 20, 5, 7, 9, 11};
    const std::vector<double> change{3, 5, 1, 2, 0, 1};
    Panel panel;
    for (std::uint32_t c = 0; c < 6; ++c) {
        for (std::uint32_t t = 0; t < 2; ++t) {
            panel.outcome.push_back(before[c] + (t == 1 ? change[c] : 0.0));
            panel.cluster.push_back(c);
            panel.period.push_back(t);
            panel.treated.push_back(c < 2 && t == 1 ? 1 : 0);
        }
    }
    const Estimate e = estimate(panel);
    CHECK(e.estimate == Approx(3.0).epsilon(1e-12));
    CHECK(e.std_error == Approx(std::sqrt(7.0 / 6.0)).epsilon(1e-10));
    CHECK(e.df == Approx(27.0 / 13.0).epsilon(1e-10));
}

TEST_CASE("stepped wedge: malformed panels are errors", "[analysis][stepped_wedge]") {
    Panel duplicated = stepped_wedge(4, 1.0, 0.3);
    duplicated.period[1] = duplicated.period[0];
    CHECK_THROWS_AS(estimate(duplicated), std::invalid_argument);
    // Every cluster switching in the same period: treatment is a period effect.
    Panel simultaneous = stepped_wedge(4, 1.0, 0.3);
    for (std::size_t i = 0; i < simultaneous.treated.size(); ++i) {
        simultaneous.treated[i] = simultaneous.period[i] >= 2 ? 1 : 0;
    }
    CHECK_THROWS_AS(estimate(simultaneous), std::invalid_argument);
    Panel one_cluster = stepped_wedge(1, 1.0, 0.3);
    CHECK_THROWS_AS(estimate(one_cluster), std::invalid_argument);
    Panel ragged = stepped_wedge(4, 1.0, 0.3);
    ragged.treated.pop_back();
    CHECK_THROWS_AS(estimate(ragged), std::invalid_argument);
}

TEST_CASE(
    "stepped wedge: when the effect grows with exposure the exposure-time estimator gives "
    "the mean effect over treated cluster-periods and the one-indicator estimator does not",
    "[analysis][stepped_wedge]") {
    // Kenny et al. (2022): six clusters switching one a period; the effect after e periods of
    // treatment is 0.4 e, with cluster levels and a curved secular trend, no noise. Counted by
    // hand, the treated cluster-periods have exposures 1..6 in 6, 5, 4, 3, 2, 1 cells: the mean
    // effect over them is 0.4 (6 + 10 + 12 + 12 + 10 + 6) / 21 = 0.4 x 56 / 21 = 16/15.
    const std::uint32_t clusters = 6;
    std::vector<double> outcome;
    std::vector<std::uint32_t> cluster;
    std::vector<std::uint32_t> period;
    std::vector<std::uint32_t> exposure;
    std::vector<std::uint8_t> treated;
    for (std::uint32_t c = 0; c < clusters; ++c) {
        for (std::uint32_t t = 0; t <= clusters; ++t) {
            const std::uint32_t e = t > c ? t - c : 0;
            outcome.push_back(5.0 + 0.7 * c + 0.3 * t * t + 0.4 * e);
            cluster.push_back(c);
            period.push_back(t);
            exposure.push_back(e);
            treated.push_back(e > 0 ? 1 : 0);
        }
    }
    const Estimate exposure_time =
        jobsim::analysis::stepped_wedge_exposure_time(outcome, cluster, period, exposure);
    CHECK(exposure_time.estimate == Approx(16.0 / 15.0).epsilon(1e-10));
    CHECK(exposure_time.std_error < 1e-8);
    const Estimate one_indicator = stepped_wedge_fixed_effects(outcome, cluster, period, treated);
    CHECK(std::abs(one_indicator.estimate - 16.0 / 15.0) > 0.1);  // the known bias
}

TEST_CASE("stepped wedge: with a constant effect the two estimators agree exactly",
          "[analysis][stepped_wedge]") {
    const Panel panel = stepped_wedge(5, 2.5, 0.0);
    std::vector<std::uint32_t> exposure;
    for (std::size_t i = 0; i < panel.period.size(); ++i) {
        const std::uint32_t c = (panel.cluster[i] - 11) / 2;
        exposure.push_back(panel.period[i] > c ? panel.period[i] - c : 0);
    }
    const Estimate e = jobsim::analysis::stepped_wedge_exposure_time(panel.outcome, panel.cluster,
                                                                     panel.period, exposure);
    CHECK(e.estimate == Approx(2.5).epsilon(1e-10));
}

}  // namespace test_stepped_wedge
