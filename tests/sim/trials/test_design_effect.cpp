// calibration.md T1 on simulated outcomes: randomising whole areas instead of people multiplies
// the variance of the difference in means by the design effect 1 + (m - 1) ICC (Kish 1965).
#include <algorithm>
#include <cmath>
#include <numeric>

#include <catch2/catch.hpp>

#include "analysis/power.hpp"
#include "sim/trials/assignment.hpp"
#include "sim/trials/trial_worlds.hpp"
#include "tests/support/trial_fixture.hpp"

namespace test_design_effect {

using namespace jobsim;
using namespace jobsim::trials;

namespace {

/// Variance of the difference in means under complete randomisation of half the units, with the
/// outcomes fixed (Neyman 1923 under the sharp null): S^2 (1/n1 + 1/n0), S^2 with N - 1.
double individual_design_variance(const std::vector<double>& y) {
    const double n = static_cast<double>(y.size());
    const double mean = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double ss = 0.0;
    for (const double v : y) {
        ss += (v - mean) * (v - mean);
    }
    const double half = n / 2.0;
    return ss / (n - 1.0) * (1.0 / half + 1.0 / half);
}

}  // namespace

TEST_CASE(
    "trial: the cluster design's variance is the individual design's times the design "
    "effect 1 + (m - 1) ICC, on simulated employment",
    "[trials][design_effect]") {
    Scenario scenario = jobsim::testing::small_trial(TrialDesign::individual, 30000, 10, 26);
    scenario.trial.eligibility = TrialEligibility::out_of_work;
    // Areas that differ a lot in job loss and in leaving the labour force (C13 made strong), so
    // employment clusters by area.
    scenario.labour_market.area_conditions.separation_log_sd = 2.0;
    scenario.labour_market.area_conditions.participation_log_sd = 1.5;
    scenario.labour_market.area_spacing_km = 200.0;  // separate markets: nobody commutes across
    const TrialReplication rep =
        simulate_replication(scenario, rng::ReplicationKey::make(5, 0), [] {});
    // Equal clusters: the first m enrolled people of each area (T1 is stated for equal sizes).
    const std::uint32_t areas = scenario.population.areas;
    std::vector<std::vector<double>> by_area(areas);
    const std::vector<double> employed = rep.realised.column(0, TrialOutcome::employed);
    for (std::size_t row = 0; row < rep.sample.size(); ++row) {
        by_area[rep.sample.cluster[row]].push_back(employed[row]);
    }
    std::size_t m = by_area[0].size();
    for (const auto& area : by_area) {
        m = std::min(m, area.size());
    }
    REQUIRE(m >= 100);
    std::vector<double> y;
    std::vector<std::uint32_t> cluster;
    std::vector<double> cluster_mean(areas, 0.0);
    for (std::uint32_t a = 0; a < areas; ++a) {
        for (std::size_t k = 0; k < m; ++k) {
            y.push_back(by_area[a][k]);
            cluster.push_back(a);
            cluster_mean[a] += by_area[a][k] / static_cast<double>(m);
        }
    }
    const double icc = analysis::intraclass_correlation(y, cluster);
    INFO("m = " << m << ", ICC = " << icc);
    REQUIRE(icc > 0.0);  // areas differ (area_conditions): see the design effect checked below

    // The cluster design's variance by drawing the design many times.
    const int draws = 200000;
    double sum = 0.0;
    double sum_sq = 0.0;
    const std::vector<double> ratios{1.0, 1.0};
    for (int d = 0; d < draws; ++d) {
        rng::Stream stream =
            trial_stream(rng::ReplicationKey::make(9, 0), static_cast<std::uint64_t>(d) + 1,
                         rng::Purpose::trial_rerandomisation);
        const std::vector<std::uint8_t> arm = complete_assignment(areas, ratios, stream);
        double treated = 0.0;
        double control = 0.0;
        for (std::uint32_t a = 0; a < areas; ++a) {
            (arm[a] != 0 ? treated : control) += cluster_mean[a];
        }
        const double estimate = (treated - control) / (areas / 2.0);
        sum += estimate;
        sum_sq += estimate * estimate;
    }
    const double cluster_variance = (sum_sq - sum * sum / draws) / (draws - 1);
    const double ratio = cluster_variance / individual_design_variance(y);
    // With J clusters of m (N = J m), the exact ratio is the design effect over
    // 1 - ICC (m - 1) / (N - 1), the ANOVA estimator's finite-population correction (algebra in
    // tests/analysis/test_power.cpp); it tends to 1 + (m - 1) ICC as J grows.
    const double n = static_cast<double>(y.size());
    const double design_effect = analysis::design_effect(static_cast<double>(m), icc);
    const double expected =
        design_effect / (1.0 - icc * (static_cast<double>(m) - 1.0) / (n - 1.0));
    // The simulated variance has relative standard error sqrt(2 / (draws - 1)): allow 4.
    const double tolerance = 4.0 * std::sqrt(2.0 / (draws - 1.0)) * expected;
    INFO("ratio " << ratio << " expected " << expected << " design effect " << design_effect);
    CHECK(std::abs(ratio - expected) < tolerance);
    CHECK(design_effect > 1.1);
}

}  // namespace test_design_effect
