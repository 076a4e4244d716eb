// Self-employment as a route out of the claim (New Enterprise Allowance). Some people out of work
// have a business idea (a trait drawn once per replication); at an attended meeting the coach may
// support one to start trading: the person becomes self-employed (employed, with no employer), the
// claim ends as work does (benefit_claim, next week), and the service pays a weekly allowance for
// the first weeks and a business mentor, both public costs. Earnings are low and vary week to
// week; a business closes with a weekly hazard that is higher early on and when it earns below the
// low-pay line, and lower while the allowance and mentor support it; the person then searches or
// leaves the labour force. job_separation, wage_progression and job_leads skip the self-employed
// (no employer: their business ends here, their pay moves here, they have no vacancies to pass on).
// Seed D7 (002 L21). YAML: regime.self_employment. Phase: search_and_matching (after hires, so
// in-work support, mentoring and the claim's end treat a start like a hire).
#pragma once

#include <array>
#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

/// Who the coach may support into self-employment.
enum class EnterpriseEligibility : std::uint8_t {
    claimants = 0,     ///< benefit claimants only (New Enterprise Allowance today)
    service_users = 1  ///< anyone out of work with a coach, voluntary users included (UWS)
};

inline constexpr std::array<scenario::Choice<EnterpriseEligibility>, 2>
    enterprise_eligibility_choices{{
        {"claimants", EnterpriseEligibility::claimants,
         "Benefit claimants only (New Enterprise Allowance today)."},
        {"service_users", EnterpriseEligibility::service_users,
         "Anyone out of work with a coach, voluntary users included (UWS)."},
    }};

struct SelfEmploymentParams {
    bool enabled = false;
    EnterpriseEligibility eligibility = EnterpriseEligibility::claimants;
    double business_idea_share = 0.05;
    double start_probability_at_meeting = 0.02;
    double median_hourly_earnings_gbp = 9.0;
    double earnings_dispersion = 0.5;
    double weekly_earnings_volatility = 0.05;
    std::uint32_t hours_per_week = 30;
    std::uint32_t allowance_weeks = 13;
    double allowance_gbp_per_week = 65.0;
    std::uint32_t tapered_allowance_weeks = 13;
    double tapered_allowance_gbp_per_week = 33.0;
    double mentoring_cost_gbp = 400.0;
    double weekly_closure_hazard = 0.004;
    std::uint32_t early_weeks = 52;
    double early_closure_multiplier = 1.5;
    double low_earnings_closure_multiplier = 2.0;
    double supported_closure_factor = 0.6;
    double to_inactivity_probability = 0.2;
};

template <class Visitor>
void describe(Visitor& v, SelfEmploymentParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Coaches support people with a business idea into self-employment, with an "
                    "allowance and a mentor (off: nobody starts; nobody in the starting "
                    "population is self-employed)."});
    v.choice("eligibility", p.eligibility, enterprise_eligibility_choices,
             {.doc = "Who the coach may support into self-employment.",
              .source = "seed 002 L21 (NEA for claimants; expand it)"});
    v.field("business_idea_share", p.business_idea_share,
            probability("Share of people with a business idea they would trade on (drawn once "
                        "per replication).",
                        "assumption; about 15% of UK workers are self-employed"));
    v.field("start_probability_at_meeting", p.start_probability_at_meeting,
            probability("Chance that an eligible person with a business idea starts trading at "
                        "an attended meeting (coach's referral, the person's decision).",
                        "assumption; NEA starts were a few per cent of claimants a year"));
    v.field("median_hourly_earnings_gbp", p.median_hourly_earnings_gbp,
            {.doc = "Median hourly earnings of a new business (lognormal across businesses).",
             .min = 0.01,
             .unit = "GBP per hour",
             .source = "assumption; seed M3 (low pay), ONS: self-employed incomes are lower "
                       "than employees'"});
    v.field("earnings_dispersion", p.earnings_dispersion,
            non_negative("Spread of hourly earnings across new businesses (log-sd).", "log units",
                         "assumption"));
    v.field("weekly_earnings_volatility", p.weekly_earnings_volatility,
            non_negative("Week-to-week change of a business's hourly earnings (log-sd of a "
                         "mean-preserving shock).",
                         "log units", "assumption (variable self-employed income)"));
    v.field("hours_per_week", p.hours_per_week,
            {.doc = "Hours a new business trades.",
             .min = 1,
             .max = 80,
             .unit = "hours per week",
             .source = "assumption"});
    v.field("allowance_weeks", p.allowance_weeks,
            {.doc = "Weeks of the full weekly allowance after the start.",
             .min = 0,
             .max = 104,
             .unit = "weeks",
             .source = "DWP New Enterprise Allowance (13 weeks at GBP 65)"});
    v.field("allowance_gbp_per_week", p.allowance_gbp_per_week,
            non_negative("Full weekly allowance (a public cost).", "GBP per week",
                         "DWP New Enterprise Allowance"));
    v.field("tapered_allowance_weeks", p.tapered_allowance_weeks,
            {.doc = "Weeks of the lower allowance after the full one.",
             .min = 0,
             .max = 104,
             .unit = "weeks",
             .source = "DWP New Enterprise Allowance (13 weeks at GBP 33)"});
    v.field("tapered_allowance_gbp_per_week", p.tapered_allowance_gbp_per_week,
            non_negative("Lower weekly allowance (a public cost).", "GBP per week",
                         "DWP New Enterprise Allowance"));
    v.field("mentoring_cost_gbp", p.mentoring_cost_gbp,
            non_negative("Cost of a business mentor over the supported weeks, paid at the start.",
                         "GBP", "assumption"));
    v.field("weekly_closure_hazard", p.weekly_closure_hazard,
            probability("Weekly chance a business closes, after its early weeks, unsupported and "
                        "earning at least the low-pay line.",
                        "assumption (about 20% of new businesses close within a year)"));
    v.field("early_weeks", p.early_weeks,
            {.doc = "Weeks of trading during which closure is more likely.",
             .min = 0,
             .max = 65535,
             .unit = "weeks",
             .source = "assumption (business failure is highest in the first year)"});
    v.field("early_closure_multiplier", p.early_closure_multiplier,
            {.doc = "Closure hazard multiplier during the early weeks.",
             .min = 0.0,
             .unit = "ratio",
             .source = "assumption"});
    v.field("low_earnings_closure_multiplier", p.low_earnings_closure_multiplier,
            {.doc = "Closure hazard multiplier while hourly earnings are below the low-pay line.",
             .min = 0.0,
             .unit = "ratio",
             .source = "assumption (unprofitable businesses close)"});
    v.field("supported_closure_factor", p.supported_closure_factor,
            {.doc = "Closure hazard multiplier while the allowance is paid (allowance and mentor).",
             .min = 0.0,
             .unit = "ratio",
             .source = "assumption; seed D7 (self-employment with its own support)"});
    v.field("to_inactivity_probability", p.to_inactivity_probability,
            probability("Chance that a person whose business closes leaves the labour force "
                        "instead of searching.",
                        "assumption"));
}

/// Allowance paid in the given week of trading (0 once it has run out).
[[nodiscard]] double enterprise_allowance(const SelfEmploymentParams& params,
                                          std::uint16_t weeks_trading);

/// Weekly closure hazard of a business in its given week of trading.
[[nodiscard]] double closure_hazard(const SelfEmploymentParams& params, std::uint16_t weeks_trading,
                                    bool low_earnings);

/// Runs businesses (earnings, allowance, closure) and starts new ones at meetings. Thread-safe
/// over persons; draws Purpose::business_idea, self_employment_start and business_trading.
void self_employment(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
