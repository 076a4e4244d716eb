// Conditionality and sanctions: claimants carry a search requirement (optionally cut for each
// barrier, or lifted for people with a health condition); daily signing can be required; a missed
// meeting or signing, or a shortfall detected at a meeting, is a failure; a compliant claimant is
// sometimes recorded as failing all the same (wrongful sanctions); a sanction may need several
// failures first (last resort); sanctions escalate and stop benefit for their duration.
// Seeds C1, C2, C4, C5, C7, C9, R8, S1. YAML: regime.conditionality.  Phase: conditionality.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct ConditionalityParams {
    bool enabled = true;
    std::uint32_t required_applications_per_week = 3;
    double requirement_cut_per_barrier = 0.0;
    bool exempt_health_barrier = false;
    std::uint32_t signings_per_week = 0;
    double missed_signing_probability = 0.02;
    double shortfall_detection_probability = 0.01;
    double missed_meeting_sanction_probability = 0.4;
    double wrongful_sanction_probability = 0.002;
    std::uint32_t failures_before_sanction = 1;
    std::uint32_t first_sanction_weeks = 4;
    std::uint32_t second_sanction_weeks = 13;
    std::uint32_t later_sanction_weeks = 26;
};

template <class Visitor>
void describe(Visitor& v, ConditionalityParams& p) {
    using scenario::probability;
    const scenario::Spec weeks{.doc = "", .min = 0, .max = 156, .unit = "weeks"};
    v.field("enabled", p.enabled,
            {.doc = "Claimants have a search requirement and can be sanctioned (off: no "
                    "conditionality, no sanctions)."});
    v.field("required_applications_per_week", p.required_applications_per_week,
            {.doc = "Applications a week a claimant must show (requirement levels: none 0, light "
                    "1, standard 3, strict 5 or more).",
             .min = 0,
             .max = 50,
             .unit = "applications per week",
             .source = "assumption; seed C1, C5"});
    v.field("requirement_cut_per_barrier", p.requirement_cut_per_barrier,
            probability("Share of the requirement lifted per barrier (requirement x (1 - c)^"
                        "barriers); 0 = the commitment ignores capacity, so people with barriers "
                        "fail it more often.",
                        "seed C4 (67% felt forced to sign; signing what one cannot do)"));
    v.field("exempt_health_barrier", p.exempt_health_barrier,
            {.doc = "People with a health condition or disability have no requirement and are "
                    "never sanctioned (ESA Support Group style).",
             .source = "assumption; seed C7 (today most people with a condition are under "
                       "conditionality, seed S4)"});
    v.field("signings_per_week", p.signings_per_week,
            {.doc = "Signings a week a claimant must attend besides coach meetings (5 = daily "
                    "signing); each missed signing is a failure.",
             .min = 0,
             .max = 7,
             .unit = "signings per week",
             .source = "assumption (none); seed R8 ('some people have to sign on every single "
                       "day')"});
    v.field("missed_signing_probability", p.missed_signing_probability,
            probability("Chance a claimant misses one signing.", "assumption"));
    v.field("shortfall_detection_probability", p.shortfall_detection_probability,
            probability("Chance a shortfall against the requirement since the last meeting is "
                        "found and sanctioned at a meeting.",
                        "calibrated to calibration.md C5 (2-7% sanctioned a month)"));
    v.field("missed_meeting_sanction_probability", p.missed_meeting_sanction_probability,
            probability("Chance a missed meeting (or signing) is sanctioned.",
                        "calibration.md C5 (about 92% of sanctions are for missed appointments)"));
    v.field("wrongful_sanction_probability", p.wrongful_sanction_probability,
            probability("Chance a compliant claimant's meeting records a failure all the same "
                        "(a sanction with no failure).",
                        "assumption; seed C2 ('even if you give a valid excuse')"));
    v.field("failures_before_sanction", p.failures_before_sanction,
            {.doc = "Failures needed before any sanction (1 = every failure may be sanctioned; "
                    "higher = sanction as a last resort after repeated failures).",
             .min = 1,
             .max = 255,
             .unit = "failures",
             .source = "assumption (today: 1); seed C9 (sanction as rare last resort)"});
    auto with_doc = [&weeks](std::string_view doc, std::string_view source) {
        scenario::Spec spec = weeks;
        spec.doc = doc;
        spec.source = source;
        return spec;
    };
    v.field("first_sanction_weeks", p.first_sanction_weeks,
            with_doc("Weeks without benefit for a first sanction.", "UC medium level, 28 days"));
    v.field("second_sanction_weeks", p.second_sanction_weeks,
            with_doc("Weeks without benefit for a second sanction.", "JSA intermediate, 13 weeks"));
    v.field("later_sanction_weeks", p.later_sanction_weeks,
            with_doc("Weeks without benefit for a third or later sanction (up to 156: seed S1, "
                     "'no benefits for three years').",
                     "assumption between UC high level 91 and 182 days"));
}

/// Applications a week required of a claimant with these barriers (0 = none: exempt).
[[nodiscard]] std::uint32_t search_requirement_for(const ConditionalityParams& params,
                                                   std::uint8_t barriers);

/// Sets each claimant's search requirement, counts sanction time down, and imposes sanctions for
/// failures this week. Thread-safe over persons; draws Purpose::conditionality_detection,
/// signing_attendance and wrongful_sanction.
void conditionality(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
