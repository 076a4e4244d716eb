// Student-t inference shared by the estimators, including the degenerate cases that noiseless
// simulated data produce.
#include <cmath>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "analysis/estimate.hpp"

namespace test_estimate {

using jobsim::analysis::Estimate;
using jobsim::analysis::t_inference;

TEST_CASE("estimate: the interval is the estimate plus or minus the t quantile times the SE",
          "[analysis][estimate]") {
    // qt(0.975, 10) = 2.228139 and 2 * pt(-2, 10) = 0.07338803 (R 4.x).
    const Estimate e = t_inference(4.0, 2.0, 10.0, 0.05);
    CHECK(e.statistic == 2.0);
    CHECK(e.p_value == Approx(0.07338803).epsilon(1e-6));
    CHECK(e.ci_low == Approx(4.0 - 2.0 * 2.228139).epsilon(1e-6));
    CHECK(e.ci_high == Approx(4.0 + 2.0 * 2.228139).epsilon(1e-6));
}

TEST_CASE("estimate: a zero standard error gives a point interval; no df gives NaN inference",
          "[analysis][estimate]") {
    const Estimate exact = t_inference(2.5, 0.0, 3.0, 0.05);
    CHECK(exact.p_value == 0.0);
    CHECK(exact.ci_low == 2.5);
    CHECK(exact.ci_high == 2.5);
    CHECK(std::isnan(t_inference(0.0, 0.0, 3.0, 0.05).p_value));
    const Estimate no_df = t_inference(1.0, 0.5, 0.0, 0.05);
    CHECK(no_df.statistic == 2.0);
    CHECK(std::isnan(no_df.p_value));
    CHECK(std::isnan(no_df.ci_low));
    CHECK_THROWS_AS(t_inference(1.0, 0.5, 3.0, 1.0), std::invalid_argument);
}

}  // namespace test_estimate
