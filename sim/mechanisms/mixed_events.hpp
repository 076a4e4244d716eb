// Mixed events and Work Hubs: events open to people in and out of work (current and former users,
// employer talks, sector sessions with time to chat, a community hub used out of hours). Service
// users out of work attend with one chance, people in work with another (universal eligibility
// widens the mix, E10); attendees of the same area and arm mix at random, so users gain bridging
// ties to employed people, whose job_leads then reach them. The share of employed attendees sets
// an event's value. Off in the baseline (E17). Costs a hub place per attendance.
// Seeds E10, E11, E13. YAML: regime.mixed_events. Phase: social_capital.
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct MixedEventsParams {
    bool enabled = false;
    double user_attendance_probability = 0.1;
    double employed_attendance_probability = 0.003;
    double ties_per_attendance = 1.0;
    double loneliness_relief = 0.01;
    double confidence_boost = 0.01;
    double cost_per_attendance_gbp = 20.0;
};

template <class Visitor>
void describe(Visitor& v, MixedEventsParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "The service runs events and hubs open to people in and out of work (off: "
                    "none)."});
    v.field("user_attendance_probability", p.user_attendance_probability,
            probability("Weekly chance that a service user out of work attends.",
                        "assumption; seed E11, E13 (direction)"));
    v.field("employed_attendance_probability", p.employed_attendance_probability,
            probability("Weekly chance that a person in work attends (former users coming back, "
                        "employer guests, people in work using a universal service).",
                        "assumption; seed E10, E13 (people come back after getting a job)"));
    v.field("ties_per_attendance", p.ties_per_attendance,
            {.doc = "New ties an attendee proposes with other attendees (mean).",
             .min = 0.0,
             .max = 8.0,
             .unit = "ties",
             .source = "assumption; seed E11 (time to chat)"});
    v.field("loneliness_relief", p.loneliness_relief,
            probability("Taken off loneliness (0-1) at each attendance.", "assumption"));
    v.field("confidence_boost", p.confidence_boost,
            probability("Added to confidence (0-1) at each attendance.",
                        "assumption; seed K6 (Backr improved soft skills; direction)"));
    v.field("cost_per_attendance_gbp", p.cost_per_attendance_gbp,
            non_negative("Public cost of one attendance (venue, organiser).", "GBP",
                         "assumption; seed L7"));
}

/// Holds this week's mixed events. Draws Purpose::mixed_events and mixed_event_ties.
void mixed_events(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
