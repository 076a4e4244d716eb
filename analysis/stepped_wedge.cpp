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

/// Columns: intercept, clusters 1 .. G-1, periods 1 .. T-1, then `extra` columns per row (the
/// first of them is the treatment whose coefficient is reported).
DesignMatrix fixed_effects_design(const DenseIds& clusters, const DenseIds& periods,
                                  std::size_t extra_columns, std::span<const double> extra) {
    const std::size_t rows = clusters.index.size();
    const std::size_t cols = clusters.levels + periods.levels - 1 + extra_columns;
    DesignMatrix x{rows, cols, std::vector<double>(rows * cols, 0.0)};
    for (std::size_t i = 0; i < x.rows; ++i) {
        double* row = x.values.data() + i * cols;
        row[0] = 1.0;
        if (clusters.index[i] > 0) {
            row[clusters.index[i]] = 1.0;
        }
        if (periods.index[i] > 0) {
            row[clusters.levels - 1 + periods.index[i]] = 1.0;
        }
        for (std::size_t k = 0; k < extra_columns; ++k) {
            row[clusters.levels + periods.levels - 1 + k] = extra[i * extra_columns + k];
        }
    }
    return x;
}

/// Checks the panel, builds the design and returns the coefficient of the first extra column.
Estimate fixed_effects_treatment(const char* name, std::span<const double> outcome,
                                 std::span<const std::uint32_t> cluster,
                                 std::span<const std::uint32_t> period, std::size_t extra_columns,
                                 std::span<const double> extra, double alpha) {
    const std::size_t n = outcome.size();
    const std::string who = name;
    if (cluster.size() != n || period.size() != n || extra.size() != n * extra_columns) {
        throw std::invalid_argument(who + ": one cluster, period and treatment flag per outcome");
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument(who + ": alpha must be in (0, 1)");
    }
    const DenseIds clusters = dense_ids(cluster);
    const DenseIds periods = dense_ids(period);
    if (clusters.levels < 2 || periods.levels < 2) {
        throw std::invalid_argument(who + ": at least two clusters and two periods expected");
    }
    check_one_row_per_cluster_period(clusters, periods, cluster, period);
    const DesignMatrix x = fixed_effects_design(clusters, periods, extra_columns, extra);
    if (x.rows <= x.cols) {
        throw std::invalid_argument(who + ": " + std::to_string(x.rows) + " cluster-periods for " +
                                    std::to_string(x.cols) +
                                    " parameters; more cluster-periods expected");
    }
    try {
        return ols_coefficient(x, outcome, clusters.levels + periods.levels - 1, Variance::cr2,
                               cluster, alpha);
    } catch (const std::invalid_argument&) {
        throw std::invalid_argument(
            who +
            ": treatment is collinear with the cluster and period effects (clusters must "
            "switch to treatment in different periods, with some treated and some "
            "control cluster-periods)");
    }
}

}  // namespace

Estimate stepped_wedge_fixed_effects(std::span<const double> cluster_period_outcome,
                                     std::span<const std::uint32_t> cluster,
                                     std::span<const std::uint32_t> period,
                                     std::span<const std::uint8_t> treated, double alpha) {
    std::vector<double> indicator(treated.size());
    for (std::size_t i = 0; i < treated.size(); ++i) {
        indicator[i] = treated[i] != 0 ? 1.0 : 0.0;
    }
    return fixed_effects_treatment("stepped_wedge_fixed_effects", cluster_period_outcome, cluster,
                                   period, 1, indicator, alpha);
}

Estimate stepped_wedge_exposure_time(std::span<const double> cluster_period_outcome,
                                     std::span<const std::uint32_t> cluster,
                                     std::span<const std::uint32_t> period,
                                     std::span<const std::uint32_t> exposure, double alpha) {
    const std::size_t n = exposure.size();
    // The exposure lengths present and how many treated cluster-periods each has.
    std::vector<std::uint32_t> lengths;
    for (const std::uint32_t e : exposure) {
        if (e > 0) {
            lengths.push_back(e);
        }
    }
    std::sort(lengths.begin(), lengths.end());
    std::vector<std::uint32_t> levels = lengths;
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    std::vector<double> weight(levels.size());
    for (std::size_t k = 0; k < levels.size(); ++k) {
        weight[k] =
            static_cast<double>(std::upper_bound(lengths.begin(), lengths.end(), levels[k]) -
                                std::lower_bound(lengths.begin(), lengths.end(), levels[k]));
    }
    // Columns: T = any exposure, then D_e - (w_e / w_1) D_1 for every length but the first.
    const std::size_t extra_columns = std::max<std::size_t>(levels.size(), 1);
    std::vector<double> extra(n * extra_columns, 0.0);
    for (std::size_t i = 0; i < n && i < cluster_period_outcome.size(); ++i) {
        if (exposure[i] == 0) {
            continue;
        }
        const auto k = static_cast<std::size_t>(
            std::lower_bound(levels.begin(), levels.end(), exposure[i]) - levels.begin());
        extra[i * extra_columns] = 1.0;
        if (k > 0) {
            extra[i * extra_columns + k] = 1.0;
        } else {
            for (std::size_t other = 1; other < levels.size(); ++other) {
                extra[i * extra_columns + other] = -weight[other] / weight[0];
            }
        }
    }
    return fixed_effects_treatment("stepped_wedge_exposure_time", cluster_period_outcome, cluster,
                                   period, extra_columns, extra, alpha);
}

}  // namespace jobsim::analysis
