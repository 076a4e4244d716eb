#include "sim/trials/power_curve.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "sim/trials/assignment.hpp"
#include "sim/trials/trial_estimates.hpp"

namespace jobsim::trials {

namespace {

/// Chooses `keep` of `items` uniformly at random (all when there are no more than that).
std::vector<std::uint32_t> choose(const std::vector<std::uint32_t>& items, std::size_t keep,
                                  rng::Stream& stream) {
    if (keep >= items.size()) {
        return items;
    }
    const std::vector<double> ratios{static_cast<double>(items.size() - keep),
                                     static_cast<double>(keep)};
    // Complete assignment of exactly `keep` units to "kept": a uniform subset.
    const std::vector<std::uint8_t> kept = complete_assignment(items.size(), ratios, stream);
    std::vector<std::uint32_t> out;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (kept[k] != 0) {
            out.push_back(items[k]);
        }
    }
    return out;
}

/// Splits `total` over groups in proportion to their sizes (largest remainders; ties to the
/// earlier group), so a subsample keeps the design's balance.
std::vector<std::size_t> proportional_counts(const std::vector<std::size_t>& sizes,
                                             std::size_t total) {
    std::size_t all = 0;
    for (const std::size_t size : sizes) {
        all += size;
    }
    std::vector<std::size_t> counts(sizes.size(), 0);
    if (all == 0) {
        return counts;
    }
    total = std::min(total, all);
    std::vector<std::pair<double, std::size_t>> remainders;
    std::size_t given = 0;
    for (std::size_t g = 0; g < sizes.size(); ++g) {
        const double exact =
            static_cast<double>(total) * static_cast<double>(sizes[g]) / static_cast<double>(all);
        counts[g] = static_cast<std::size_t>(std::floor(exact));
        given += counts[g];
        remainders.emplace_back(exact - std::floor(exact), g);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given) {
        ++counts[remainders[k].second];
    }
    return counts;
}

/// Draws `keep` items from groups in proportion to their sizes.
std::vector<std::uint32_t> choose_in_proportion(
    const std::map<std::uint64_t, std::vector<std::uint32_t>>& groups, std::size_t keep,
    rng::Stream& stream) {
    std::vector<std::size_t> sizes;
    sizes.reserve(groups.size());
    for (const auto& [group, items] : groups) {
        sizes.push_back(items.size());
    }
    const std::vector<std::size_t> counts = proportional_counts(sizes, keep);
    std::vector<std::uint32_t> out;
    std::size_t g = 0;
    for (const auto& [group, items] : groups) {
        const std::vector<std::uint32_t> chosen = choose(items, counts[g++], stream);
        out.insert(out.end(), chosen.begin(), chosen.end());
    }
    return out;
}

/// What a cluster is balanced on when clusters are subsampled: its arm, saturation or step.
std::uint64_t cluster_stratum(const TrialSpec& spec, const Assignment& assignment,
                              std::uint32_t cluster) {
    switch (spec.design) {
        case TrialDesign::saturation:
            return static_cast<std::uint64_t>(
                std::llround(assignment.cluster_saturation[cluster] * 1e6));
        case TrialDesign::stepped_wedge:
            return assignment.cluster_step[cluster];
        case TrialDesign::cluster:
        case TrialDesign::matched_pair_cluster:
            return assignment.cluster_arm[cluster];
        case TrialDesign::individual:
        case TrialDesign::none:
            break;
    }
    return 0;
}

/// The rows (enrolled people) a subsample to `point` keeps.
std::vector<std::uint32_t> subsample(const TrialSpec& spec, const TrialReplication& rep,
                                     const PowerPoint& point, rng::Stream& stream) {
    const TrialSample& sample = rep.sample;
    std::map<std::uint32_t, std::vector<std::uint32_t>> rows_of_cluster;
    for (std::uint32_t row = 0; row < sample.size(); ++row) {
        rows_of_cluster[sample.cluster[row]].push_back(row);
    }
    if (spec.design == TrialDesign::individual) {
        std::map<std::uint64_t, std::vector<std::uint32_t>> by_arm;
        for (std::uint32_t row = 0; row < sample.size(); ++row) {
            by_arm[sample.arm[row]].push_back(row);
        }
        return choose_in_proportion(by_arm, point.persons == 0 ? sample.size() : point.persons,
                                    stream);
    }
    std::map<std::uint64_t, std::vector<std::uint32_t>> clusters_by_stratum;
    for (const auto& [cluster, rows] : rows_of_cluster) {
        clusters_by_stratum[cluster_stratum(spec, rep.assignment, cluster)].push_back(cluster);
    }
    const std::vector<std::uint32_t> clusters = choose_in_proportion(
        clusters_by_stratum, point.clusters == 0 ? rows_of_cluster.size() : point.clusters, stream);
    std::vector<std::uint32_t> kept;
    for (const std::uint32_t cluster : clusters) {
        const std::vector<std::uint32_t>& rows = rows_of_cluster[cluster];
        if (spec.design == TrialDesign::saturation) {
            // Keep the cluster's treated share: choose within its treated and untreated people.
            std::map<std::uint64_t, std::vector<std::uint32_t>> by_arm;
            for (const std::uint32_t row : rows) {
                by_arm[sample.arm[row]].push_back(row);
            }
            const std::vector<std::uint32_t> chosen = choose_in_proportion(
                by_arm, point.persons == 0 ? rows.size() : point.persons, stream);
            kept.insert(kept.end(), chosen.begin(), chosen.end());
        } else {
            const std::vector<std::uint32_t> chosen =
                choose(rows, point.persons == 0 ? rows.size() : point.persons, stream);
            kept.insert(kept.end(), chosen.begin(), chosen.end());
        }
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

}  // namespace

std::vector<PowerPoint> power_points(const TrialSpec& spec) {
    if (spec.power_grid_clusters.empty() && spec.power_grid_persons.empty()) {
        return {};
    }
    const std::vector<std::uint32_t> all{0};
    const bool individual = spec.design == TrialDesign::individual;
    const std::vector<std::uint32_t>& clusters =
        spec.power_grid_clusters.empty() || individual ? all : spec.power_grid_clusters;
    const std::vector<std::uint32_t>& persons =
        spec.power_grid_persons.empty() ? all : spec.power_grid_persons;
    std::vector<PowerPoint> points;
    for (const std::uint32_t c : clusters) {
        for (const std::uint32_t p : persons) {
            points.push_back({.clusters = c, .persons = p});
        }
    }
    return points;
}

std::vector<PowerDraw> power_curve_draws(const TrialSpec& spec, const TrialReplication& rep,
                                         rng::ReplicationKey key, std::uint32_t replication) {
    const std::vector<PowerPoint> points = power_points(spec);
    std::vector<PowerDraw> out;
    const std::size_t horizons = rep.horizons.size();
    for (std::size_t k = 0; k < points.size(); ++k) {
        rng::Stream stream = trial_stream(key, k, rng::Purpose::trial_power_grid);
        const std::vector<std::uint32_t> rows = subsample(spec, rep, points[k], stream);
        std::vector<std::uint8_t> observed(rep.sample.size() * horizons, 0);
        std::vector<std::uint32_t> clusters;
        for (const std::uint32_t row : rows) {
            for (std::size_t h = 0; h < horizons; ++h) {
                observed[row * horizons + h] = rep.responded[row * horizons + h];
            }
            clusters.push_back(rep.sample.cluster[row]);
        }
        std::sort(clusters.begin(), clusters.end());
        const auto cluster_count = std::unique(clusters.begin(), clusters.end()) - clusters.begin();
        const EstimationScope scope{.observed = observed,
                                    .outcome = spec.primary_outcome,
                                    .horizon = horizons - 1,
                                    .randomisation_inference = false};
        for (TrialDraw& draw : estimate_replication(spec, rep, key, replication, scope)) {
            out.push_back({.point = static_cast<std::uint32_t>(k),
                           .clusters = static_cast<double>(cluster_count),
                           .persons = static_cast<double>(rows.size()),
                           .draw = draw});
        }
    }
    return out;
}

}  // namespace jobsim::trials
