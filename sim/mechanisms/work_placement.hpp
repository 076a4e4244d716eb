// Paid work placements: at an attended meeting a claimant out of work for a while may be offered a
// placement with an employer, its wage paid by the regime (a public cost). The placement takes
// search time, adds experience (skill) when it ends, and may then convert into a job at an
// employer in the home area with an open vacancy (hire channel "placement"). Conversions that
// want the same vacancy are resolved serially in person order. Seeds F7, D3.
// YAML: regime.work_placement. Phase: search_and_matching (after employer_choice).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct WorkPlacementParams {
    bool enabled = false;
    double offer_probability = 0.1;
    std::uint32_t min_spell_weeks = 26;
    std::uint32_t weeks = 8;
    double weekly_wage_gbp = 290.0;
    double search_time_loss = 0.5;
    double skill_gain = 0.03;
    double conversion_probability = 0.3;
};

template <class Visitor>
void describe(Visitor& v, WorkPlacementParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Claimants may be offered paid work placements (off: none)."});
    v.field("offer_probability", p.offer_probability,
            probability("Chance an eligible claimant is offered and starts a placement at an "
                        "attended meeting."));
    v.field("min_spell_weeks", p.min_spell_weeks,
            {.doc = "Weeks out of work before a placement may be offered.",
             .min = 0,
             .max = 5200,
             .unit = "weeks"});
    v.field("weeks", p.weeks,
            {.doc = "Length of a placement.",
             .min = 1,
             .max = 255,
             .unit = "weeks",
             .source = "assumption; seed F7 (paid work experience)"});
    v.field("weekly_wage_gbp", p.weekly_wage_gbp,
            non_negative("Wage paid to the placement for a week (public cost).", "GBP per week",
                         "assumption (25 hours at the National Living Wage 2024, GBP 11.44)"));
    v.field("search_time_loss", p.search_time_loss,
            probability("Share of search effort lost while on a placement."));
    v.field("skill_gain", p.skill_gain,
            probability("Skill (0-1) gained from the experience when the placement ends.",
                        "assumption; seed F7 (raises experience)"));
    v.field("conversion_probability", p.conversion_probability,
            probability("Chance a placement converts into a job when it ends (if an employer in "
                        "the home area has a vacancy open).",
                        "assumption; seed F7 (may convert to a job)"));
}

/// Starts placements at meetings, ends them (on a job, on leaving, or when they run out) and
/// converts some into jobs. Parallel over persons, then serial conversion; draws
/// Purpose::placement_offer and Purpose::placement_conversion.
void work_placement(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
