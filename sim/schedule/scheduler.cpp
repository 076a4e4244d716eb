#include "sim/schedule/scheduler.hpp"

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/week_plan.hpp"
#include "sim/state/invariants.hpp"

namespace jobsim {

void run_week(const WeekContext& context, World& world, std::vector<Event>& events) {
    EventSink sink;
    for (const PlannedStep& step : week_plan()) {
        step.run(context, world, sink);
    }
    sink.drain_sorted(events);
#ifdef JOBSIM_CHECKS
    check_invariants(world);
#endif
}

}  // namespace jobsim
