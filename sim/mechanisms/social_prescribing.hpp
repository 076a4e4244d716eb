// Social prescribing (seed 004 L259-260, L3190-3208; a link worker signposts people to community
// groups and volunteering): each week a lonely service user (loneliness at or above a threshold)
// takes part in a community activity with some chance, alongside members of the community of any
// status; participants of the same area and arm meet and form ties, feel less lonely and gain
// confidence and wellbeing. Not a substitute for paid work: the ties carry job leads only through
// job_leads, from contacts in work. Off in the baseline (E17). Costs a place per attendance.
// Seeds E15, A10, K3. YAML: regime.social_prescribing. Phase: social_capital.
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct SocialPrescribingParams {
    bool enabled = false;
    double loneliness_threshold = 0.35;
    double attendance_probability = 0.2;
    double community_attendance_probability = 0.002;
    double ties_per_attendance = 0.5;
    double loneliness_relief = 0.02;
    double confidence_boost = 0.005;
    double wellbeing_boost = 0.02;
    double cost_per_attendance_gbp = 10.0;
};

template <class Visitor>
void describe(Visitor& v, SocialPrescribingParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Lonely service users are referred to community activities (off: none)."});
    v.field("loneliness_threshold", p.loneliness_threshold,
            probability("Loneliness (0-1) from which a service user is referred.",
                        "assumption; seed E15 (link workers for people at risk of isolation)"));
    v.field("attendance_probability", p.attendance_probability,
            probability("Weekly chance that a referred service user takes part.", "assumption"));
    v.field("community_attendance_probability", p.community_attendance_probability,
            probability("Weekly chance that anyone else in the area (in work or not) takes part, "
                        "so activities mix people of any status.",
                        "assumption; seed E10, E15 (community groups are open to all)"));
    v.field("ties_per_attendance", p.ties_per_attendance,
            {.doc = "New ties a participant proposes with others at an activity (mean).",
             .min = 0.0,
             .max = 8.0,
             .unit = "ties",
             .source = "assumption; seed E15 (activities that add ties)"});
    v.field("loneliness_relief", p.loneliness_relief,
            probability("Taken off loneliness (0-1) at each activity attended.",
                        "assumption; seed K3 (direction)"));
    v.field("confidence_boost", p.confidence_boost,
            probability("Added to confidence (0-1) at each activity attended.",
                        "assumption; seed 004 L3197-3199 (direction)"));
    v.field("wellbeing_boost", p.wellbeing_boost,
            {.doc = "Added to wellbeing (0-10) at each activity attended.",
             .min = 0.0,
             .max = 10.0,
             .unit = "0-10 scale",
             .source = "assumption; seed E15 (wellbeing; direction)"});
    v.field("cost_per_attendance_gbp", p.cost_per_attendance_gbp,
            non_negative("Public cost of one attendance (link worker time, activity place).", "GBP",
                         "assumption; seed L7"));
}

/// Holds this week's community activities. Draws Purpose::social_prescribing and
/// social_prescribing_ties.
void social_prescribing(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
