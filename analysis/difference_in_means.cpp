#include "analysis/difference_in_means.hpp"

#include <cmath>
#include <stdexcept>

namespace jobsim::analysis {

namespace {

/// Count, mean and unbiased variance of one group, by Welford's update (stable for large n).
struct GroupMoments {
    double n = 0.0;
    double mean = 0.0;
    double squares = 0.0;  ///< sum of squared deviations from the mean

    void add(double y) {
        n += 1.0;
        const double delta = y - mean;
        mean += delta / n;
        squares += delta * (y - mean);
    }
    [[nodiscard]] double variance() const { return squares / (n - 1.0); }
};

}  // namespace

Estimate difference_in_means(std::span<const double> outcome, std::span<const std::uint8_t> treated,
                             double alpha) {
    if (outcome.size() != treated.size()) {
        throw std::invalid_argument("difference_in_means: one treatment flag per outcome");
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("difference_in_means: alpha must be in (0, 1)");
    }
    GroupMoments group[2];
    for (std::size_t i = 0; i < outcome.size(); ++i) {
        group[treated[i] != 0 ? 1 : 0].add(outcome[i]);
    }
    const GroupMoments& control = group[0];
    const GroupMoments& treatment = group[1];
    if (control.n < 2.0 || treatment.n < 2.0) {
        return unidentified_estimate();
    }
    const double v1 = treatment.variance() / treatment.n;
    const double v0 = control.variance() / control.n;
    const double welch_df =
        (v1 + v0) * (v1 + v0) / (v1 * v1 / (treatment.n - 1.0) + v0 * v0 / (control.n - 1.0));
    return t_inference(treatment.mean - control.mean, std::sqrt(v1 + v0), welch_df, alpha);
}

}  // namespace jobsim::analysis
