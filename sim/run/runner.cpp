#include "sim/run/runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <utility>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/core/message.hpp"
#include "sim/observe/area_series.hpp"
#include "sim/observe/recorder.hpp"
#include "sim/population/generate.hpp"
#include "sim/scenario/load.hpp"
#include "sim/schedule/scheduler.hpp"
#include "sim/state/world_snapshot.hpp"

namespace jobsim {

namespace {

/// Replication `r`: burn-in under the baseline regime, then every arm from the world after it.
/// Its phases run in `arena` (inline when called from inside it). `week_done` is called after
/// every week and stops the replication by throwing. Returns the outcomes by arm.
std::vector<ArmOutcomes> run_replication(const Scenario& scenario, const std::vector<Regime>& arms,
                                         const rng::ReplicationKey& key, std::uint32_t r,
                                         ReplicationRecorder& recorder, tbb::task_arena& arena,
                                         const std::function<void()>& week_done) {
    const auto arm_count = static_cast<std::uint32_t>(arms.size());
    std::vector<Event> events;
    std::vector<ArmOutcomes> outcomes;
    // Burn-in under the baseline regime: every arm starts from this world.
    World start;
    arena.execute([&] { start = generate_world(scenario, key); });
    for (Week week = 0; week < scenario.burn_in_weeks; ++week) {
        const WeekContext context{scenario, arms, key, week};
        events.clear();
        arena.execute([&] { run_week(context, start, events); });
        week_done();
    }
    // Every arm starts from the world after burn-in. The first arm runs on it. Without burn-in
    // that world is the generated one, which each later arm generates again from the key: cheaper
    // than keeping a copy (issue 5's memory budget). After burn-in it is kept as a compact
    // snapshot, which each later arm restores (two full worlds at once cost ~170 B a person).
    // A one-arm run copies nothing.
    const bool regenerate = scenario.burn_in_weeks == 0;
    WorldSnapshot snapshot;
    if (arm_count > 1 && !regenerate) {
        arena.execute([&] { snapshot = WorldSnapshot::take(start); });
    }
    for (std::uint32_t a = 0; a < arm_count; ++a) {
        World world;
        if (a == 0) {
            // Only the first arm takes it (clang-tidy and cppcheck cannot tell from the loop).
            // cppcheck-suppress accessMoved
            world = std::move(start);  // NOLINT(bugprone-use-after-move)
        } else if (regenerate) {
            arena.execute([&] { world = generate_world(scenario, key); });
        } else {
            arena.execute([&] { world = snapshot.restore(); });
            if (a + 1 == arm_count) {
                snapshot = WorldSnapshot{};
            }
        }
        std::fill(world.persons.arm.begin(), world.persons.arm.end(), static_cast<std::uint8_t>(a));
        recorder.begin_replication(r, static_cast<std::uint8_t>(a), world);
        ArmOutcomeTracker tracker(scenario, world, static_cast<std::uint8_t>(a), r);
        for (Week recorded = 0; recorded < scenario.weeks; ++recorded) {
            const WeekContext context{scenario, arms, key, scenario.burn_in_weeks + recorded};
            events.clear();
            arena.execute([&] { run_week(context, world, events); });
            for (Event& event : events) {
                event.week = recorded;
            }
            // In the arena too: these and a recorder (compressing) run in parallel, within
            // --threads.
            arena.execute([&] {
                const std::vector<AreaWeek> areas = area_series(recorded, world, events);
                recorder.record_week(recorded, world, events, areas);
                tracker.observe_week(recorded, world, events);
            });
            week_done();
        }
        outcomes.push_back(tracker.finish(world));
        recorder.record_outcomes(r, static_cast<std::uint8_t>(a), outcomes.back());
        arena.execute([&] { recorder.end_replication(r, static_cast<std::uint8_t>(a), world); });
    }
    return outcomes;
}

/// What both ways of running share: the replications' outcomes by index and the progress count.
struct Replications {
    const Scenario& scenario;
    const RunSpec& spec;
    const std::vector<Regime>& arms;
    std::uint32_t weeks_each = 0;                    ///< burn-in + recorded weeks x arms
    std::vector<std::vector<ArmOutcomes>> outcomes;  ///< by replication; empty until finished
    std::vector<std::uint32_t> to_run;               ///< replications not in spec.finished
    std::atomic<std::uint32_t> finished{0};          ///< in every arm, resumed ones included

    /// Takes the replications `spec.finished` has. @throws RunError when one has the wrong arms
    Replications(const Scenario& s, const RunSpec& run_spec, const std::vector<Regime>& all)
        : scenario(s),
          spec(run_spec),
          arms(all),
          weeks_each(s.burn_in_weeks + static_cast<std::uint32_t>(all.size()) * s.weeks),
          outcomes(run_spec.replications) {
        for (std::uint32_t r = 0; r < spec.replications; ++r) {
            const auto done = spec.finished.find(r);
            if (done == spec.finished.end()) {
                to_run.push_back(r);
                continue;
            }
            if (done->second.size() != arms.size()) {
                throw RunError(message("finished replication ", r, " has outcomes of ",
                                       done->second.size(), " arms, not ", arms.size()));
            }
            outcomes[r] = done->second;
            ++finished;
        }
    }

    void stop_if_asked() const {
        if (spec.stop.requested()) {
            throw RunStopped(finished);
        }
    }

