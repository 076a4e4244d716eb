// The cluster-randomised difference in means (CR2, Bell-McCaffrey df) against the comparison of
// cluster means it reduces to, and its degenerate inputs.
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/cluster_difference_in_means.hpp"

namespace test_cluster_difference_in_means {

using jobsim::analysis::cluster_difference_in_means;
using jobsim::analysis::Estimate;

TEST_CASE(
    "cluster difference in means: equal clusters, cluster-level treatment give the Welch "
    "comparison of cluster means",
    "[analysis][cluster_difference_in_means]") {
    // Known equivalence, by hand: with m people per cluster, H_gg = J_m / (m G_t), whose one
    // nonzero eigenvalue 1/G_t sits on the cluster's constant; so u_g'e_g = (ybar_g - ybar_t) /
    // (G_t sqrt(1 - 1/G_t)) and V = sum_t s_t^2 / G_t over the cluster means (Welch's SE).
    // Treated cluster means 5, 7, 9 (s1^2 = 4), control 2, 3, 3, 4 (s0^2 = 2/3):
    // SE^2 = 4/3 + (2/3)/4 = 3/2, estimate 7 - 3 = 4. Omega = I makes the cluster means iid, so
    // the Bell-McCaffrey df is Imbens and Kolesar's two-sample K_BM with G1 = 3, G0 = 4:
    // 49 * 3 * 2 / (9 * 2 + 16 * 3) = 49/11.
    const std::vector<double> y{4, 5, 6, 6, 7, 8, 9, 9, 9,            // treated clusters
                                1, 2, 3, 2, 3, 4, 0, 4, 5, 4, 4, 4};  // control clusters
    std::vector<std::uint8_t> treated(21, 0);
    std::vector<std::uint32_t> cluster(21);
    for (std::size_t i = 0; i < 21; ++i) {
        treated[i] = i < 9 ? 1 : 0;
        cluster[i] = static_cast<std::uint32_t>(100 - i / 3);
    }
    const Estimate e = cluster_difference_in_means(y, treated, cluster);
    CHECK(e.estimate == Approx(4.0));
    CHECK(e.std_error == Approx(std::sqrt(1.5)).epsilon(1e-12));
    CHECK(e.df == Approx(49.0 / 11.0).epsilon(1e-12));
}

TEST_CASE(
    "cluster difference in means: an arm within one cluster is unidentified; mismatched "
    "input is an error",
    "[analysis][cluster_difference_in_means]") {
    const std::vector<double> y{1, 2, 3, 4, 5, 6};
    const std::vector<std::uint8_t> treated{1, 1, 0, 0, 0, 0};
    const std::vector<std::uint32_t> cluster{0, 0, 1, 1, 2, 2};
    CHECK(std::isnan(cluster_difference_in_means(y, treated, cluster).estimate));
    const std::vector<std::uint32_t> short_cluster{0, 0, 1};
    CHECK_THROWS_AS(cluster_difference_in_means(y, treated, short_cluster), std::invalid_argument);
    CHECK_THROWS_AS(cluster_difference_in_means(y, treated, cluster, -0.1), std::invalid_argument);
}

}  // namespace test_cluster_difference_in_means
