#include "analysis/difference_in_means.hpp"

#include <cmath>
#include <stdexcept>

#include "analysis/running_moments.hpp"

namespace jobsim::analysis {

Estimate difference_in_means(std::span<const double> outcome, std::span<const std::uint8_t> treated,
                             double alpha) {
    if (outcome.size() != treated.size()) {
        throw std::invalid_argument("difference_in_means: one treatment flag per outcome");
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("difference_in_means: alpha must be in (0, 1)");
    }
    RunningMoments group[2];
    for (std::size_t i = 0; i < outcome.size(); ++i) {
        group[treated[i] != 0 ? 1 : 0].add(outcome[i]);
    }
    const RunningMoments& control = group[0];
    const RunningMoments& treatment = group[1];
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