    /// Every replication's outcomes, in replication order.
    [[nodiscard]] std::vector<ArmOutcomes> runs() const {
        std::vector<ArmOutcomes> all;
        for (const std::vector<ArmOutcomes>& replication : outcomes) {
            all.insert(all.end(), replication.begin(), replication.end());
        }
        return all;
    }
};

/// One replication after another on the calling thread, each week's phases parallel in `arena`.
void one_after_another(Replications& run, Recorder& recorder, tbb::task_arena& arena,
                       const ProgressFn& progress) {
    for (const std::uint32_t r : run.to_run) {
        run.stop_if_asked();
        std::uint32_t weeks_done = 0;
        const std::function<void()> week_done = [&] {
            ++weeks_done;
            if (progress) {
                progress({.replication = r,
                          .replications = run.spec.replications,
                          .week = weeks_done,
                          .weeks_total = run.weeks_each});
            }
            run.stop_if_asked();
        };
        run.outcomes[r] =
            run_replication(run.scenario, run.arms, rng::ReplicationKey::make(run.spec.seed, r), r,
                            recorder, arena, week_done);
        ++run.finished;
    }
}

/// A replication on each of `recorders` (its lanes) at once: each lane takes the next replication
/// to run until none is left, records it with its own recorder, and runs its weeks itself (other
/// threads join a week's parallel loops when lanes are idle). Isolation keeps a lane waiting in a
/// week's loop from starting another lane's replication, so at most one world a lane exists at
/// once. The first failure (a stop included) ends every lane at its next week and is rethrown.
void side_by_side(Replications& run, std::vector<std::unique_ptr<ReplicationRecorder>> recorders,
                  tbb::task_arena& arena, const ProgressFn& progress) {
    const auto lanes = static_cast<std::uint32_t>(recorders.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    std::mutex mutex;  // guards failure, weeks_done and progress
    std::uint64_t weeks_done = std::uint64_t{run.finished} * run.weeks_each;
    const std::function<void()> week_done = [&] {
        if (failed.load() || run.spec.stop.requested()) {
            throw RunStopped(0);  // the count is taken when every lane has ended
        }
        const std::scoped_lock lock(mutex);
        ++weeks_done;
        if (progress) {
            progress({.replication = static_cast<std::uint32_t>(weeks_done / run.weeks_each),
                      .replications = run.spec.replications,
                      .week = static_cast<std::uint32_t>(weeks_done % run.weeks_each),
                      .weeks_total = run.weeks_each});
        }
    };
    const auto lane_body = [&](std::uint32_t lane) {
        tbb::this_task_arena::isolate([&] {
            for (std::size_t i = next++; i < run.to_run.size() && !failed.load(); i = next++) {
                const std::uint32_t r = run.to_run[i];
                try {
                    run.outcomes[r] = run_replication(run.scenario, run.arms,
                                                      rng::ReplicationKey::make(run.spec.seed, r),
                                                      r, *recorders[lane], arena, week_done);
                    ++run.finished;
                } catch (...) {
                    const std::scoped_lock lock(mutex);
                    if (!failed.exchange(true)) {
                        failure = std::current_exception();
                    }
                }
            }
        });
    };
    arena.execute(
        [&] { tbb::parallel_for(std::uint32_t{0}, lanes, lane_body, tbb::simple_partitioner{}); });
    recorders.clear();  // each removes what its unfinished replication left
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const RunStopped&) {
            throw RunStopped(run.finished);
        }
    }
}

}  // namespace

std::vector<ArmSummary> run_scenario(const Scenario& scenario, const RunSpec& spec,
                                     Recorder& recorder, const ProgressFn& progress) {
    // The task arena owns the parallelism: nothing else in a run creates threads.
    tbb::task_arena arena(static_cast<int>(std::max<std::uint32_t>(spec.threads, 1)));
    const std::vector<Regime> arms = all_arms(scenario);

    RunInfo info{.scenario = scenario,
                 .seed = spec.seed,
                 .replications = spec.replications,
                 .weeks = scenario.weeks,
                 .threads = spec.threads,
                 .scenario_yaml = scenario::to_yaml(scenario),
                 .arms = {}};
    for (const Regime& arm : arms) {
        info.arms.push_back(arm.name);
    }
    recorder.begin_run(info);

    Replications run(scenario, spec, arms);
    std::vector<std::unique_ptr<ReplicationRecorder>> lanes;
    if (spec.side_by_side != SideBySide::never && spec.threads > 1 && run.to_run.size() > 1) {
        const std::uint32_t count =
            replication_lanes(scenario, spec.side_by_side, spec.threads,
                              static_cast<std::uint32_t>(run.to_run.size()), memory_available());
        for (std::uint32_t lane = 0; lane < count && count > 1; ++lane) {
            lanes.push_back(recorder.side_by_side());
            if (!lanes.back()) {
                lanes.clear();  // this recorder takes replications one after another only
                break;
            }
        }
    }
    if (!lanes.empty()) {
        side_by_side(run, std::move(lanes), arena, progress);
    } else {
        one_after_another(run, recorder, arena, progress);
    }
    const std::vector<ArmOutcomes> runs = run.runs();
    std::vector<ArmSummary> summary = summarise_arms(runs, static_cast<std::uint32_t>(arms.size()));
    recorder.record_summary(runs, summary);
    recorder.end_run();
    return summary;
}

}  // namespace jobsim
