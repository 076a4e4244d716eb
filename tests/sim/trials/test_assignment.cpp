// Random assignment designs: exact counts by hand, and each unit's marginal probability of
// treatment, which must equal its design share (Gerber and Green 2012, ch. 2), by Monte Carlo over
// re-randomisations (different draw indices of the trial stream).
//
// Monte Carlo tolerance: over D independent draws the number of times a unit lands in an arm of
// probability p is Binomial(D, p), mean Dp and sd sqrt(Dp(1 - p)); D = 4000 keeps Dp(1 - p) large
// enough for the normal approximation. A count is accepted within 4.5 sd of Dp, a false alarm
// probability of 6.8e-6 per check, under 1e-3 over the ~150 checks of this file. Seeds are fixed,
// so the outcome is the same on every run.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>
#include <vector>

#include <boost/math/distributions/chi_squared.hpp>
#include <catch2/catch.hpp>

#include "sim/trials/assignment.hpp"

namespace test_assignment {

using jobsim::rng::Purpose;
using jobsim::rng::ReplicationKey;
using jobsim::rng::Stream;
namespace trials = jobsim::trials;

namespace {

constexpr std::uint64_t draws = 4000;
const ReplicationKey key = ReplicationKey::make(20261123, 0);

Stream draw_stream(std::uint64_t draw) {
    return trials::trial_stream(key, draw, Purpose::trial_rerandomisation);
}

/// The Binomial(D, p) acceptance band of the file's header comment.
bool within_monte_carlo_error(std::uint64_t count, std::uint64_t total, double p) {
    const double n = static_cast<double>(total);
    const double sd = std::sqrt(n * p * (1.0 - p));
    return std::abs(static_cast<double>(count) - n * p) <= 4.5 * sd;
}

std::vector<std::size_t> counts_per_arm(const std::vector<std::uint8_t>& arm, std::size_t arms) {
    std::vector<std::size_t> counts(arms, 0);
    for (const std::uint8_t a : arm) {
        ++counts.at(a);
    }
    return counts;
}

/// Shares of arms from their ratios.
std::vector<double> shares_of(const std::vector<double>& ratios) {
    double total = 0.0;
    for (const double r : ratios) {
        total += r;
    }
    std::vector<double> shares;
    for (const double r : ratios) {
        shares.push_back(r / total);
    }
    return shares;
}

/// Each arm holds floor or ceil of units x share, whole expected counts exactly, adding to units.
void check_whole_counts(const std::vector<std::uint8_t>& arm, std::size_t units,
                        const std::vector<double>& ratios) {
    REQUIRE(arm.size() == units);
    const std::vector<std::size_t> counts = counts_per_arm(arm, ratios.size());
    const std::vector<double> shares = shares_of(ratios);
    for (std::size_t j = 0; j < ratios.size(); ++j) {
        const double expected = static_cast<double>(units) * shares[j];
        INFO("arm " << j << " of " << units << " units, expected " << expected);
        CHECK(static_cast<double>(counts[j]) >= std::floor(expected + 1e-9));
        CHECK(static_cast<double>(counts[j]) <= std::ceil(expected - 1e-9));
    }
}

/// per_unit_arm[i][j]: over `draws` draws, how often unit i landed in arm j.
using Tally = std::vector<std::vector<std::uint64_t>>;

void add_to_tally(Tally& tally, const std::vector<std::uint8_t>& arm) {
    for (std::size_t i = 0; i < arm.size(); ++i) {
        ++tally.at(i).at(arm[i]);
    }
}

}  // namespace

TEST_CASE("complete assignment gives each arm its whole expected count, the rest floor or ceil",
          "[trials]") {
    struct Case {
        std::size_t units;
        std::vector<double> ratios;
        std::vector<std::size_t> exact;  // empty when remainders are random
    };
    // By hand: 10 at 1:1 is 5/5; 9 at 2:1 is 6/3; 12 at 1:1:1 is 4/4/4; 20 at 0.25:0.75 is 5/15;
    // 5 at 1:0 all control; 6 at 1:2:0 is 2/4/0. Remainders: 7 at 2:1 (4.67, 2.33), 10 at 1:1:1
    // (3.33 each), 11 at 3:1:1 (6.6, 2.2, 2.2), 1 at 1:1 (0.5, 0.5), 7 at 0:2:1:0 (0, 4.67, 2.33,
    // 0).
    const std::vector<Case> cases{
        {10, {1, 1}, {5, 5}},
        {9, {2, 1}, {6, 3}},
        {12, {1, 1, 1}, {4, 4, 4}},
        {20, {0.25, 0.75}, {5, 15}},
        {5, {1, 0}, {5, 0}},
        {0, {1, 1}, {0, 0}},
        {7, {2, 1}, {}},
        {10, {1, 1, 1}, {}},
        {11, {3, 1, 1}, {}},
        {1, {1, 1}, {}},
        {6, {1, 2, 0}, {2, 4, 0}},
        {7, {0, 2, 1, 0}, {}},
    };
    for (const Case& c : cases) {
        for (std::uint64_t draw = 0; draw < 50; ++draw) {
            Stream stream = draw_stream(draw);
            const auto arm = trials::complete_assignment(c.units, c.ratios, stream);
            check_whole_counts(arm, c.units, c.ratios);
            if (!c.exact.empty()) {
                CHECK(counts_per_arm(arm, c.ratios.size()) == c.exact);
            }
        }
    }
}

TEST_CASE("complete assignment gives an arm the extra unit with probability its fractional part",
          "[trials]") {
    // 7 units at 2:1: control expects 14/3 = 4.67, treatment 7/3 = 2.33, so treatment gets 3 units
    // with probability 1/3 (and control 5 with probability 2/3). 10 units at 1:1:1: each arm
    // expects 3.33 and gets 4 with probability 1/3.
    std::uint64_t treatment_three = 0;
    std::array<std::uint64_t, 3> arm_four{};
    for (std::uint64_t draw = 0; draw < draws; ++draw) {
        Stream two_to_one = draw_stream(draw);
        const std::vector<double> ratios{2, 1};
        if (counts_per_arm(trials::complete_assignment(7, ratios, two_to_one), 2)[1] == 3) {
            ++treatment_three;
        }
        Stream three_arms = draw_stream(draw);
        const std::vector<double> equal{1, 1, 1};
        const auto counts = counts_per_arm(trials::complete_assignment(10, equal, three_arms), 3);
        for (std::size_t j = 0; j < 3; ++j) {
            if (counts[j] == 4) {
                ++arm_four[j];
            }
        }
    }
    CHECK(within_monte_carlo_error(treatment_three, draws, 1.0 / 3.0));
    for (const std::uint64_t count : arm_four) {
        CHECK(within_monte_carlo_error(count, draws, 1.0 / 3.0));
    }
}

TEST_CASE("complete assignment puts every unit in each arm with probability the arm's share",
          "[trials]") {
    // Shares 2/3 and 1/3 for 7 units (not divisible), 1/3 each for 10 units, 1/2 each for 5 units:
    // a rule giving remainders to a fixed arm would miss by about 6 sd (e.g. 2/7 vs 1/3 at 7
    // units).
    struct Case {
        std::size_t units;
        std::vector<double> ratios;
    };
    const std::vector<Case> cases{{7, {2, 1}}, {10, {1, 1, 1}}, {5, {1, 1}}};
    for (const Case& c : cases) {
        Tally tally(c.units, std::vector<std::uint64_t>(c.ratios.size(), 0));
        for (std::uint64_t draw = 0; draw < draws; ++draw) {
            Stream stream = draw_stream(draw);
            add_to_tally(tally, trials::complete_assignment(c.units, c.ratios, stream));
        }
        const std::vector<double> shares = shares_of(c.ratios);
        for (std::size_t i = 0; i < c.units; ++i) {
            for (std::size_t j = 0; j < shares.size(); ++j) {
                INFO(c.units << " units, unit " << i << ", arm " << j);
                CHECK(within_monte_carlo_error(tally[i][j], draws, shares[j]));
            }
        }
    }
}

TEST_CASE("block assignment randomises completely within every block, whatever the block ids",
          "[trials]") {
    // Blocks 3 (6 units), 7 (4 units) and 100 (5 units), interleaved. At 1:1 blocks 3 and 7 split
    // exactly 3/3 and 2/2, block 100 2/3 or 3/2. At 2:1 each unit's chance of treatment is 1/3
    // within every block, although 1/3 of 4, 5 or 6 units is whole only for 6.
    const std::vector<std::uint32_t> block{3, 7, 100, 3, 3, 7, 100, 100, 3, 7, 3, 100, 7, 3, 100};
    const std::vector<double> equal{1, 1};
    for (std::uint64_t draw = 0; draw < 50; ++draw) {
        Stream stream = draw_stream(draw);
        const auto arm = trials::block_assignment(block, equal, stream);
        REQUIRE(arm.size() == block.size());
        std::map<std::uint32_t, std::array<std::size_t, 2>> per_block;
        for (std::size_t i = 0; i < block.size(); ++i) {
            ++per_block[block[i]].at(arm[i]);
        }
        CHECK(per_block[3] == std::array<std::size_t, 2>{3, 3});
        CHECK(per_block[7] == std::array<std::size_t, 2>{2, 2});
        CHECK(std::min(per_block[100][0], per_block[100][1]) == 2);
        CHECK(std::max(per_block[100][0], per_block[100][1]) == 3);
    }
    const std::vector<double> two_to_one{2, 1};
    Tally tally(block.size(), std::vector<std::uint64_t>(2, 0));
    for (std::uint64_t draw = 0; draw < draws; ++draw) {
        Stream stream = draw_stream(draw);
        const auto arm = trials::block_assignment(block, two_to_one, stream);
        add_to_tally(tally, arm);
        std::map<std::uint32_t, std::size_t> treated;
        for (std::size_t i = 0; i < block.size(); ++i) {
            treated[block[i]] += arm[i];
        }
        REQUIRE(treated[3] == 2);  // 6 / 3 exactly
    }
    for (std::size_t i = 0; i < block.size(); ++i) {
        INFO("unit " << i << " in block " << block[i]);
        CHECK(within_monte_carlo_error(tally[i][1], draws, 1.0 / 3.0));
    }
}

TEST_CASE("matched pairs pair neighbours in covariate order and treat exactly one of each pair",
          "[trials]") {
    // Sorted (ties by index): -4.0 (7), -1.0 (1), 0.4 (3), 2.2 (4), 3.2 (0), 3.2 (6), 5.0 (8),
    // 7.5 (2), 9.9 (5). Pairs: {7, 1} = 0, {3, 4} = 1, {0, 6} = 2, {8, 2} = 3, and cluster 5, the
    // largest, alone in pair 4.
    const std::vector<double> covariate{3.2, -1.0, 7.5, 0.4, 2.2, 9.9, 3.2, -4.0, 5.0};
    const std::vector<std::uint32_t> expected_pair{2, 0, 3, 1, 1, 4, 2, 0, 3};
    std::vector<std::uint64_t> treated(covariate.size(), 0);
    for (std::uint64_t draw = 0; draw < draws; ++draw) {
        Stream stream = draw_stream(draw);
        const trials::MatchedPairs result = trials::matched_pair_assignment(covariate, stream);
        REQUIRE(result.pair == expected_pair);
        std::array<std::uint32_t, 5> treated_in_pair{};
        for (std::size_t c = 0; c < covariate.size(); ++c) {
            REQUIRE(result.arm[c] <= 1);
            treated_in_pair.at(result.pair[c]) += result.arm[c];
            treated[c] += result.arm[c];
        }
        for (std::size_t p = 0; p < 4; ++p) {
            REQUIRE(treated_in_pair[p] == 1);
        }
    }
    // Each cluster, the odd one out included, is treated with probability 1/2.
    for (std::size_t c = 0; c < covariate.size(); ++c) {
        INFO("cluster " << c);
        CHECK(within_monte_carlo_error(treated[c], draws, 0.5));
    }
}

TEST_CASE("randomised saturation uses every saturation equally and treats round(share x size)",
          "[trials]") {
    // 8 clusters over saturations 0, 0.25, 0.5, 1: two clusters each. Cluster sizes are multiples
    // of 4, so each cluster treats exactly saturation x size and each unit is treated with
    // probability the mean saturation, (0 + 0.25 + 0.5 + 1) / 4 = 0.4375.
    const std::vector<double> saturations{0.0, 0.25, 0.5, 1.0};
    const std::array<std::size_t, 8> sizes{4, 8, 4, 12, 4, 8, 4, 4};
    std::vector<std::uint32_t> cluster_of_unit;
    for (std::size_t round = 0; round < 12; ++round) {  // interleave the clusters' units
        for (std::uint32_t c = 0; c < sizes.size(); ++c) {
            if (round < sizes[c]) {
                cluster_of_unit.push_back(c);
            }
        }
    }
    std::vector<std::uint64_t> treated(cluster_of_unit.size(), 0);
    for (std::uint64_t draw = 0; draw < draws; ++draw) {
        Stream stream = draw_stream(draw);
        const auto result = trials::saturation_assignment(cluster_of_unit, 8, saturations, stream);
        REQUIRE(result.cluster_saturation.size() == 8);
        REQUIRE(result.unit_treated.size() == cluster_of_unit.size());
        for (const double s : saturations) {
            REQUIRE(std::count(result.cluster_saturation.begin(), result.cluster_saturation.end(),
                               s) == 2);
        }
        std::array<std::size_t, 8> treated_in_cluster{};
        for (std::size_t i = 0; i < cluster_of_unit.size(); ++i) {
            treated_in_cluster.at(cluster_of_unit[i]) += result.unit_treated[i];
            treated[i] += result.unit_treated[i];
        }
        for (std::size_t c = 0; c < sizes.size(); ++c) {
            REQUIRE(static_cast<double>(treated_in_cluster[c]) ==
                    result.cluster_saturation[c] * static_cast<double>(sizes[c]));
        }
    }
    for (std::size_t i = 0; i < treated.size(); ++i) {
        INFO("unit " << i << " in cluster " << cluster_of_unit[i]);
        CHECK(within_monte_carlo_error(treated[i], draws, 0.4375));
    }
}

TEST_CASE("randomised saturation rounds to the nearest count and shares uneven cluster counts",
          "[trials]") {
    // 7 clusters over 3 saturations: 2 or 3 clusters each. A cluster of 5 at 0.5 treats 3 (2.5
    // rounds up); of 3 at 0.25 treats 1 (0.75); of 6 at 0.1 treats 1 (0.6); of 1 at 0.25 none.
    const std::vector<double> saturations{0.1, 0.25, 0.5};
    const std::vector<std::uint32_t> cluster_of_unit{0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2,
                                                     3, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6};
    const std::array<std::size_t, 7> sizes{5, 3, 6, 1, 2, 4, 7};
    for (std::uint64_t draw = 0; draw < 50; ++draw) {
        Stream stream = draw_stream(draw);
        const auto result = trials::saturation_assignment(cluster_of_unit, 7, saturations, stream);
        for (const double s : saturations) {
            const auto used =
                std::count(result.cluster_saturation.begin(), result.cluster_saturation.end(), s);
            CHECK((used == 2 || used == 3));
        }
        std::array<std::size_t, 7> treated_in_cluster{};
        for (std::size_t i = 0; i < cluster_of_unit.size(); ++i) {
            treated_in_cluster.at(cluster_of_unit[i]) += result.unit_treated[i];
        }
        for (std::size_t c = 0; c < sizes.size(); ++c) {
            const double share = result.cluster_saturation[c];
            const auto expected =
                static_cast<std::size_t>(std::floor(share * static_cast<double>(sizes[c]) + 0.5));
            INFO("cluster " << c << " of " << sizes[c] << " at " << share);
            CHECK(treated_in_cluster[c] == expected);
        }
    }
}

TEST_CASE("stepped wedge steps differ in size by at most one cluster", "[trials]") {
    // 10 clusters over 3 steps: 4, 3, 3. 7 over 7: one each. 12 over 4: 3 each. 9 over 2: 5, 4.
    struct Case {
        std::uint32_t clusters;
        std::uint32_t steps;
        std::vector<std::size_t> sizes;
    };
    const std::vector<Case> cases{{10, 3, {4, 3, 3}},
                                  {7, 7, {1, 1, 1, 1, 1, 1, 1}},
                                  {12, 4, {3, 3, 3, 3}},
                                  {9, 2, {5, 4}},
                                  {5, 1, {5}}};
    for (const Case& c : cases) {
        for (std::uint64_t draw = 0; draw < 20; ++draw) {
            Stream stream = draw_stream(draw);
            const auto step = trials::stepped_wedge_assignment(c.clusters, c.steps, stream);
            REQUIRE(step.size() == c.clusters);
            std::vector<std::size_t> sizes(c.steps, 0);
            for (const std::uint32_t s : step) {
                REQUIRE(s >= 1);
                REQUIRE(s <= c.steps);
                ++sizes[s - 1];
            }
            CHECK(sizes == c.sizes);
        }
    }
}

TEST_CASE("stepped wedge puts the clusters in every order equally often", "[trials]") {
    // 3 clusters over 3 steps: the 6 orders are equally likely, 1000 each in 6000 draws. Pearson's
    // X^2 over the 6 cells is chi-square with 5 df under the design; reject beyond its 1 - 1e-5
    // quantile (about 30.9).
    constexpr std::uint64_t orders_draws = 6000;
    std::map<std::vector<std::uint32_t>, std::uint64_t> seen;
    for (std::uint64_t draw = 0; draw < orders_draws; ++draw) {
        Stream stream = draw_stream(draw);
        ++seen[trials::stepped_wedge_assignment(3, 3, stream)];
    }
    REQUIRE(seen.size() == 6);
    const double expected = static_cast<double>(orders_draws) / 6.0;
    double x2 = 0.0;
    for (const auto& [order, count] : seen) {
        const double gap = static_cast<double>(count) - expected;
        x2 += gap * gap / expected;
    }
    const double bound =
        boost::math::quantile(boost::math::complement(boost::math::chi_squared(5.0), 1e-5));
    CHECK(bound == Approx(30.86).epsilon(1e-3));
    CHECK(x2 < bound);
}

TEST_CASE("the same stream gives the same assignment; another draw or purpose another one",
          "[trials]") {
    // 100 units at 1:1: two independent draws coincide with probability 1 / C(100, 50) < 1e-28.
    const std::vector<double> equal{1, 1};
    std::vector<std::uint32_t> block(100);
    std::vector<double> covariate(100);
    for (std::uint32_t i = 0; i < 100; ++i) {
        block[i] = i % 4;
        covariate[i] = static_cast<double>((i * 37) % 101);
    }
    const auto all = [&](Stream stream) {
        Stream a = stream;
        Stream b = stream;
        Stream c = stream;
        Stream d = stream;
        Stream e = stream;
        const std::vector<double> saturations{0.2, 0.8};
        return std::make_tuple(trials::complete_assignment(100, equal, a),
                               trials::block_assignment(block, equal, b),
                               trials::matched_pair_assignment(covariate, c).arm,
                               trials::saturation_assignment(block, 4, saturations, d).unit_treated,
                               trials::stepped_wedge_assignment(100, 5, e));
    };
    const auto realised = all(trials::trial_stream(key, 0, Purpose::trial_assignment));
    CHECK(all(trials::trial_stream(key, 0, Purpose::trial_assignment)) == realised);
    const auto rerandomised = all(trials::trial_stream(key, 1, Purpose::trial_assignment));
    CHECK(std::get<0>(rerandomised) != std::get<0>(realised));
    CHECK(std::get<1>(rerandomised) != std::get<1>(realised));
    CHECK(std::get<2>(rerandomised) != std::get<2>(realised));
    CHECK(std::get<3>(rerandomised) != std::get<3>(realised));
    CHECK(std::get<4>(rerandomised) != std::get<4>(realised));
    CHECK(all(trials::trial_stream(key, 0, Purpose::trial_rerandomisation)) != realised);
    CHECK(all(trials::trial_stream(ReplicationKey::make(20261123, 1), 0,
                                   Purpose::trial_assignment)) != realised);
}

TEST_CASE("assignment designs reject impossible inputs", "[trials]") {
    Stream stream = draw_stream(0);
    const std::vector<double> none;
    const std::vector<double> negative{1, -1};
    const std::vector<double> zeros{0, 0};
    const std::vector<double> not_a_number{1, std::nan("")};
    const std::vector<double> too_many(65, 1.0);
    for (const auto* ratios : {&none, &negative, &zeros, &not_a_number, &too_many}) {
        CHECK_THROWS_AS(trials::complete_assignment(10, *ratios, stream), std::invalid_argument);
        const std::vector<std::uint32_t> block{0, 1};
        CHECK_THROWS_AS(trials::block_assignment(block, *ratios, stream), std::invalid_argument);
    }
    const std::vector<double> sixty_four(64, 1.0);
    CHECK(trials::complete_assignment(64, sixty_four, stream).size() == 64);
    const std::vector<double> infinite_covariate{1.0, std::numeric_limits<double>::infinity()};
    CHECK_THROWS_AS(trials::matched_pair_assignment(infinite_covariate, stream),
                    std::invalid_argument);
    const std::vector<std::uint32_t> cluster_of_unit{0, 1, 2};
    const std::vector<double> fine{0.5};
    const std::vector<double> above_one{0.5, 1.5};
    const std::vector<double> below_zero{-0.1};
    CHECK_THROWS_AS(trials::saturation_assignment(cluster_of_unit, 3, none, stream),
                    std::invalid_argument);
    CHECK_THROWS_AS(trials::saturation_assignment(cluster_of_unit, 3, above_one, stream),
                    std::invalid_argument);
    CHECK_THROWS_AS(trials::saturation_assignment(cluster_of_unit, 3, below_zero, stream),
                    std::invalid_argument);
    CHECK_THROWS_AS(trials::saturation_assignment(cluster_of_unit, 2, fine, stream),
                    std::invalid_argument);  // unit in cluster 2 of only 2
    CHECK_THROWS_AS(trials::stepped_wedge_assignment(4, 0, stream), std::invalid_argument);
    CHECK_THROWS_AS(trials::stepped_wedge_assignment(4, 5, stream), std::invalid_argument);
}

}  // namespace test_assignment
