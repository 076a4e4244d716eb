#include "analysis/saturation.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "analysis/cluster_difference_in_means.hpp"

namespace jobsim::analysis {

namespace {

void check_inputs(std::span<const double> outcome, std::span<const std::uint8_t> treated,
                  std::span<const std::uint32_t> cluster,
                  std::span<const double> cluster_saturation, double alpha) {
    if (treated.size() != outcome.size() || cluster.size() != outcome.size()) {
        throw std::invalid_argument(
            "saturation_effects: one treatment flag and one cluster id per outcome");
    }
    for (const double s : cluster_saturation) {
        if (!(s >= 0.0 && s <= 1.0)) {
            throw std::invalid_argument("saturation_effects: saturation " + std::to_string(s) +
                                        " is not a share in [0, 1]");
        }
    }
    for (std::size_t i = 0; i < outcome.size(); ++i) {
        if (cluster[i] >= cluster_saturation.size()) {
            throw std::invalid_argument("saturation_effects: cluster " +
                                        std::to_string(cluster[i]) +
                                        " has no saturation (expected ids below " +
                                        std::to_string(cluster_saturation.size()) + ")");
        }
        if (treated[i] != 0 && cluster_saturation[cluster[i]] == 0.0) {
            throw std::invalid_argument("saturation_effects: person " + std::to_string(i) +
                                        " is treated in pure control cluster " +
                                        std::to_string(cluster[i]));
        }
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("saturation_effects: alpha must be in (0, 1)");
    }
}

/// The saturations s > 0 in use, ascending.
std::vector<double> saturation_levels(std::span<const double> cluster_saturation) {
    std::vector<double> levels;
    for (const double s : cluster_saturation) {
        if (s > 0.0) {
            levels.push_back(s);
        }
    }
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    return levels;
}

/// Compares the people selected by `in_group(saturation, treated)` (as "treated") with everyone
/// in pure control clusters, by the cluster difference in means.
template <class Selector>
Estimate against_pure_control(std::span<const double> outcome,
                              std::span<const std::uint8_t> treated,
                              std::span<const std::uint32_t> cluster,
                              std::span<const double> cluster_saturation, double alpha,
                              Selector in_group) {
    std::vector<double> subset_outcome;
    std::vector<std::uint8_t> subset_group;
    std::vector<std::uint32_t> subset_cluster;
    for (std::size_t i = 0; i < outcome.size(); ++i) {
        const double s = cluster_saturation[cluster[i]];
        const bool pure_control = s == 0.0;
        if (!pure_control && !in_group(s, treated[i] != 0)) {
            continue;
        }
        subset_outcome.push_back(outcome[i]);
        subset_group.push_back(pure_control ? 0 : 1);
        subset_cluster.push_back(cluster[i]);
    }
    return cluster_difference_in_means(subset_outcome, subset_group, subset_cluster, alpha);
}

}  // namespace

SaturationEstimates saturation_effects(std::span<const double> outcome,
                                       std::span<const std::uint8_t> treated,
                                       std::span<const std::uint32_t> cluster,
                                       std::span<const double> cluster_saturation, double alpha) {
    check_inputs(outcome, treated, cluster, cluster_saturation, alpha);
    const auto compare = [&](auto in_group) {
        return against_pure_control(outcome, treated, cluster, cluster_saturation, alpha, in_group);
    };
    SaturationEstimates estimates;
    for (const double level : saturation_levels(cluster_saturation)) {
        estimates.by_saturation.push_back(
            {level, compare([level](double s, bool t) { return s == level && t; }),
             compare([level](double s, bool t) { return s == level && !t; })});
    }
    estimates.pooled_direct = compare([](double, bool t) { return t; });
    estimates.pooled_spillover = compare([](double, bool t) { return !t; });
    return estimates;
}

}  // namespace jobsim::analysis
