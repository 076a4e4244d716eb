// Count, mean and sum of squared deviations of a stream of numbers by Welford's (1962) update,
// which stays accurate when the mean is large next to the spread. Shared by the diagnosis
// statistics and the intraclass correlation.
#pragma once

#include <cmath>
#include <limits>

namespace jobsim::analysis {

struct RunningMoments {
    double n = 0.0;
    double mean = 0.0;
    double squares = 0.0;  ///< sum of squared deviations from the mean

    void add(double y) {
        n += 1.0;
        const double delta = y - mean;
        mean += delta / n;
        squares += delta * (y - mean);
    }
    /// The mean, or NaN for an empty stream.
    [[nodiscard]] double mean_or_nan() const {
        return n > 0.0 ? mean : std::numeric_limits<double>::quiet_NaN();
    }
    /// Unbiased (n - 1) variance, or NaN with fewer than two values.
    [[nodiscard]] double variance() const {
        return n > 1.0 ? squares / (n - 1.0) : std::numeric_limits<double>::quiet_NaN();
    }
    [[nodiscard]] double standard_deviation() const { return std::sqrt(variance()); }
};

}  // namespace jobsim::analysis
