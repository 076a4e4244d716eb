// Underemployment: part-time workers come to want more hours and stop wanting them; some get more
// hours from their employer each week. Where the service is open to non-claimants, those who know
// it may join (awareness, trust and hand-off as in service_access) and a coach helps them raise
// their hours, with in-work contacts costed as public_cost; they leave the service once their
// hours rise or they no longer want more. Seeds H5, P2, G1. YAML: labour_market.underemployment.
// Phase: in_work.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct UnderemploymentParams {
    bool enabled = true;
    std::uint32_t full_time_hours = 37;
    double weekly_start_wanting_more_hours = 0.018;
    double weekly_stop_wanting_more_hours = 0.02;
    double weekly_hours_rise = 0.01;
    double weekly_hours_rise_with_coach = 0.04;
    std::uint32_t hours_step = 8;
};

template <class Visitor>
void describe(Visitor& v, UnderemploymentParams& p) {
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Part-time workers may want and get more hours (off: hours stay as hired)."});
    v.field("full_time_hours", p.full_time_hours,
            {.doc = "Weekly hours from which nobody wants more.",
             .min = 1,
             .max = 100,
             .unit = "hours per week"});
    v.field("weekly_start_wanting_more_hours", p.weekly_start_wanting_more_hours,
            probability("Weekly chance a part-time worker comes to want more hours.",
                        "calibrated to seed P2 (3 million of about 32 million in work)"));
    v.field("weekly_stop_wanting_more_hours", p.weekly_stop_wanting_more_hours,
            probability("Weekly chance someone who wants more hours stops wanting them."));
    v.field("weekly_hours_rise", p.weekly_hours_rise,
            probability("Weekly chance someone who wants more hours gets them without help."));
    v.field("weekly_hours_rise_with_coach", p.weekly_hours_rise_with_coach,
            probability("The same chance for someone a coach is helping.",
                        "assumption; seed 004 L3579-3583 (H5: the service helps raise hours)"));
    v.field("hours_step", p.hours_step,
            {.doc = "Hours added when hours rise (up to full time).",
             .min = 1,
             .max = 100,
             .unit = "hours per week"});
}

/// Moves wanting and getting more hours, and the service's help. Thread-safe over persons; draws
/// Purpose::underemployment and Purpose::service_coach_assignment.
void underemployment(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
