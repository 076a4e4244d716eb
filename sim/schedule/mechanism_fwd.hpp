// Forward declarations for mechanism headers, which declare their entry point
//     void name(const WeekContext&, World&, EventSink&);
// without pulling in the scenario (whose aggregate includes every mechanism's parameters).
#pragma once

namespace jobsim {
struct WeekContext;
struct World;
class EventSink;
}  // namespace jobsim
