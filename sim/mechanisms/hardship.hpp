// Hardship: a claimant's weekly money against essential costs. Weeks without benefit (waiting for
// the first payment of a new claim, or sanctioned) leave a shortfall, part of it borrowed or left
// in arrears as debt; new debt lowers wellbeing, debt lowers search (no bus fares) through
// job_search, and it is repaid slowly once in work. Seeds K5, C12, C2, S3, S9.
// YAML: labour_market.hardship (the benefit and the payment delay are regime.benefit_claim).
// Phase: conditionality (after sanctions are imposed, before search).
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct HardshipParams {
    bool enabled = true;
    double weekly_essential_costs_gbp = 91.0;
    double borrowed_share_of_shortfall = 0.6;
    double in_work_repayment_gbp_per_week = 10.0;
    double wellbeing_loss_per_100_gbp = 0.1;
    double max_search_loss = 0.3;
    double debt_for_half_search_loss_gbp = 500.0;
};

template <class Visitor>
void describe(Visitor& v, HardshipParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Weeks without benefit build up debt, which lowers wellbeing and search (off: "
                    "debt never changes)."});
    v.field("weekly_essential_costs_gbp", p.weekly_essential_costs_gbp,
            non_negative("Essential costs a week of a claimant; benefit below it leaves a "
                         "shortfall.",
                         "GBP per week",
                         "assumption: equal to the UC standard allowance (DWP UC rates 2024/25), "
                         "so a paid claim just covers essentials; raise it (JRF/Trussell "
                         "Essentials Guarantee about GBP 120) to model inadequate benefit"));
    v.field("borrowed_share_of_shortfall", p.borrowed_share_of_shortfall,
            probability("Share of a week's shortfall borrowed or left in arrears (the rest is gone "
                        "without).",
                        "DWP: UC advances and hardship payments (60% of the sanction) are "
                        "recoverable; seed S9 (borrowing, rent arrears)"));
    v.field("in_work_repayment_gbp_per_week", p.in_work_repayment_gbp_per_week,
            non_negative("Debt repaid each week in work.", "GBP per week",
                         "assumption; seed K5 (debt outlasts the spell)"));
    v.field("wellbeing_loss_per_100_gbp", p.wellbeing_loss_per_100_gbp,
            non_negative("Fall in life satisfaction (0-10) per GBP 100 of new debt.",
                         "points per GBP 100", "assumption; seed S3 (debt and ill health)"));
    v.field("max_search_loss", p.max_search_loss,
            probability("Largest share of search effort lost to debt (fares, phone credit).",
                        "assumption; seed C12, S9 (walking to save bus fares)"));
    v.field("debt_for_half_search_loss_gbp", p.debt_for_half_search_loss_gbp,
            {.doc = "Debt at which half the largest search loss applies (loss = max x debt / "
                    "(debt + this)).",
             .min = 1.0,
             .unit = "GBP",
             .source = "assumption"});
}

/// Multiplier (0-1] on search effort of a person with this much debt.
[[nodiscard]] double debt_search_factor(const HardshipParams& params, float debt_gbp);

/// Builds up and repays debt for the week. Thread-safe over persons; draws nothing.
void hardship(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
