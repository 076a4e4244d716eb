#include "sim/schedule/scheduler.hpp"

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/week_plan.hpp"

namespace jobsim {

void run_week(const WeekContext& context, World& world, std::vector<Event>& events) {
    EventSink sink;
    for (const PlannedStep& step : week_plan()) {
        step.run(context, world, sink);
    }
    sink.drain_sorted(events);
}

}  // namespace jobsim
