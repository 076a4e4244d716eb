#include "sim/trials/trial.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/core/error.hpp"
#include "sim/trials/power_curve.hpp"
#include "sim/trials/time_to_work.hpp"
#include "sim/trials/trial_estimates.hpp"
#include "sim/trials/trial_worlds.hpp"

namespace jobsim::trials {

namespace {

TrialSize size_of(const TrialReplication& rep, std::uint32_t replication) {
    TrialSize size{.replication = replication,
                   .enrolled = static_cast<std::uint32_t>(rep.sample.size())};
    std::vector<std::uint32_t> clusters = rep.sample.cluster;
    std::sort(clusters.begin(), clusters.end());
    size.clusters = static_cast<std::uint32_t>(std::unique(clusters.begin(), clusters.end()) -
                                               clusters.begin());
    for (const std::uint8_t arm : rep.sample.arm) {
        size.treated += arm != 0;
    }
    if (!rep.assignment.cluster_step.empty()) {
        size.treated = size.enrolled;  // every area is treated by the end of a stepped wedge
    }
    return size;
}

/// Groups items by a key, in the order keys first appear (replication 0's order), and calls
/// `finish(key, items)` for each group.
template <class Item, class KeyOf, class Finish>
void for_each_group(const std::vector<Item>& items, KeyOf&& key_of, Finish&& finish) {
    using Key = decltype(key_of(items.front()));
    std::vector<Key> keys;
    std::vector<std::vector<const Item*>> groups;
    for (const Item& item : items) {
        const Key key = key_of(item);
        const auto found = std::find(keys.begin(), keys.end(), key);
        if (found == keys.end()) {
            keys.push_back(key);
            groups.push_back({&item});
        } else {
            groups[static_cast<std::size_t>(found - keys.begin())].push_back(&item);
        }
    }
    for (std::size_t k = 0; k < keys.size(); ++k) {
        finish(keys[k], groups[k]);
    }
}

std::vector<DiagnosisRow> diagnose_draws(const std::vector<TrialDraw>& draws,
                                         const TrialSpec& spec) {
    std::vector<DiagnosisRow> rows;
    for_each_group(
        draws, [](const TrialDraw& d) { return d.key; },
        [&](const DrawKey& key, const std::vector<const TrialDraw*>& group) {
            std::vector<analysis::Draw> values;
            values.reserve(group.size());
            for (const TrialDraw* d : group) {
                values.push_back(d->draw);
            }
            rows.push_back(
                {.key = key,
                 .diagnosis = analysis::diagnose(values, spec.alpha, spec.target_power)});
        });
    return rows;
}

std::vector<PowerCurveRow> diagnose_power(const std::vector<PowerDraw>& draws,
                                          const TrialSpec& spec) {
    const std::vector<PowerPoint> points = power_points(spec);
    std::vector<PowerCurveRow> rows;
    for_each_group(
        draws, [](const PowerDraw& d) { return std::pair(d.point, d.draw.key); },
        [&](const std::pair<std::uint32_t, DrawKey>& key,
            const std::vector<const PowerDraw*>& group) {
            PowerCurveRow row{};
            row.point = points[key.first];
            row.key = key.second;
            std::vector<analysis::Draw> values;
            for (const PowerDraw* d : group) {
                values.push_back(d->draw.draw);
                row.mean_clusters += d->clusters / static_cast<double>(group.size());
                row.mean_persons += d->persons / static_cast<double>(group.size());
            }
            row.diagnosis = analysis::diagnose(values, spec.alpha, spec.target_power);
            rows.push_back(row);
        });
    return rows;
}

}  // namespace

TrialResult run_trial(const Scenario& scenario, const RunSpec& spec, const ProgressFn& progress) {
    if (scenario.trial.design == TrialDesign::none) {
        throw ScenarioError({{.file = "",
                              .line = 0,
                              .column = 0,
                              .key_path = "trial.design",
                              .message = "the scenario declares no trial; expected a `trial:` "
                                         "block with a design (see sim/scenario/reference.md)"}});
    }
    const std::size_t arm_count = scenario.arms.size() + 1;
    const std::uint32_t worlds = static_cast<std::uint32_t>(arm_count + 1);
    const std::uint32_t weeks_per_replication = scenario.burn_in_weeks + worlds * scenario.weeks;
    std::atomic<std::uint64_t> weeks_done{0};
    std::mutex progress_mutex;
    // Replications run side by side, so progress is reported as weeks done over all of them.
    const std::function<void()> week_done = [&] {
        // A stop ends every replication at its next week; a trial keeps nothing unfinished (TBB
        // cancels the other replications and rethrows to the caller).
        if (spec.stop.requested()) {
            throw RunStopped(0);
        }
        const std::uint64_t done = ++weeks_done;
        if (progress) {
            const std::scoped_lock lock(progress_mutex);
            progress({.replication = static_cast<std::uint32_t>(done / weeks_per_replication),
                      .replications = spec.replications,
                      .week = static_cast<std::uint32_t>(done % weeks_per_replication),
                      .weeks_total = weeks_per_replication});
        }
    };

    std::vector<std::vector<TrialDraw>> draws(spec.replications);
    std::vector<std::vector<PowerDraw>> power(spec.replications);
    std::vector<std::vector<double>> curves(spec.replications);
    TrialResult result;
    result.sizes.resize(spec.replications);
    tbb::task_arena arena(static_cast<int>(std::max<std::uint32_t>(spec.threads, 1)));
    arena.execute([&] {
        // Each replication is independent and writes only its own slot: any thread count gives
        // the same result.
        tbb::parallel_for(std::uint32_t{0}, spec.replications, [&](std::uint32_t r) {
            const auto key = rng::ReplicationKey::make(spec.seed, r);
            const TrialReplication replication = simulate_replication(scenario, key, week_done);
            draws[r] = estimate_replication(scenario.trial, replication, key, r);
            power[r] = power_curve_draws(scenario.trial, replication, key, r);
            curves[r] = time_to_work_curves(scenario.trial, replication, arm_count);
            result.sizes[r] = size_of(replication, r);
        });
    });
    for (std::vector<TrialDraw>& replication : draws) {
        result.draws.insert(result.draws.end(), replication.begin(), replication.end());
    }
    result.diagnosis = diagnose_draws(result.draws, scenario.trial);
    std::vector<PowerDraw> power_draws;
    for (std::vector<PowerDraw>& replication : power) {
        power_draws.insert(power_draws.end(), replication.begin(), replication.end());
    }
    result.power_curve = diagnose_power(power_draws, scenario.trial);
    const std::vector<std::uint32_t> horizons = measured_horizons(scenario.trial);
    if (!horizons.empty()) {
        result.time_to_work = mean_time_to_work(curves, arm_count, horizons.back());
    }
    return result;
}

}  // namespace jobsim::trials
