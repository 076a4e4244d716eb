// Randomisation inference: p-values counted by hand, and the exact null distribution of the
// p-value when all 20 assignments of 3 of 6 units are enumerated (Gerber and Green 2012, ch. 3).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/difference_in_means.hpp"
#include "analysis/randomisation_inference.hpp"

namespace test_randomisation_inference {

using namespace jobsim::analysis;

namespace {

constexpr double undefined = std::numeric_limits<double>::quiet_NaN();

/// All ways to treat 3 of 6 units, as treatment flags.
std::vector<std::vector<std::uint8_t>> all_assignments_of_three_in_six() {
    std::vector<std::vector<std::uint8_t>> out;
    std::vector<std::uint8_t> flags{0, 0, 0, 1, 1, 1};  // sorted: next_permutation walks all 20
    do {
        out.push_back(flags);
    } while (std::next_permutation(flags.begin(), flags.end()));
    return out;
}

}  // namespace

TEST_CASE("randomisation inference: the p-value counts the observed statistic and the extreme ones",
          "[analysis][randomisation_inference]") {
    // |t_k| >= 2 for -3, 2, -2 of the five: (1 + 3) / (1 + 5) = 2/3, whatever the observed sign.
    const std::vector<double> rerandomised{1.0, -3.0, 2.0, 0.5, -2.0};
    CHECK(randomisation_p_value(2.0, rerandomised) == Approx(4.0 / 6.0));
    CHECK(randomisation_p_value(-2.0, rerandomised) == Approx(4.0 / 6.0));
    // More extreme than all of them: the smallest p-value K re-randomisations allow, 1/(K + 1),
    // never zero (Phipson and Smyth 2010).
    CHECK(randomisation_p_value(5.0, rerandomised) == Approx(1.0 / 6.0));
    CHECK(randomisation_p_value(0.0, rerandomised) == Approx(1.0));
    // A statistic equal up to rounding is a tie, not less extreme.
    const std::vector<double> tie{2.0 * (1.0 - 1e-15)};
    CHECK(randomisation_p_value(2.0, tie) == Approx(1.0));
}

TEST_CASE("randomisation inference: undefined statistics are left out; none gives p = 1",
          "[analysis][randomisation_inference]") {
    const std::vector<double> with_nan{1.0, undefined, 3.0};
    CHECK(randomisation_p_value(2.0, with_nan) == Approx(2.0 / 3.0));
    CHECK(std::isnan(randomisation_p_value(undefined, with_nan)));
    CHECK(randomisation_p_value(2.0, std::vector<double>{}) == Approx(1.0));
}

TEST_CASE("randomisation inference: a callable gives the same p-value as the stored statistics",
          "[analysis][randomisation_inference]") {
    const std::vector<double> rerandomised{1.0, -3.0, 2.0, 0.5, -2.0};
    const double from_callable = randomisation_p_value(
        2.0, rerandomised.size(), [&](std::size_t k) { return rerandomised[k]; });
    CHECK(from_callable == randomisation_p_value(2.0, rerandomised));
}

TEST_CASE(
    "randomisation inference: enumerating all 20 assignments of 3 in 6, the p-value is "
    "uniform on its attainable values under the sharp null",
    "[analysis][randomisation_inference]") {
    // Outcomes 1, 2, 4, ..., 32 are fixed under the sharp null. The difference in means is
    // (2 S - 63)/3 for treated sum S; distinct subsets have distinct sums and S != 63 - S, so the
    // 20 statistics come in 10 pairs +-t (an assignment and its complement) with distinct |t|.
    // Taking each assignment in turn as the observed one and the other 19 as its re-randomisations,
    // (1 + #{|t_k| >= |t_obs|}) / 20 is the exact p-value, and it takes each of 2/20, 4/20, ...,
    // 20/20 for exactly two assignments: P(p <= j/10) = j/10, the test is exact.
    const std::vector<double> outcome{1, 2, 4, 8, 16, 32};
    const auto assignments = all_assignments_of_three_in_six();
    REQUIRE(assignments.size() == 20);
    std::vector<double> statistic;
    for (const auto& treated : assignments) {
        statistic.push_back(difference_in_means(outcome, treated).estimate);
    }
    std::vector<double> p_values;
    for (std::size_t observed = 0; observed < statistic.size(); ++observed) {
        std::vector<double> others = statistic;
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(observed));
        p_values.push_back(randomisation_p_value(statistic[observed], others));
    }
    // The first assignment treats 8, 16 and 32 (S = 56, t = 49/3), the most extreme: p = 2/20.
    CHECK(statistic[0] == Approx(49.0 / 3.0));
    CHECK(p_values[0] == Approx(2.0 / 20.0));
    std::sort(p_values.begin(), p_values.end());
    for (std::size_t i = 0; i < p_values.size(); ++i) {
        INFO("rank " << i);
        CHECK(p_values[i] == Approx(static_cast<double>(i / 2 + 1) / 10.0));
    }
}

}  // namespace test_randomisation_inference
