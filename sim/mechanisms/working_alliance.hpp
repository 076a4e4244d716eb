// The working alliance with the coach and trust in the service. Each attended meeting builds the
// alliance with time together (saturating in minutes), scaled by the meeting's content (compliance
// checking vs personal support), channel, venue, pace, trust and known barriers; mandated
// attendance caps it. Trust is pulled each week towards a level set by who holds sanction power
// and whether attendance is voluntary, and drops after each sanction. The alliance lifts search
// effort (JobSearchParams::effort_per_alliance). Seeds B1, B2, B4, B6, B7, B8, B14, B15, B16, C8,
// R1, R2. YAML: regime.working_alliance. Phase: service_contact.
#pragma once

#include <array>
#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

/// How meetings are held (seed B7).
enum class MeetingChannel : std::uint8_t { in_person = 0, phone = 1, video = 2 };

/// Where in-person meetings are held (seed B15).
enum class MeetingVenue : std::uint8_t { jobcentre = 0, community = 1 };

/// Who can sanction the claimant (seeds B2, B4, C8).
enum class SanctionPower : std::uint8_t { coach = 0, agency = 1, none = 2 };

inline constexpr std::array meeting_channel_choices{
    scenario::Choice<MeetingChannel>{"in_person", MeetingChannel::in_person, "face to face"},
    scenario::Choice<MeetingChannel>{"phone", MeetingChannel::phone, "by telephone"},
    scenario::Choice<MeetingChannel>{"video", MeetingChannel::video, "by video call"},
};

inline constexpr std::array meeting_venue_choices{
    scenario::Choice<MeetingVenue>{"jobcentre", MeetingVenue::jobcentre,
                                   "a Jobcentre (security guards, open-plan office)"},
    scenario::Choice<MeetingVenue>{"community", MeetingVenue::community,
                                   "a library, community centre or hub"},
};

inline constexpr std::array sanction_power_choices{
    scenario::Choice<SanctionPower>{"coach", SanctionPower::coach,
                                    "the coach refers for sanctions (dual role)"},
    scenario::Choice<SanctionPower>{
        "agency", SanctionPower::agency,
        "a separate agency sanctions on the coach's engagement reports"},
    scenario::Choice<SanctionPower>{"none", SanctionPower::none, "nobody can sanction"},
};

struct WorkingAllianceParams {
    bool enabled = true;
    // the alliance
    double gain_per_meeting = 0.25;
    double saturation_minutes = 20.0;
    double compliance_share = 0.7;
    double compliance_time_value = 0.2;
    MeetingChannel channel = MeetingChannel::in_person;
    double phone_growth = 0.6;
    double video_growth = 0.8;
    MeetingVenue venue = MeetingVenue::jobcentre;
    double community_venue_growth = 1.2;
    double pace = 0.7;
    double best_pace = 0.5;
    double pace_curvature = 1.0;
    double trust_floor = 0.4;
    double known_barrier_growth = 0.3;
    bool mandated = true;
    double mandated_alliance_cap = 0.7;
    double weekly_decay_without_meeting = 0.02;
    // trust
    SanctionPower sanction_power = SanctionPower::coach;
    double trust_baseline = 0.6;
    double coach_sanction_trust_penalty = 0.25;
    double agency_sanction_trust_penalty = 0.1;
    double voluntary_trust_bonus = 0.1;
    double trust_adjustment_rate = 0.02;
    double trust_loss_per_sanction = 0.3;
    double trust_gain_per_alliance_gain = 0.2;
};

