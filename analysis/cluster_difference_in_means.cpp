#include "analysis/cluster_difference_in_means.hpp"

#include <optional>
#include <stdexcept>
#include <vector>

#include "analysis/regression.hpp"

namespace jobsim::analysis {

namespace {

/// Whether the units of one arm belong to at least two different clusters.
bool arm_spans_two_clusters(std::span<const std::uint8_t> treated,
                            std::span<const std::uint32_t> cluster, bool arm) {
    std::optional<std::uint32_t> first;
    for (std::size_t i = 0; i < treated.size(); ++i) {
        if ((treated[i] != 0) != arm) {
            continue;
        }
        if (!first) {
            first = cluster[i];
        } else if (cluster[i] != *first) {
            return true;
        }
    }
    return false;
}

}  // namespace

Estimate cluster_difference_in_means(std::span<const double> outcome,
                                     std::span<const std::uint8_t> treated,
                                     std::span<const std::uint32_t> cluster, double alpha) {
    if (treated.size() != outcome.size() || cluster.size() != outcome.size()) {
        throw std::invalid_argument(
            "cluster_difference_in_means: one treatment flag and one cluster id per outcome");
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("cluster_difference_in_means: alpha must be in (0, 1)");
    }
    if (!arm_spans_two_clusters(treated, cluster, true) ||
        !arm_spans_two_clusters(treated, cluster, false)) {
        return unidentified_estimate();
    }
    DesignMatrix x{outcome.size(), 2, std::vector<double>(2 * outcome.size(), 1.0)};
    for (std::size_t i = 0; i < outcome.size(); ++i) {
        x.values[2 * i + 1] = treated[i] != 0 ? 1.0 : 0.0;
    }
    return ols_coefficient(x, outcome, 1, Variance::cr2, cluster, alpha);
}

}  // namespace jobsim::analysis
