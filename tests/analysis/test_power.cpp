// Analytic power, the minimum detectable effect, the design effect and the intraclass correlation,
// against closed forms worked by hand and the cluster-randomisation case T1 by simulation.
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

#include <boost/math/distributions/normal.hpp>
#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>

#include "analysis/difference_in_means.hpp"
#include "analysis/power.hpp"
#include "analysis/running_moments.hpp"

#include "random_assignment.hpp"

namespace test_power {

using namespace jobsim::analysis;

namespace {

constexpr double z_975 = 1.959963984540054;  // z_{1 - 0.05/2}
constexpr double z_80 = 0.8416212335729143;  // z_{0.8}

/// Random-effects outcomes y = u_cluster + e with var(u) = icc and var(e) = 1 - icc, so that the
/// intraclass correlation is icc; `cluster[i]` = i / cluster_size.
struct ClusteredSample {
    std::vector<double> outcome;
    std::vector<std::uint32_t> cluster;
};

ClusteredSample clustered_sample(std::size_t clusters, std::size_t cluster_size, double icc,
                                 std::mt19937_64& engine) {
    boost::random::normal_distribution<double> cluster_effect(0.0, std::sqrt(icc));
    boost::random::normal_distribution<double> unit_noise(0.0, std::sqrt(1.0 - icc));
    ClusteredSample s;
    for (std::size_t c = 0; c < clusters; ++c) {
        const double u = cluster_effect(engine);
        for (std::size_t j = 0; j < cluster_size; ++j) {
            s.outcome.push_back(u + unit_noise(engine));
            s.cluster.push_back(static_cast<std::uint32_t>(c));
        }
    }
    return s;
}

}  // namespace

TEST_CASE("power: DeclareDesign's README design has analytic power 0.170", "[analysis][power]") {
    // C14: effect 0.2, SD 1, 50 per arm -> se 0.2, shift 1:
    // Phi(1 - 1.959964) + Phi(-1 - 1.959964) = 0.168537 + 0.001538 = 0.170075.
    CHECK(two_sample_power(0.2, 1.0, 1.0, 50.0, 50.0, 0.05) == Approx(0.170075).epsilon(1e-5));
    CHECK(power_from_standard_error(-0.2, 0.2, 0.05) == Approx(0.170075).epsilon(1e-5));
}

TEST_CASE("power: the textbook sample size for half an SD gives power 0.80", "[analysis][power]") {
    // n per arm = 2 (z_{.975} + z_{.8})^2 sigma^2 / delta^2 = 2 * 2.801585^2 / 0.25 = 62.79 for
    // delta = 0.5 sigma (the familiar "63 per group"; e.g. Chow, Shao and Wang 2008, sec. 3.2).
    // At that n the power is 0.8 plus the opposite tail Phi(-2 * 1.959964 - 0.841621) = 9.6e-7.
    const double n = 2.0 * (z_975 + z_80) * (z_975 + z_80) / 0.25;
    CHECK(n == Approx(62.791).epsilon(1e-4));
    CHECK(two_sample_power(0.5, 1.0, 1.0, n, n, 0.05) == Approx(0.8 + 9.6e-7).epsilon(1e-7));
    // Unequal variances add: sd 1 and sqrt(2) with 1 and 2 times the units is the same se.
    CHECK(two_sample_power(0.5, 1.0, std::sqrt(2.0), n, 2.0 * n, 0.05) ==
          Approx(two_sample_power(0.5, 1.0, 1.0, n, n, 0.05)));
}

TEST_CASE("power: two proportions use each arm's own binomial variance", "[analysis][power]") {
    // p0 = 0.5, p1 = 0.6, 100 per arm: se = sqrt(.25/100 + .24/100) = 0.07, shift 0.1/0.07 =
    // 1.428571; Phi(1.428571 - 1.959964) + Phi(-1.428571 - 1.959964) = 0.297573 + 0.000351.
    CHECK(two_proportion_power(0.5, 0.6, 100.0, 100.0, 0.05) == Approx(0.297925).epsilon(1e-5));
    CHECK(two_proportion_power(0.6, 0.5, 100.0, 100.0, 0.05) ==
          Approx(two_proportion_power(0.5, 0.6, 100.0, 100.0, 0.05)));
    // The unpooled sample-size formula n = (z_{.975} + z_{.8})^2 (p0 q0 + p1 q1) / (p1 - p0)^2
    // = 7.848880 * 0.49 / 0.01 = 384.6 per arm inverts it: power 0.80 (plus a 1e-6 tail).
    const double n = (z_975 + z_80) * (z_975 + z_80) * 0.49 / 0.01;
    CHECK(two_proportion_power(0.5, 0.6, n, n, 0.05) == Approx(0.8).margin(2e-6));
    // No effect: the test rejects at its level.
    CHECK(two_proportion_power(0.3, 0.3, 50.0, 80.0, 0.05) == Approx(0.05));
    CHECK_THROWS_AS(two_proportion_power(1.2, 0.3, 50.0, 50.0, 0.05), std::invalid_argument);
    CHECK_THROWS_AS(two_sample_power(0.1, 1.0, 1.0, 0.0, 50.0, 0.05), std::invalid_argument);
    CHECK_THROWS_AS(power_from_standard_error(0.1, 0.1, 1.0), std::invalid_argument);
}

TEST_CASE("power: the test has the target power at the minimum detectable effect",
          "[analysis][power]") {
    // Bloom (1995): MDE = (z_{1-alpha/2} + z_{power}) se, the 2.8 multiplier at 5% and 80%.
    CHECK(minimum_detectable_effect(1.0, 0.05, 0.8) == Approx(2.801585).epsilon(1e-6));
    CHECK(minimum_detectable_effect(0.2) == Approx(0.560317).epsilon(1e-5));
    // Round trip: the power at the MDE is the target plus the opposite tail, which the MDE
    // ignores: Phi(-MDE/se - z_{1-alpha/2}) (1e-6 at 5% and 80%).
    const boost::math::normal standard;
    const double se = 0.37;
    for (const double alpha : {0.01, 0.05, 0.10}) {
        for (const double target : {0.5, 0.8, 0.9}) {
            INFO("alpha " << alpha << ", target power " << target);
            const double z_alpha = quantile(complement(standard, alpha / 2.0));
            const double mde = minimum_detectable_effect(se, alpha, target);
            CHECK(mde / se == Approx(z_alpha + quantile(standard, target)));
            const double opposite_tail = cdf(standard, -mde / se - z_alpha);
            CHECK(power_from_standard_error(mde, se, alpha) ==
                  Approx(target + opposite_tail).epsilon(1e-12));
        }
    }
    CHECK_THROWS_AS(minimum_detectable_effect(1.0, 0.05, 1.0), std::invalid_argument);
}

TEST_CASE("power: the design effect is 1 + (m - 1) ICC", "[analysis][power]") {
    CHECK(design_effect(10.0, 0.1) == Approx(1.9));
    CHECK(design_effect(1.0, 0.3) == Approx(1.0));  // clusters of one are individuals
    CHECK(design_effect(25.0, 0.0) == Approx(1.0));
    CHECK_THROWS_AS(design_effect(0.5, 0.1), std::invalid_argument);
    CHECK_THROWS_AS(design_effect(10.0, 1.5), std::invalid_argument);
}

TEST_CASE("power: the intraclass correlation of a small unbalanced data set, by hand",
          "[analysis][power]") {
    // Cluster 7: 1, 3 (mean 2, SS 2); cluster 3: 4, 5, 6 (mean 5, SS 2); cluster 42: 5, 6, 7, 8
    // (mean 6.5, SS 5). N = 9, k = 3, grand mean 45/9 = 5.
    // One-way ANOVA: SSB = 2 (2 - 5)^2 + 3 (5 - 5)^2 + 4 (6.5 - 5)^2 = 18 + 0 + 9 = 27, MSB = 27/2;
    // SSW = 2 + 2 + 5 = 9, MSW = 9/6 = 1.5; n0 = (9 - (4 + 9 + 16)/9) / 2 = 26/9.
    // ICC = (13.5 - 1.5) / (13.5 + (26/9 - 1) 1.5) = 12 / (98/6) = 36/49.
    const std::vector<double> y{5, 1, 4, 6, 3, 5, 7, 6, 8};
    const std::vector<std::uint32_t> cluster{42, 7, 3, 42, 7, 3, 42, 3, 42};
    CHECK(intraclass_correlation(y, cluster) == Approx(36.0 / 49.0));
}

TEST_CASE("power: clusters that are internally identical have ICC 1; too little data gives NaN",
          "[analysis][power]") {
    const std::vector<double> y{2, 2, 5, 5, 5};
    const std::vector<std::uint32_t> cluster{0, 0, 1, 1, 1};
    CHECK(intraclass_correlation(y, cluster) == Approx(1.0));
    const std::vector<std::uint32_t> one_cluster{4, 4, 4, 4, 4};
    CHECK(std::isnan(intraclass_correlation(y, one_cluster)));
    const std::vector<std::uint32_t> singletons{0, 1, 2, 3, 4};
    CHECK(std::isnan(intraclass_correlation(y, singletons)));  // no within-cluster df
    const std::vector<std::uint32_t> short_ids{0, 1};
    CHECK_THROWS_AS(intraclass_correlation(y, short_ids), std::invalid_argument);
}

TEST_CASE("power: the ANOVA estimator recovers a simulated ICC of 0.1", "[analysis][power]") {
    // 500 clusters of 10 with ICC 0.1. Large-sample variance of the estimator (Fisher 1925;
    // Donner 1986): 2 (1 - rho)^2 (1 + (m - 1) rho)^2 / (m (m - 1) (k - 1))
    // = 2 * 0.81 * 3.61 / (90 * 499) -> SE 0.0114; tolerance 4 SE = 0.046.
    std::mt19937_64 engine(1986);
    const ClusteredSample s = clustered_sample(500, 10, 0.1, engine);
    CHECK(intraclass_correlation(s.outcome, s.cluster) == Approx(0.1).margin(0.046));
}

TEST_CASE("power: randomising clusters inflates the variance by the design effect",
          "[analysis][power]") {
    // Calibration case T1. 20 clusters of m = 10 with ICC 0.1, no effect; each replication draws
    // new outcomes and estimates the difference in means once with 10 clusters treated and once
    // with 100 individuals treated. Over the draws (superpopulation):
    //   cluster-randomised variance  4/N (1 + (m - 1) rho)
    //   individually randomised       4/N (1 - rho (m - 1)/(N - 1)), as units of one cluster
    //                                 land in both arms (hypergeometric counts),
    // so the ratio is Kish's design effect 1.9 over 1 - 0.9/199, i.e. 1.9086; the correction
    // (0.45%) vanishes as N grows. Each sample variance of R normal draws has relative SD
    // sqrt(2/(R-1)), so the ratio's is at most sqrt(4/(R-1)) = 0.0141 at R = 20000 (the two share
    // data, correlate positively, and so err less); tolerance 4 of those: 5.7%, i.e. 0.11.
    constexpr std::size_t clusters = 20;
    constexpr std::size_t cluster_size = 10;
    constexpr std::size_t units = clusters * cluster_size;
    constexpr double icc = 0.1;
    constexpr std::size_t replications = 20000;
    std::mt19937_64 engine(1965);
    RunningMoments cluster_randomised;
    RunningMoments individually_randomised;
    std::vector<std::uint8_t> treated(units);
    for (std::size_t r = 0; r < replications; ++r) {
        const ClusteredSample s = clustered_sample(clusters, cluster_size, icc, engine);
        const std::vector<std::uint8_t> treated_clusters =
            testing::complete_random_assignment(clusters, clusters / 2, engine);
        for (std::size_t i = 0; i < units; ++i) {
            treated[i] = treated_clusters[s.cluster[i]];
        }
        cluster_randomised.add(difference_in_means(s.outcome, treated).estimate);
        individually_randomised.add(
            difference_in_means(s.outcome,
                                testing::complete_random_assignment(units, units / 2, engine))
                .estimate);
    }
    const double ratio = cluster_randomised.variance() / individually_randomised.variance();
    const double finite_population = 1.0 - icc * (cluster_size - 1.0) / (units - 1.0);
    const double expected = design_effect(cluster_size, icc) / finite_population;
    CHECK(expected == Approx(1.9086).epsilon(1e-4));
    CHECK(ratio == Approx(expected).margin(0.11));
    // The individually randomised variance itself, within 4 relative SDs sqrt(2/(R-1)) = 0.01.
    CHECK(individually_randomised.variance() ==
          Approx(4.0 / units * finite_population).epsilon(0.04));
}

}  // namespace test_power
