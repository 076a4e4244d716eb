#include "analysis/stepped_wedge.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/regression.hpp"

namespace jobsim::analysis {

namespace {

/// Ids renumbered 0 .. levels - 1 in ascending order of the original id.
struct DenseIds {
    std::vector<std::size_t> index;
    std::size_t levels = 0;
};

DenseIds dense_ids(std::span<const std::uint32_t> ids) {
    std::vector<std::uint32_t> distinct(ids.begin(), ids.end());
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    DenseIds dense{std::vector<std::size_t>(ids.size()), distinct.size()};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        dense.index[i] = static_cast<std::size_t>(
            std::lower_bound(distinct.begin(), distinct.end(), ids[i]) - distinct.begin());
    }
    return dense;
}

void check_one_row_per_cluster_period(const DenseIds& clusters, const DenseIds& periods,
                                      std::span<const std::uint32_t> cluster,
                                      std::span<const std::uint32_t> period) {
    std::vector<bool> seen(clusters.levels * periods.levels, false);
    for (std::size_t i = 0; i < cluster.size(); ++i) {
        const std::size_t cell = clusters.index[i] * periods.levels + periods.index[i];
        if (seen[cell]) {
            throw std::invalid_argument(
                "stepped_wedge_fixed_effects: cluster " + std::to_string(cluster[i]) + ", period " +
                std::to_string(period[i]) + " appears twice (one row per cluster-period expected)");
        }
        seen[cell] = true;
    }
}

/// Columns: intercept, clusters 1 .. G-1, periods 1 .. T-1, treatment (last).
DesignMatrix fixed_effects_design(const DenseIds& clusters, const DenseIds& periods,
                                  std::span<const std::uint8_t> treated) {
    const std::size_t cols = clusters.levels + periods.levels;
    DesignMatrix x{treated.size(), cols, std::vector<double>(treated.size() * cols, 0.0)};
    for (std::size_t i = 0; i < x.rows; ++i) {
        double* row = x.values.data() + i * cols;
        row[0] = 1.0;
        if (clusters.index[i] > 0) {
            row[clusters.index[i]] = 1.0;
        }
        if (periods.index[i] > 0) {
            row[clusters.levels - 1 + periods.index[i]] = 1.0;
        }
        row[cols - 1] = treated[i] != 0 ? 1.0 : 0.0;
    }
    return x;
}

}  // namespace

Estimate stepped_wedge_fixed_effects(std::span<const double> cluster_period_outcome,
                                     std::span<const std::uint32_t> cluster,
                                     std::span<const std::uint32_t> period,
                                     std::span<const std::uint8_t> treated, double alpha) {
    const std::size_t n = cluster_period_outcome.size();
    if (cluster.size() != n || period.size() != n || treated.size() != n) {
        throw std::invalid_argument(
            "stepped_wedge_fixed_effects: one cluster, period and treatment flag per outcome");
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("stepped_wedge_fixed_effects: alpha must be in (0, 1)");
    }
    const DenseIds clusters = dense_ids(cluster);
    const DenseIds periods = dense_ids(period);
    if (clusters.levels < 2 || periods.levels < 2) {
        throw std::invalid_argument(
            "stepped_wedge_fixed_effects: at least two clusters and two periods expected");
    }
    check_one_row_per_cluster_period(clusters, periods, cluster, period);
    const DesignMatrix x = fixed_effects_design(clusters, periods, treated);
    if (x.rows <= x.cols) {
        throw std::invalid_argument("stepped_wedge_fixed_effects: " + std::to_string(x.rows) +
                                    " cluster-periods for " + std::to_string(x.cols) +
                                    " parameters; more cluster-periods expected");
    }
    try {
        return ols_coefficient(x, cluster_period_outcome, x.cols - 1, Variance::cr2, cluster,
                               alpha);
    } catch (const std::invalid_argument&) {
        throw std::invalid_argument(
            "stepped_wedge_fixed_effects: treatment is collinear with the cluster and period "
            "effects (clusters must switch to treatment in different periods, with some "
            "treated and some control cluster-periods)");
    }
}

}  // namespace jobsim::analysis
