// Seeing the same coach. At each due meeting a claimant sees their coach again with a set chance;
// otherwise another coach of the area stands in for that meeting or takes them on for good. Coaches
// leave the service (their replacement takes the caseload). A new coach means most of the alliance
// is lost and the claimant's disclosures with it (re-telling one's story). A new claimant may meet
// several coaches and pick the best fit; fit sets the starting alliance. Seeds B5, B11, B12, R5,
// R6, R12. YAML: regime.coach_continuity. Phase: service_contact (before coach_meeting).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct CoachContinuityParams {
    bool enabled = true;
    double same_coach_probability = 0.55;
    double stand_in_share = 0.7;
    double alliance_kept_on_switch = 0.3;
    double coach_leaving_probability = 0.004;
    double fit_alliance = 0.3;
    bool choose_coach = false;
    std::uint32_t coaches_to_meet = 3;
};

template <class Visitor>
void describe(Visitor& v, CoachContinuityParams& p) {
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Coaches change, leave and may be chosen (off: a claimant keeps the coach "
                    "the claim gave them)."});
    v.field(
        "same_coach_probability", p.same_coach_probability,
        probability("Chance of seeing one's own coach at a due meeting; otherwise another coach "
                    "of the area, once (a stand-in) or for good (see stand_in_share).",
                    "calibrated to calibration.md R5 (65% 'always' or 'usually' saw the "
                    "same coach; a per-meeting 65% gives 83% seeing their own coach at half "
                    "their meetings or more)"));
    v.field("stand_in_share", p.stand_in_share,
            probability("Share of meetings with another coach that are one-off stand-ins (no "
                        "alliance built, nothing told); the rest move the claimant to that coach.",
                        "calibrated to seed R6 (three or four coaches in a year) with R5"));
    v.field("alliance_kept_on_switch", p.alliance_kept_on_switch,
            probability("Share of the working alliance kept with a new coach (known barriers are "
                        "all lost).",
                        "assumption; seed B5 (re-telling one's story)"));
    v.field("coach_leaving_probability", p.coach_leaving_probability,
            probability("Weekly chance that a coach leaves the service; a replacement takes over "
                        "the whole caseload as a new coach.",
                        "assumption (about 19% a year); seed B11, R6"));
    v.field("fit_alliance", p.fit_alliance,
            probability("Starting alliance with a new claim's coach = this x fit, fit uniform "
                        "0-1 for each coach met.",
                        "assumption; seed B12"));
    v.field("choose_coach", p.choose_coach,
            {.doc = "A new claimant meets several coaches of the area and picks the best fit.",
             .source = "seed B12, R12"});
    v.field("coaches_to_meet", p.coaches_to_meet,
            {.doc = "Coaches a new claimant meets when choosing (at most the area's coaches).",
             .min = 1,
             .max = 20,
             .unit = "coaches",
             .source = "seed R12 ('meet three advisers for 5 minutes each')"});
}

/// Handles new claims (coach choice, starting alliance), coach departures and switches at due
/// meetings. Draws Purpose::coach_turnover (coach streams, serially), coach_choice and
/// coach_continuity (person streams); thread-safe over persons.
void coach_continuity(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
