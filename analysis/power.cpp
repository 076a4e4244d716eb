#include "analysis/power.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/normal.hpp>

#include "analysis/running_moments.hpp"

namespace jobsim::analysis {

namespace {

double standard_normal_cdf(double x) {
    return boost::math::cdf(boost::math::normal(), x);
}

/// z_{1-alpha/2}, the two-sided critical value.
double two_sided_critical_value(double alpha) {
    return boost::math::quantile(boost::math::complement(boost::math::normal(), alpha / 2.0));
}

void require_probability(const char* function, const char* name, double value) {
    if (!(value > 0.0 && value < 1.0)) {
        throw std::invalid_argument(std::string(function) + ": " + name +
                                    " must be in (0, 1), got " + std::to_string(value));
    }
}

void require_positive(const char* function, const char* name, double value) {
    if (!(value > 0.0)) {
        throw std::invalid_argument(std::string(function) + ": " + name +
                                    " must be positive, got " + std::to_string(value));
    }
}

}  // namespace

double power_from_standard_error(double effect, double std_error, double alpha) {
    require_positive("power_from_standard_error", "std_error", std_error);
    require_probability("power_from_standard_error", "alpha", alpha);
    const double shift = std::abs(effect) / std_error;
    const double critical = two_sided_critical_value(alpha);
    return standard_normal_cdf(shift - critical) + standard_normal_cdf(-shift - critical);
}

double two_sample_power(double effect, double sd0, double sd1, double n0, double n1, double alpha) {
    require_positive("two_sample_power", "n0", n0);
    require_positive("two_sample_power", "n1", n1);
    if (!(sd0 >= 0.0 && sd1 >= 0.0)) {
        throw std::invalid_argument("two_sample_power: standard deviations must be non-negative");
    }
    return power_from_standard_error(effect, std::sqrt(sd0 * sd0 / n0 + sd1 * sd1 / n1), alpha);
}

double two_proportion_power(double p0, double p1, double n0, double n1, double alpha) {
    if (!(p0 >= 0.0 && p0 <= 1.0 && p1 >= 0.0 && p1 <= 1.0)) {
        throw std::invalid_argument("two_proportion_power: proportions must be in [0, 1]");
    }
    return two_sample_power(p1 - p0, std::sqrt(p0 * (1.0 - p0)), std::sqrt(p1 * (1.0 - p1)), n0, n1,
                            alpha);
}

double minimum_detectable_effect(double std_error, double alpha, double power) {
    if (!(std_error >= 0.0)) {
        throw std::invalid_argument("minimum_detectable_effect: std_error must be non-negative");
    }
    require_probability("minimum_detectable_effect", "alpha", alpha);
    require_probability("minimum_detectable_effect", "power", power);
    const double z_power = boost::math::quantile(boost::math::normal(), power);
    return (two_sided_critical_value(alpha) + z_power) * std_error;
}

double design_effect(double mean_cluster_size, double icc) {
    if (!(mean_cluster_size >= 1.0)) {
        throw std::invalid_argument("design_effect: mean cluster size must be at least 1");
    }
    if (!(icc >= -1.0 && icc <= 1.0)) {
        throw std::invalid_argument("design_effect: icc must be in [-1, 1]");
    }
    return 1.0 + (mean_cluster_size - 1.0) * icc;
}

double intraclass_correlation(std::span<const double> outcome,
                              std::span<const std::uint32_t> cluster) {
    if (outcome.size() != cluster.size()) {
        throw std::invalid_argument("intraclass_correlation: one cluster id per outcome");
    }
    // An ordered map keeps the summation order, hence the result, independent of hashing.
    std::map<std::uint32_t, RunningMoments> clusters;
    RunningMoments all;
    for (std::size_t i = 0; i < outcome.size(); ++i) {
        clusters[cluster[i]].add(outcome[i]);
        all.add(outcome[i]);
    }
    const double k = static_cast<double>(clusters.size());
    const double n = all.n;
    if (k < 2.0 || n - k < 1.0) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    double between = 0.0;  // sum_j n_j (mean_j - mean)^2
    double within = 0.0;   // sum_j sum_i (y_ij - mean_j)^2
    double squared_sizes = 0.0;
    for (const auto& entry : clusters) {
        const RunningMoments& moments = entry.second;
        const double gap = moments.mean - all.mean;
        between += moments.n * gap * gap;
        within += moments.squares;
        squared_sizes += moments.n * moments.n;
    }
    const double msb = between / (k - 1.0);
    const double msw = within / (n - k);
    const double n0 = (n - squared_sizes / n) / (k - 1.0);
    return (msb - msw) / (msb + (n0 - 1.0) * msw);
}

}  // namespace jobsim::analysis
