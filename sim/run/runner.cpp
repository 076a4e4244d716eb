#include "sim/run/runner.hpp"

#include <tbb/task_arena.h>

#include "sim/observe/area_series.hpp"
#include "sim/observe/recorder.hpp"
#include "sim/population/generate.hpp"
#include "sim/scenario/load.hpp"
#include "sim/schedule/scheduler.hpp"

namespace jobsim {

void run_scenario(const Scenario& scenario, const RunSpec& spec, Recorder& recorder,
                  const ProgressFn& progress) {
    // The task arena owns the parallelism: nothing else in a run creates threads.
    tbb::task_arena arena(static_cast<int>(std::max<std::uint32_t>(spec.threads, 1)));
    const std::vector<Regime> arms{scenario.regime};
    const std::uint32_t weeks_total = scenario.burn_in_weeks + scenario.weeks;

    RunInfo info{.scenario = scenario,
                 .seed = spec.seed,
                 .replications = spec.replications,
                 .weeks = scenario.weeks,
                 .threads = spec.threads,
                 .scenario_yaml = scenario::to_yaml(scenario)};
    recorder.begin_run(info);

    std::vector<Event> events;
    for (std::uint32_t r = 0; r < spec.replications; ++r) {
        const auto key = rng::ReplicationKey::make(spec.seed, r);
        World world;
        arena.execute([&] { world = generate_world(scenario, key); });
        for (Week week = 0; week < weeks_total; ++week) {
            if (week == scenario.burn_in_weeks) {
                recorder.begin_replication(r, world);
            }
            const WeekContext context{scenario, arms, key, week};
            events.clear();
            arena.execute([&] { run_week(context, world, events); });
            if (week >= scenario.burn_in_weeks) {
                const Week recorded = week - scenario.burn_in_weeks;
                for (Event& event : events) {
                    event.week = recorded;
                }
                const auto areas = area_series(recorded, world, events);
                recorder.record_week(recorded, world, events, areas);
            }
            if (progress) {
                progress({.replication = r,
                          .replications = spec.replications,
                          .week = week + 1,
                          .weeks_total = weeks_total});
            }
        }
        recorder.end_replication(r, world);
    }
    recorder.end_run();
}

}  // namespace jobsim
