// Benefit claims: people who lose a job or are searching may claim; claimants are attached to a
// coach in their area; claims end on finding work, leaving the labour force, or stopping claiming
// without work (failed to sign, more so after a sanction). Take-up falls with low trust (C13);
// under a benefit guarantee a claimant trying a short job keeps the claim (C11).
// Seeds C6, C11, C12, C13, G1, A7.
// YAML: regime.benefit_claim.  Phase: service_contact.
#pragma once

#include <cstdint>

#include "sim/observe/event.hpp"
#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim {
struct Persons;
}  // namespace jobsim

namespace jobsim::mechanisms {

struct BenefitClaimParams {
    bool enabled = true;
    double take_up_on_job_loss = 0.3;
    double weekly_take_up_while_searching = 0.05;
    double weekly_stop_claiming = 0.011;
    double sanctioned_stop_multiplier = 2.5;
    double weekly_benefit_gbp = 91.0;
    std::uint32_t first_payment_delay_weeks = 5;
    double take_up_trust_slope = 1.0;
    std::uint32_t guarantee_weeks = 0;
    std::uint32_t guarantee_max_hours = 20;
};

template <class Visitor>
void describe(Visitor& v, BenefitClaimParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "People claim benefit and are attached to a coach (off: nobody claims)."});
    v.field("take_up_on_job_loss", p.take_up_on_job_loss,
            probability("Chance a person who loses a job and searches makes a claim that week.",
                        "calibrated to calibration.md S6 (52% of unemployed people do not claim) "
                        "and C1 (quick returns to work mostly go unclaimed)"));
    v.field("weekly_take_up_while_searching", p.weekly_take_up_while_searching,
            probability("Weekly chance an unemployed non-claimant starts a claim.",
                        "calibrated to calibration.md S6 (52% of unemployed people do not claim)"));
    v.field("weekly_stop_claiming", p.weekly_stop_claiming,
            probability("Weekly chance a claimant stops claiming without a job (failed to sign, "
                        "other reasons).",
                        "calibrated to calibration.md C2 (30.9% of leavers failed to sign; at "
                        "least 30% of claim ends not into work) and C1 (87% of claims ended "
                        "within 52 weeks)"));
    v.field("sanctioned_stop_multiplier", p.sanctioned_stop_multiplier,
            {.doc = "Stop-claiming hazard multiplier while sanctioned.",
             .min = 0.0,
             .unit = "ratio",
             .source = "seed C6, S2 (sanctions push people off benefit)"});
    v.field(
        "weekly_benefit_gbp", p.weekly_benefit_gbp,
        non_negative("Benefit paid per week to a claimant who is not sanctioned.", "GBP per week",
                     "UC standard allowance 25+, 2024/25 (about GBP 393 a month)"));
    v.field("first_payment_delay_weeks", p.first_payment_delay_weeks,
            {.doc = "Weeks from the start of a claim before benefit is first paid (the gap is "
                    "borrowed or gone without: see labour_market.hardship).",
             .min = 0,
             .max = 52,
             .unit = "weeks",
             .source = "DWP: first UC payment about five weeks after the claim; seed C12, S9"});
    v.field("take_up_trust_slope", p.take_up_trust_slope,
            {.doc = "Take-up is multiplied by 1 + slope x (trust - 0.5): people who distrust the "
                    "service claim less (at the neutral trust 0.5 the calibrated rates apply).",
             .min = 0.0,
             .max = 2.0,
             .unit = "per unit of trust",
             .source = "assumption; seed C13 (distrust of DWP offers, 'hidden agenda')"});
    v.field("guarantee_weeks", p.guarantee_weeks,
            {.doc = "Benefit guarantee: for this many weeks after starting a short job (hours at "
                    "most guarantee_max_hours) a claimant keeps their claim and coach, so a "
                    "try-out that fails needs no new claim (0 = no guarantee).",
             .min = 0,
             .max = 104,
             .unit = "weeks",
             .source = "assumption (today: none); seed C11 (benefit guarantee for trying new "
                       "things)"});
    v.field("guarantee_max_hours", p.guarantee_max_hours,
            {.doc = "Longest contracted hours of a job the guarantee covers (part-time vacancies "
                    "in the model have 20 hours).",
             .min = 0,
             .max = 80,
             .unit = "hours per week",
             .source = "assumption; seed C11 ('small bits of paid work')"});
}

/// Whether a claimant in a job of these hours, this long, keeps their claim (C11).
[[nodiscard]] bool guaranteed(const BenefitClaimParams& params, std::uint8_t hours_per_week,
                              std::uint16_t tenure_weeks);

/// Multiplier on take-up from trust in the service (C13); 1 at the neutral trust 0.5.
[[nodiscard]] double trust_take_up_factor(const BenefitClaimParams& params, float trust);

/// Ends person i's claim for `reason` (they lose their coach and requirement) and records it.
void end_claim(const WeekContext& context, Persons& p, std::uint32_t i, ClaimEndReason reason,
               EventSink& events);

/// Starts and ends claims and attaches new claimants to a coach. Thread-safe over persons; draws
/// Purpose::benefit_claim and Purpose::coach_assignment.
void benefit_claim(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
