// Peer groups among people out of work (Making it Work; jobseekers helping each other): each week
// service users out of work attend with some chance; attendees of the same area and arm meet and
// form bonding ties with each other, feel less lonely, gain confidence and wellbeing from peers
// who understand (empathy). Peers are mostly out of work, so the job information they bring is
// weak (job_leads only carries leads from employed contacts), until they find work themselves.
// Off in the baseline: the Jobcentre is socially barren (E17). Costs a group place per attendance.
// Seeds E7, E8, K3, K7. YAML: regime.peer_groups. Phase: social_capital.
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct PeerGroupsParams {
    bool enabled = false;
    double attendance_probability = 0.25;
    double ties_per_session = 0.5;
    double loneliness_relief = 0.02;
    double confidence_boost = 0.01;
    double wellbeing_boost = 0.02;
    double cost_per_session_gbp = 15.0;
};

template <class Visitor>
void describe(Visitor& v, PeerGroupsParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Service users out of work are offered peer groups (off: none; the baseline "
                    "service forms no ties, seed E17)."});
    v.field("attendance_probability", p.attendance_probability,
            probability("Weekly chance that a service user out of work attends a group session.",
                        "assumption; seed E8 (recurring group sessions)"));
    v.field("ties_per_session", p.ties_per_session,
            {.doc = "New ties an attendee proposes with others at a session (mean).",
             .min = 0.0,
             .max = 8.0,
             .unit = "ties",
             .source = "assumption; seed E7, E8 (membership adds bonding ties)"});
    v.field("loneliness_relief", p.loneliness_relief,
            probability("Taken off loneliness (0-1) at each session attended.",
                        "assumption; seed K3 (peer groups reduce loneliness; direction)"));
    v.field("confidence_boost", p.confidence_boost,
            probability("Added to confidence (0-1) at each session attended.",
                        "assumption; seed E7 (direction)"));
    v.field("wellbeing_boost", p.wellbeing_boost,
            {.doc = "Added to wellbeing (0-10) at each session attended.",
             .min = 0.0,
             .max = 10.0,
             .unit = "0-10 scale",
             .source = "assumption; seed K7 (empathy from peers; direction)"});
    v.field("cost_per_session_gbp", p.cost_per_session_gbp,
            non_negative("Public cost of one place at one session (facilitator, room).", "GBP",
                         "assumption; seed E9, L7 (group work is cheaper than one-to-one)"));
}

/// Holds this week's peer-group sessions. Draws Purpose::peer_groups and peer_group_ties.
void peer_groups(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
