// What an event costs the public purse apart from benefit (seed L7): the coach's time at a
// meeting, including the non-meeting time that comes with it, and money spent on a person. Shared
// by the arm summary and the trial's per-person outcomes, so both count cost the same way.
#pragma once

#include "sim/observe/event.hpp"
#include "sim/scenario/scenario.hpp"

namespace jobsim {

/// GBP of service spending an event records; 0 for events that cost nothing.
[[nodiscard]] inline double service_cost_gbp(const Event& event, const Scenario& scenario) {
    switch (event.kind) {
        case EventKind::meeting:
        case EventKind::group_consultation: {  // the coach's time per attendee (E9)
            // A minute of meeting carries the coach's non-meeting time with it (administration).
            const double cost_per_meeting_minute = scenario.accounting.coach_cost_per_hour_gbp /
                                                   60.0 /
                                                   scenario.service.share_of_hours_for_meetings;
            return event.value * cost_per_meeting_minute;
        }
        case EventKind::public_cost:
            return event.value;
        default:
            return 0.0;
    }
}

}  // namespace jobsim
