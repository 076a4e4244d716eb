#include "sim/schedule/scheduler.hpp"

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_plan.hpp"
#include "sim/state/invariants.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

std::vector<rng::EntityWeekKey> person_week_keys(rng::ReplicationKey key, Week week,
                                                 std::uint32_t persons) {
    std::vector<rng::EntityWeekKey> keys(persons);
    parallel_for_each(persons, [&](std::uint32_t i) {
        keys[i] = rng::EntityWeekKey::make(key, rng::EntityKind::person, i, week);
    });
    return keys;
}

void run_week(const WeekContext& context, World& world, std::vector<Event>& events) {
    // Hashed once here, not once per mechanism: every person stream of the week starts from it.
    const std::vector<rng::EntityWeekKey> keys =
        person_week_keys(context.key, context.week, world.persons.size());
    WeekContext keyed = context;
    keyed.person_keys = keys;
    EventSink sink;
    for (const PlannedStep& step : week_plan()) {
        step.run(keyed, world, sink);
    }
    sink.drain_sorted(events);
#ifdef JOBSIM_CHECKS
    check_invariants(world);
#endif
}

}  // namespace jobsim
