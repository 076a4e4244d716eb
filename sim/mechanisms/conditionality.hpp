// Conditionality and sanctions: claimants carry a search requirement; at a meeting a shortfall is
// detected with some chance, and a missed meeting may be sanctioned; sanctions escalate and stop
// benefit for their duration. Seeds C1, C2, C5, C9, S1. YAML: regime.conditionality.
// Phase: conditionality.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct ConditionalityParams {
    bool enabled = true;
    std::uint32_t required_applications_per_week = 3;
    double shortfall_detection_probability = 0.01;
    double missed_meeting_sanction_probability = 0.4;
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
            {.doc = "Applications a week a claimant must show.",
             .min = 0,
             .max = 50,
             .unit = "applications per week",
             .source = "assumption; seed C1, C5"});
    v.field("shortfall_detection_probability", p.shortfall_detection_probability,
            probability("Chance a shortfall against the requirement since the last meeting is "
                        "found and sanctioned at a meeting.",
                        "calibrated to calibration.md C5 (2-7% sanctioned a month)"));
    v.field("missed_meeting_sanction_probability", p.missed_meeting_sanction_probability,
            probability("Chance a missed meeting is sanctioned.",
                        "calibration.md C5 (about 92% of sanctions are for missed appointments)"));
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

/// Sets each claimant's search requirement, counts sanction time down, and imposes sanctions at
/// meetings held this week. Thread-safe over persons; draws Purpose::conditionality_detection.
void conditionality(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
