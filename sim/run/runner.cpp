#include "sim/run/runner.hpp"

#include <utility>

#include <tbb/task_arena.h>

#include "sim/core/message.hpp"
#include "sim/observe/area_series.hpp"
#include "sim/observe/recorder.hpp"
#include "sim/population/generate.hpp"
#include "sim/scenario/load.hpp"
#include "sim/schedule/scheduler.hpp"
#include "sim/state/world_snapshot.hpp"

namespace jobsim {

std::vector<ArmSummary> run_scenario(const Scenario& scenario, const RunSpec& spec,
                                     Recorder& recorder, const ProgressFn& progress) {
    // The task arena owns the parallelism: nothing else in a run creates threads.
    tbb::task_arena arena(static_cast<int>(std::max<std::uint32_t>(spec.threads, 1)));
    const std::vector<Regime> arms = all_arms(scenario);
    const std::uint32_t arm_count = static_cast<std::uint32_t>(arms.size());
    const std::uint32_t weeks_total = scenario.burn_in_weeks + arm_count * scenario.weeks;

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

    std::vector<Event> events;
    std::vector<ArmOutcomes> runs;
    std::uint32_t replications_finished = 0;
    const auto stop_if_asked = [&] {
        if (spec.stop.requested()) {
            throw RunStopped(replications_finished);
        }
    };
    for (std::uint32_t r = 0; r < spec.replications; ++r) {
        if (const auto done = spec.finished.find(r); done != spec.finished.end()) {
            if (done->second.size() != arm_count) {
                throw RunError(message("finished replication ", r, " has outcomes of ",
                                       done->second.size(), " arms, not ", arm_count));
            }
            runs.insert(runs.end(), done->second.begin(), done->second.end());
            ++replications_finished;
            continue;
        }
        stop_if_asked();
        const auto key = rng::ReplicationKey::make(spec.seed, r);
        std::uint32_t weeks_done = 0;
        const auto report = [&] {
            ++weeks_done;
            if (progress) {
                progress({.replication = r,
                          .replications = spec.replications,
                          .week = weeks_done,
                          .weeks_total = weeks_total});
            }
            stop_if_asked();
        };
        // Burn-in under the baseline regime: every arm starts from this world.
        World start;
        arena.execute([&] { start = generate_world(scenario, key); });
        for (Week week = 0; week < scenario.burn_in_weeks; ++week) {
            const WeekContext context{scenario, arms, key, week};
            events.clear();
            arena.execute([&] { run_week(context, start, events); });
            report();
        }
        // Every arm starts from the world after burn-in. The first arm runs on it; with more arms
        // it is first kept as a compact snapshot, which each later arm restores (issue 5: two full
        // worlds at once cost ~170 B a person). A one-arm run copies nothing.
        WorldSnapshot snapshot;
        if (arm_count > 1) {
            arena.execute([&] { snapshot = WorldSnapshot::take(start); });
        }
        for (std::uint32_t a = 0; a < arm_count; ++a) {
            World world;
            if (a == 0) {
                // Only the first arm takes it (clang-tidy and cppcheck cannot tell from the loop).
                // cppcheck-suppress accessMoved
                world = std::move(start);  // NOLINT(bugprone-use-after-move)
            } else {
                arena.execute([&] { world = snapshot.restore(); });
                if (a + 1 == arm_count) {
                    snapshot = WorldSnapshot{};
                }
            }
            std::fill(world.persons.arm.begin(), world.persons.arm.end(),
                      static_cast<std::uint8_t>(a));
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
                report();
            }
            runs.push_back(tracker.finish(world));
            recorder.record_outcomes(r, static_cast<std::uint8_t>(a), runs.back());
            arena.execute(
                [&] { recorder.end_replication(r, static_cast<std::uint8_t>(a), world); });
        }
        ++replications_finished;
    }
    std::vector<ArmSummary> summary = summarise_arms(runs, arm_count);
    recorder.record_summary(runs, summary);
    recorder.end_run();
    return summary;
}

}  // namespace jobsim
