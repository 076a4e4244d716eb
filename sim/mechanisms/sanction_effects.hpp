// What a sanction does to the person after it is imposed (the ex-post effects; the ex-ante threat
// is job_search's sanction_threat_effort): trust in the service, wellbeing and confidence fall
// (more for people with a health condition); for some weeks after, claimants are more likely to
// stop claiming without work; a job taken while sanctioned is a worse match, so it ends sooner
// (job_separation's poor-match multiplier). Seeds C3, C6, K6, I5, S2, S3, S4.
// YAML: labour_market.sanction_effects.  Phase: search_and_matching (after employer_choice).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct SanctionEffectsParams {
    bool enabled = true;
    double extra_exit_probability = 0.04;
    std::uint32_t effect_weeks = 13;
    double match_quality_cut = 0.2;
    double trust_loss = 0.15;
    double wellbeing_loss = 0.5;
    double confidence_loss = 0.05;
    double health_barrier_harm_multiplier = 2.0;
};

template <class Visitor>
void describe(Visitor& v, SanctionEffectsParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Sanctions affect exits, job quality, trust and wellbeing (off: a sanction "
                    "only stops benefit)."});
    v.field("extra_exit_probability", p.extra_exit_probability,
            probability("Extra weekly chance of stopping claiming without work in the week of a "
                        "sanction, fading linearly to zero over effect_weeks.",
                        "calibrated to calibration.md C6 (exit hazard x1.25-2.0 after a "
                        "sanction; sanctioned claimants are otherwise slower leavers)"));
    v.field("effect_weeks", p.effect_weeks,
            {.doc = "Weeks over which the extra exit chance fades out.",
             .min = 1,
             .max = 104,
             .unit = "weeks",
             .source = "calibration.md C6 (fading after about 3 months)"});
    v.field("match_quality_cut", p.match_quality_cut,
            probability("Share by which the match quality of a job taken while sanctioned is "
                        "cut (any job is taken, so spells are shorter).",
                        "assumption; seed C3, S2 (sanctions shorten job spells, lower earnings)"));
    v.field("trust_loss", p.trust_loss,
            probability("Fall in trust in the service (0-1) on a sanction.",
                        "assumption; seed C2, C13"));
    v.field("wellbeing_loss", p.wellbeing_loss,
            {.doc = "Fall in life satisfaction (0-10) on a sanction.",
             .min = 0.0,
             .max = 10.0,
             .unit = "0-10 scale",
             .source = "assumption; seed S3, S4 (ill health, worse wellbeing)"});
    v.field("confidence_loss", p.confidence_loss,
            probability("Fall in confidence (0-1) on a sanction.",
                        "assumption; seed K6, S4 (sanctions reduce confidence)"));
    v.field("health_barrier_harm_multiplier", p.health_barrier_harm_multiplier,
            non_negative("Wellbeing and confidence losses are multiplied by this for people with "
                         "a health condition or disability.",
                         "ratio", "assumption; seed I5, S4"));
}

/// Applies the effects of sanctions this week and in the weeks after. Thread-safe over persons;
/// draws Purpose::sanction_exit.
void sanction_effects(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
