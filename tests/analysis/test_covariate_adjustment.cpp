// Lin's (2013) covariate-adjusted estimator on hand-computed cases.
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/covariate_adjustment.hpp"
#include "analysis/difference_in_means.hpp"

namespace test_covariate_adjustment {

using jobsim::analysis::DesignMatrix;
using jobsim::analysis::difference_in_means;
using jobsim::analysis::Estimate;
using jobsim::analysis::lin_adjusted;

namespace {

DesignMatrix one_covariate(const std::vector<double>& x) {
    return {x.size(), 1, x};
}

}  // namespace

TEST_CASE("lin adjustment: equal covariate means across arms leave the difference in means",
          "[analysis][covariate_adjustment]") {
    // The interacted regression fits each arm separately, so its coefficient on T is
    // (ybar1 - b1 (xbar1 - xbar)) - (ybar0 - b0 (xbar0 - xbar)) (Lin 2013): with xbar1 = xbar0
    // = xbar it is ybar1 - ybar0 = 6 - 2 = 4. Here x is also uncorrelated with y in each arm.
    const std::vector<double> y{3, 5, 7, 9, 1, 2, 3};
    const std::vector<std::uint8_t> treated{1, 1, 1, 1, 0, 0, 0};
    const std::vector<double> x{1, -1, -1, 1, 1, -2, 1};
    const Estimate lin = lin_adjusted(y, treated, one_covariate(x));
    CHECK(lin.estimate == Approx(difference_in_means(y, treated).estimate).epsilon(1e-12));
    CHECK(lin.df == 3.0);  // n - p = 7 - 4
}

TEST_CASE("lin adjustment: a small case by hand", "[analysis][covariate_adjustment]") {
    // Treated x = -1, 0, 1, y = 1, 2, 4; control x = 0, 1, 2, y = 0, 1, 1; xbar = 1/2.
    // Treated fit: slope 3/2, value at x = 1/2: 7/3 + 3/4 = 37/12. Control: slope 1/2, value at
    // 1/2: 2/3 - 1/4 = 5/12. Estimate 37/12 - 5/12 = 8/3 (difference in means 5/3).
    // HC2 per arm (the interacted design is block diagonal by arm): the fitted value at 1/2 has
    // weights 1/12, 1/3, 7/12 (treated; mirrored for control), residuals 1/6, -1/3, 1/6 and
    // 1 - h = 1/6, 2/3, 1/6, so each arm gives (1/144 + 49/144)(1/36)(6) + (1/9)(1/9)(3/2) =
    // 11/144, and SE^2 = 11/72 with n - p = 2 df.
    const std::vector<double> y{1, 2, 4, 0, 1, 1};
    const std::vector<std::uint8_t> treated{1, 1, 1, 0, 0, 0};
    const std::vector<double> x{-1, 0, 1, 0, 1, 2};
    const Estimate e = lin_adjusted(y, treated, one_covariate(x));
    CHECK(e.estimate == Approx(8.0 / 3.0).epsilon(1e-12));
    CHECK(e.std_error == Approx(std::sqrt(11.0 / 72.0)).epsilon(1e-12));
    CHECK(e.df == 2.0);
}

TEST_CASE("lin adjustment: a covariate that predicts the outcome shrinks the standard error",
          "[analysis][covariate_adjustment]") {
    // y = 2x + T + small deterministic noise with x spread over 0..9 in both arms: the
    // difference in means carries the variance of 2x (about 33), the adjusted estimator only the
    // noise (amplitude 0.1), so its SE is smaller by more than tenfold.
    std::vector<double> y;
    std::vector<std::uint8_t> treated;
    std::vector<double> x;
    for (std::size_t i = 0; i < 40; ++i) {
        const double covariate = static_cast<double>((i * 7) % 10);
        const std::uint8_t t = i % 2 == 0 ? 1 : 0;
        x.push_back(covariate);
        treated.push_back(t);
        y.push_back(2.0 * covariate + t + 0.1 * std::sin(static_cast<double>(i * i)));
    }
    const Estimate adjusted = lin_adjusted(y, treated, one_covariate(x));
    const Estimate unadjusted = difference_in_means(y, treated);
    CHECK(adjusted.std_error < 0.1 * unadjusted.std_error);
    CHECK(adjusted.estimate == Approx(1.0).margin(0.1));
}

TEST_CASE("lin adjustment: too few units per arm give NaN; mismatched input is an error",
          "[analysis][covariate_adjustment]") {
    const std::vector<double> y{1, 2, 3, 4, 5};
    const std::vector<std::uint8_t> treated{1, 1, 0, 0, 0};
    const std::vector<double> x{1, 2, 3, 4, 6};
    CHECK(std::isnan(lin_adjusted(y, treated, one_covariate(x)).estimate));
    const std::vector<double> short_x{1, 2, 3};
    CHECK_THROWS_AS(lin_adjusted(y, treated, one_covariate(short_x)), std::invalid_argument);
    CHECK_THROWS_AS(lin_adjusted(y, treated, one_covariate(x), 2.0), std::invalid_argument);
}

}  // namespace test_covariate_adjustment
