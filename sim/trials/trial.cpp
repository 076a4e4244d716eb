#include "sim/trials/trial.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/core/error.hpp"
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

/// One diagnosis row per distinct key, in the order keys first appear (replication 0's order).
std::vector<DiagnosisRow> diagnose_draws(const std::vector<TrialDraw>& draws,
                                         const TrialSpec& spec) {
    std::vector<DiagnosisRow> rows;
    std::vector<std::vector<analysis::Draw>> grouped;
    for (const TrialDraw& draw : draws) {
        auto found = std::find_if(rows.begin(), rows.end(),
                                  [&](const DiagnosisRow& row) { return row.key == draw.key; });
        if (found == rows.end()) {
            rows.push_back({.key = draw.key, .diagnosis = {}});
            grouped.emplace_back();
            found = rows.end() - 1;
        }
        grouped[static_cast<std::size_t>(found - rows.begin())].push_back(draw.draw);
    }
    for (std::size_t k = 0; k < rows.size(); ++k) {
        rows[k].diagnosis = analysis::diagnose(grouped[k], spec.alpha, spec.target_power);
    }
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
            result.sizes[r] = size_of(replication, r);
        });
    });
    for (std::vector<TrialDraw>& replication : draws) {
        result.draws.insert(result.draws.end(), replication.begin(), replication.end());
    }
    result.diagnosis = diagnose_draws(result.draws, scenario.trial);
    return result;
}

}  // namespace jobsim::trials