template <class Visitor>
void describe(Visitor& v, WorkingAllianceParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "The alliance with the coach and trust in the service change (off: neither "
                    "moves)."});
    v.field("gain_per_meeting", p.gain_per_meeting,
            probability("Largest share of the remaining room (cap - alliance) a single long, "
                        "supportive meeting closes.",
                        "assumption; seed B1 (time together builds the alliance)"));
    v.field("saturation_minutes", p.saturation_minutes,
            {.doc = "Effective minutes at which a meeting gives 63% of its largest gain "
                    "(gain x (1 - exp(-minutes / saturation))).",
             .min = 0.1,
             .unit = "minutes",
             .source = "assumption; seed B6, R3 (more time per person, better outcomes)"});
    v.field("compliance_share", p.compliance_share,
            probability("Share of meeting time spent checking job search rather than on personal "
                        "support, plans and information.",
                        "assumption; seed B8, S5 (support 'lost in compliance monitoring')"));
    v.field("compliance_time_value", p.compliance_time_value,
            probability("A compliance-checking minute counts as this share of a support minute "
                        "for the alliance.",
                        "assumption; seed B8 ('following a script')"));
    v.choice("channel", p.channel, meeting_channel_choices,
             {.doc = "How meetings are held.", .source = "seed B7, R7"});
    v.field("phone_growth", p.phone_growth,
            probability("Alliance growth of a phone meeting relative to one in person.",
                        "assumption; seed B7"));
    v.field("video_growth", p.video_growth,
            probability("Alliance growth of a video meeting relative to one in person.",
                        "assumption; seed B7"));
    v.choice("venue", p.venue, meeting_venue_choices,
             {.doc = "Where in-person meetings are held.", .source = "seed B15"});
    v.field("community_venue_growth", p.community_venue_growth,
            non_negative("Alliance growth of an in-person meeting at a community venue relative to "
                         "one at a Jobcentre.",
                         "ratio", "assumption; seed B15, P13 (people 'able to trust them')"));
    v.field("pace", p.pace,
            probability("How hard the coach pushes for progress (0 = not at all, 1 = as hard as "
                        "possible).",
                        "assumption; seed B14"));
    v.field("best_pace", p.best_pace,
            probability("The pace at which meetings build the alliance best (inverted U).",
                        "assumption; seed B14 ('not pushing them too fast')"));
    v.field("pace_curvature", p.pace_curvature,
            non_negative("Growth is scaled by max(0, 1 - curvature x (pace - best_pace)^2).",
                         "per pace unit squared", "assumption; seed B14"));
    v.field("trust_floor", p.trust_floor,
            probability("Growth is scaled by floor + (1 - floor) x trust: a claimant with no "
                        "trust still gains this share.",
                        "assumption; seed B1 (alliance built from trust)"));
    v.field("known_barrier_growth", p.known_barrier_growth,
            non_negative("Extra growth when the coach knows all of the claimant's barriers (in "
                         "proportion to the share known): work on shared goals.",
                         "share", "assumption; seed B1, B3"));
    v.field("mandated", p.mandated,
            {.doc = "Attendance is mandatory (off: voluntary, which lifts trust).",
             .source = "seed B16"});
    v.field("mandated_alliance_cap", p.mandated_alliance_cap,
            probability("Highest alliance reachable when attendance is mandatory (1 when "
                        "voluntary).",
                        "assumption; seed B16 (mandated attendance caps the alliance)"));
    v.field("weekly_decay_without_meeting", p.weekly_decay_without_meeting,
            probability("Share of the alliance lost in a week without an attended meeting.",
                        "assumption"));
    v.choice("sanction_power", p.sanction_power, sanction_power_choices,
             {.doc = "Who holds sanction power over the claimant.", .source = "seed B4, C8"});
    v.field("trust_baseline", p.trust_baseline,
            probability("Level trust in the service drifts to when nobody can sanction and "
                        "attendance is mandatory.",
                        "assumption; seed R4 (63% positive about their coach)"));
    v.field("coach_sanction_trust_penalty", p.coach_sanction_trust_penalty,
            probability("How far the coach's sanction power lowers the level trust drifts to.",
                        "assumption; seed B2 (dual role undermines trust)"));
    v.field("agency_sanction_trust_penalty", p.agency_sanction_trust_penalty,
            probability("How far a separate agency's sanction power lowers the level trust drifts "
                        "to (smaller than the coach's, not zero).",
                        "assumption; seed C8"));
    v.field("voluntary_trust_bonus", p.voluntary_trust_bonus,
            probability("How far voluntary attendance raises the level trust drifts to.",
                        "assumption; seed B2, P13"));
    v.field(
        "trust_adjustment_rate", p.trust_adjustment_rate,
        probability("Share of the gap to that level closed each week while attached to a coach.",
                    "assumption"));
    v.field("trust_loss_per_sanction", p.trust_loss_per_sanction,
            probability("Share of trust lost with each sanction.", "assumption; seed B2, C2"));
    v.field("trust_gain_per_alliance_gain", p.trust_gain_per_alliance_gain,
            non_negative("Trust rises by this much per unit of alliance gained at a meeting.",
                         "trust per alliance", "assumption; seed B1"));
}

/// The level trust drifts to under a regime's sanction power and attendance rule.
[[nodiscard]] double trust_target(const WorkingAllianceParams& params);

/// Alliance gained at one attended meeting of `minutes`, before the cap is applied: the share of
/// the room to the cap that the meeting closes (0..1).
[[nodiscard]] double meeting_alliance_share(const WorkingAllianceParams& params, double minutes,
                                            double trust, double share_of_barriers_known);

/// The highest alliance a regime allows.
[[nodiscard]] double alliance_cap(const WorkingAllianceParams& params);

/// Updates trust (weekly drift, sanctions) and the alliance (attended meetings, decay; none
/// without a coach). Thread-safe over persons; draws nothing.
void working_alliance(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
