// Group consultations (seed 000 L13): a share of due coach meetings is held as a group session in
// which one coach serves several service users. coach_meeting asks group_consultation_minutes()
// which due meetings are groups and how much coach time each takes (the session's minutes split
// over the group), so the time saved goes to the one-to-one meetings that remain. This mechanism
// then forms the groups of each coach's attendees: attendees share skills and experience (ties
// among them, confidence), an employer or charity guest may bring bridging ties to someone in work
// (who may later pass on job leads through job_leads), and the coach's little personal time per
// attendee builds less alliance than a one-to-one meeting. Room and guest costs are public costs.
// Seed E9. YAML: regime.group_consultations. Phase: service_contact (after working_alliance).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim {
struct Persons;
}

namespace jobsim::mechanisms {

struct GroupConsultationsParams {
    bool enabled = false;
    double share_of_meetings = 0.3;
    std::uint32_t group_size = 10;
    double session_minutes = 60.0;
    double ties_per_session = 0.6;
    double confidence_boost = 0.015;
    double guest_probability = 0.5;
    double guest_tie_probability = 0.25;
    double room_cost_per_session_gbp = 10.0;
    double guest_cost_per_session_gbp = 20.0;
};

template <class Visitor>
void describe(Visitor& v, GroupConsultationsParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Some due coach meetings are held as group consultations (off: all one to "
                    "one)."});
    v.field("share_of_meetings", p.share_of_meetings,
            probability("Chance that a due coach meeting is held as a group consultation.",
                        "assumption; seed 000 L13 (E9: group consultations; direction)"));
    v.field("group_size", p.group_size,
            {.doc = "Service users one coach serves at a group consultation (attendees of one "
                    "coach are grouped in person order).",
             .min = 2,
             .max = 30,
             .unit = "persons",
             .source = "assumption; seed 000 L13 (healthcare group consultations, 6-12 people)"});
    v.field("session_minutes", p.session_minutes,
            {.doc = "Coach time of one group session; each invited user takes this divided by "
                    "group_size from the coach's meeting hours (and is costed at that).",
             .min = 1.0,
             .max = 240.0,
             .unit = "minutes",
             .source = "assumption; seed 000 L13 (saves money: below group_size one-to-ones)"});
    v.field("ties_per_session", p.ties_per_session,
            {.doc = "New ties an attendee proposes with others in the group (mean).",
             .min = 0.0,
             .max = 8.0,
             .unit = "ties",
             .source = "assumption; seed 000 L13 (skills and experience shared; direction)"});
    v.field("confidence_boost", p.confidence_boost,
            probability("Added to confidence (0-1) at each group consultation attended.",
                        "assumption; seed 000 L13 (peer support; direction)"));
    v.field("guest_probability", p.guest_probability,
            probability("Chance that an employer or charity guest joins a group session; the "
                        "guest is someone in work in the coach's area.",
                        "assumption; seed 000 L13 (bringing in employers and charities)"));
    v.field("guest_tie_probability", p.guest_tie_probability,
            probability("Chance that an attendee forms a bridging tie with the session's guest.",
                        "assumption; seed 000 L13, E4 (bridging ties to people in work)"));
    v.field("room_cost_per_session_gbp", p.room_cost_per_session_gbp,
            non_negative("Public cost of the room for one session, shared over its attendees.",
                         "GBP", "assumption; seed L7 (direction: small beside coach time)"));
    v.field("guest_cost_per_session_gbp", p.guest_cost_per_session_gbp,
            non_negative("Public cost of a guest (expenses, organisation) for one session, "
                         "shared over its attendees.",
                         "GBP", "assumption; seed L7"));
}

/// Hook for coach_meeting: the coach minutes person i's due meeting takes when it is held as a
/// group consultation this week (session_minutes / group_size), or 0 when it is one to one. Call
/// only for a due meeting; the same person and week always give the same answer. Draws
/// Purpose::group_consultation_invite.
[[nodiscard]] double group_consultation_minutes(const WeekContext& context, const Persons& p,
                                                std::uint32_t i);

/// Forms this week's groups from the attendees coach_meeting marked (MeetingOutcome::group), adds
/// ties among them and to guests, confidence and alliance, and emits room and guest costs. Draws
/// Purpose::group_consultation_ties, group_consultation_guest, group_consultation_guest_tie.
void group_consultations(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
