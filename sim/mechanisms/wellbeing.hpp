// Life satisfaction (0-10) and the baseline drift of confidence. Any paid work of at least
// `min_hours_for_work_effect` hours counts as work, however few the hours (W1). Losing a job
// drops wellbeing by more than starting one raises it (W2), and there is no adaptation while out
// of work: below its set point, wellbeing out of work does not recover; in work it drifts towards
// the in-work set point. Loneliness and debt lower both set points (the effect of work does not
// depend on pay, W3). Confidence drifts down during long spells out of work and up in work.
// Seeds K1, K2, K6, W1, W2, W3. YAML: labour_market.wellbeing. Phase: in_work.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct WellbeingParams {
    bool enabled = true;
    double set_point_in_work = 7.8;
    double set_point_out_of_work = 7.1;
    double entry_gain = 0.5;
    double loss_drop = 1.0;
    double weekly_adjustment = 0.02;
    std::uint32_t min_hours_for_work_effect = 1;
    double loneliness_weight = 1.5;
    double debt_weight = 1.0;
    double debt_scale_gbp = 1000.0;
    double confidence_weekly_gain_in_work = 0.01;
    double confidence_weekly_loss_out_of_work = 0.005;
    std::uint32_t confidence_grace_weeks = 13;
};

template <class Visitor>
void describe(Visitor& v, WellbeingParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Wellbeing and confidence move with work, loneliness and debt (off: they "
                    "stay as they are)."});
    v.field("set_point_in_work", p.set_point_in_work,
            {.doc = "Life satisfaction people in work drift towards (before loneliness and debt).",
             .min = 0.0,
             .max = 10.0,
             .unit = "0-10 scale",
             .source = "calibrated: ONS APS personal well-being, employed (about 7.5) after the "
                       "starting loneliness of people in work"});
    v.field("set_point_out_of_work", p.set_point_out_of_work,
            {.doc = "Life satisfaction out of work; wellbeing above it falls towards it, below it "
                    "does not recover.",
             .min = 0.0,
             .max = 10.0,
             .unit = "0-10 scale",
             .source = "calibrated: ONS APS personal well-being, unemployed (about 6.6) after the "
                       "starting loneliness of people out of work"});
    v.field("entry_gain", p.entry_gain,
            non_negative("Rise in life satisfaction on starting a job.", "0-10 points",
                         "assumption; seed W2 (smaller than the loss)"));
    v.field("loss_drop", p.loss_drop,
            non_negative("Fall in life satisfaction on losing a job.", "0-10 points",
                         "assumption; seed 004 L476-485 (W2: loss outweighs re-employment)"));
    v.field("weekly_adjustment", p.weekly_adjustment,
            probability("Share of the gap to the set point closed each week (in work both ways; "
                        "out of work only downwards).",
                        "assumption; seed W2 (no adaptation to being out of work)"));
    v.field("min_hours_for_work_effect", p.min_hours_for_work_effect,
            {.doc = "Weekly hours from which a job counts as work for wellbeing.",
             .min = 0,
             .max = 100,
             .unit = "hours per week",
             .source = "seed 004 L454-457 (W1: 1-8 hours are enough)"});
    v.field("loneliness_weight", p.loneliness_weight,
            non_negative("Set points fall by this many points at full loneliness.", "0-10 points",
                         "assumption; seed K3"));
    v.field("debt_weight", p.debt_weight,
            non_negative("Set points fall by this many points at debt of debt_scale_gbp or more.",
                         "0-10 points", "assumption; seed K5"));
    v.field("debt_scale_gbp", p.debt_scale_gbp,
            {.doc = "Debt at which its weight on wellbeing is full.",
             .min = 1.0,
             .unit = "GBP",
             .source = "assumption"});
    v.field("confidence_weekly_gain_in_work", p.confidence_weekly_gain_in_work,
            probability("Share of the gap to full confidence closed each week in work.",
                        "assumption; seed K6"));
    v.field("confidence_weekly_loss_out_of_work", p.confidence_weekly_loss_out_of_work,
            probability("Share of confidence lost each week of a long spell out of work.",
                        "assumption; seed K6"));
    v.field("confidence_grace_weeks", p.confidence_grace_weeks,
            {.doc = "Weeks out of work before confidence starts to fall.",
             .min = 0,
             .max = 520,
             .unit = "weeks"});
}

/// Wellbeing after one week (exposed for tests): `entered` / `lost` a job this week.
[[nodiscard]] double next_wellbeing(const WellbeingParams& params, double wellbeing, bool working,
                                    bool entered, bool lost, double loneliness, double debt_gbp);

/// Updates wellbeing and confidence. Thread-safe over persons; no draws.
void wellbeing(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
