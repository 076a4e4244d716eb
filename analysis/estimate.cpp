#include "analysis/estimate.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/students_t.hpp>

namespace jobsim::analysis {

namespace {
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
}  // namespace

Estimate t_inference(double estimate, double std_error, double df, double alpha) {
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("t_inference: alpha must be in (0, 1)");
    }
    Estimate e{estimate, std_error, df, estimate / std_error, nan, nan, nan};
    if (!(df > 0.0) || std::isnan(e.statistic)) {
        return e;
    }
    const boost::math::students_t t(df);
    e.p_value = std::isinf(e.statistic)
                    ? 0.0
                    : 2.0 * boost::math::cdf(boost::math::complement(t, std::abs(e.statistic)));
    const double critical = boost::math::quantile(boost::math::complement(t, alpha / 2.0));
    e.ci_low = estimate - critical * std_error;
    e.ci_high = estimate + critical * std_error;
    return e;
}

Estimate unidentified_estimate() {
    return {nan, nan, nan, nan, nan, nan, nan};
}

}  // namespace jobsim::analysis
