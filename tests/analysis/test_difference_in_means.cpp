// The difference in means against published and hand-computed numbers.
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/difference_in_means.hpp"

namespace test_difference_in_means {

using jobsim::analysis::difference_in_means;
using jobsim::analysis::Estimate;

TEST_CASE("difference in means: Student's sleep data give R's Welch t-test",
          "[analysis][difference_in_means]") {
    // Student (1908), R's `sleep` data; R 4.x: t.test(extra ~ group, data = sleep) gives
    // t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI -3.3654832 0.2054832 (group 1 minus
    // group 2). Here group 2 is "treated", so the signs flip.
    const std::vector<double> extra{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0,
                                    1.9, 0.8,  1.1,  0.1,  -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    std::vector<std::uint8_t> treated(20, 0);
    for (std::size_t i = 10; i < 20; ++i) {
        treated[i] = 1;
    }
    const Estimate e = difference_in_means(extra, treated);
    CHECK(e.estimate == Approx(1.58));
    CHECK(e.statistic == Approx(1.8608).epsilon(1e-4));
    CHECK(e.df == Approx(17.776).epsilon(1e-4));
    CHECK(e.p_value == Approx(0.07939).epsilon(1e-3));
    CHECK(e.ci_low == Approx(-0.2054832).epsilon(1e-5));
    CHECK(e.ci_high == Approx(3.3654832).epsilon(1e-6));
}

TEST_CASE("difference in means: the robust standard error and its degrees of freedom by hand",
          "[analysis][difference_in_means]") {
    // Treated 3, 5, 7, 9: mean 6, variance 20/3. Control 1, 2, 3: mean 2, variance 1.
    // SE^2 = (20/3)/4 + 1/3 = 2; df = 2^2 / ((5/3)^2/3 + (1/3)^2/2) = 4 / (53/54) = 216/53.
    const std::vector<double> y{3, 1, 5, 2, 7, 3, 9};
    const std::vector<std::uint8_t> treated{1, 0, 1, 0, 1, 0, 1};
    const Estimate e = difference_in_means(y, treated);
    CHECK(e.estimate == Approx(4.0));
    CHECK(e.std_error == Approx(std::sqrt(2.0)));
    CHECK(e.df == Approx(216.0 / 53.0));
    CHECK(e.statistic == Approx(4.0 / std::sqrt(2.0)));
    // A wider interval at a smaller alpha, centred on the estimate.
    const Estimate strict = difference_in_means(y, treated, 0.01);
    CHECK(strict.ci_high - strict.ci_low > e.ci_high - e.ci_low);
    CHECK(0.5 * (strict.ci_low + strict.ci_high) == Approx(4.0));
}

TEST_CASE("difference in means: too few units give NaN; mismatched input is an error",
          "[analysis][difference_in_means]") {
    const std::vector<double> y{1.0, 2.0, 3.0};
    const std::vector<std::uint8_t> one_treated{1, 0, 0};
    CHECK(std::isnan(difference_in_means(y, one_treated).estimate));
    const std::vector<std::uint8_t> short_flags{1, 0};
    CHECK_THROWS_AS(difference_in_means(y, short_flags), std::invalid_argument);
    const std::vector<std::uint8_t> flags{1, 1, 0};
    CHECK_THROWS_AS(difference_in_means(y, flags, 1.5), std::invalid_argument);
}

}  // namespace test_difference_in_means
