// In work: pay rises at occasional reviews, and the low-pay flag follows the
// wage. Seeds H4, F9. YAML: labour_market.wage_progression.  Phase: in_work.
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct WageProgressionParams {
    bool enabled = true;
    double weekly_review_probability = 1.0 / 52.0;
    double mean_raise = 0.01;
    double low_paid_raise_bonus = 0.0;
};

template <class Visitor>
void describe(Visitor& v, WageProgressionParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled, {.doc = "Raise pay with tenure (off: wages stay as hired)."});
    v.field("weekly_review_probability", p.weekly_review_probability,
            probability("Weekly chance of a pay review (about once a year)."));
    v.field("mean_raise", p.mean_raise,
            non_negative("Mean proportional raise at a review (exponentially distributed).",
                         "share of wage",
                         "assumption (real progression net of economy-wide pay growth, which moves "
                         "every wage and the low-pay line together and so is left out)"));
    v.field("low_paid_raise_bonus", p.low_paid_raise_bonus,
            non_negative("Extra raise for low-paid workers (progression support lever).",
                         "share of wage", "seed H4"));
}

/// Advances tenure, applies pay reviews and refreshes the low-pay flag. Thread-safe over
/// persons; draws Purpose::wage_progression.
void wage_progression(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
