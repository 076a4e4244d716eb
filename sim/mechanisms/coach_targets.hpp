// Targets distort what coaches do (seeds B17, L3). Each office (area) is judged on what its arm's
// regime sets: counts of sanctions, of referrals or of off-flows (claims ending, any way), each a
// level per 100 claimants a week, and/or long-term people-based outcomes (sustained work). At the
// end of each week the office tallies its claimants' sanctions, referral starts and off-flows into
// a rolling rate; an office behind a count target presses its coaches harder. The pressure sets
// per-coach factors that the mechanisms owning the decisions read (1 = no distortion):
// sanctions -> more shortfalls found and more wrongful failures (conditionality); referrals -> more
// referrals and more misjudged needs (provider_referral); off-flows -> a lower reservation wage
// (employer_choice: faster, lower-paid, shorter jobs) and more signing off (benefit_claim);
// people-based outcomes -> none of these, a higher reservation wage (holding out for a job that
// fits) and fewer misjudged needs. YAML: regime.coach_targets. Phase: record (before durations).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct CoachTargetsParams {
    bool enabled = true;
    // what offices are judged on (today: off-flows, seed 002 L15)
    double sanctions_per_100_claimants = 0.0;
    double referrals_per_100_claimants = 0.0;
    double off_flows_per_100_claimants = 6.0;
    bool people_based_outcomes = false;
    // how a count target presses coaches
    double memory_weeks = 13.0;
    double base_pressure = 0.5;
    double behind_pressure = 1.0;
    // what pressure does
    double sanction_report_effect = 0.5;
    double referral_effect = 0.5;
    double misjudge_effect = 1.0;
    double reservation_cut = 0.1;
    double sign_off_effect = 0.15;
    // what a people-based outcome focus does
    double fit_reservation_lift = 0.05;
    double fit_misjudge_cut = 0.5;
};

template <class Visitor>
void describe(Visitor& v, CoachTargetsParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Offices are judged on targets that change what coaches do (off: no target "
                    "distorts any decision)."});
    v.field("sanctions_per_100_claimants", p.sanctions_per_100_claimants,
            non_negative("Sanction target: sanctions a week per 100 claimants the office is "
                         "expected to reach (0 = not judged on sanctions). Coaches under it report "
                         "doubtful cases.",
                         "sanctions per 100 claimants a week",
                         "assumption (today: none officially); seed 001 L17 ('sanctions targets' "
                         "must be off-limits), 002 L15 ('allegedly and controversially')"));
    v.field("referrals_per_100_claimants", p.referrals_per_100_claimants,
            non_negative("Referral target: referral starts a week per 100 claimants (0 = not "
                         "judged on referrals). Coaches under it refer for the target, not fit.",
                         "referrals per 100 claimants a week",
                         "assumption; seed 004 L1956-1962, L2113-2116 (referrals driven by "
                         "Jobcentre targets)"));
    v.field("off_flows_per_100_claimants", p.off_flows_per_100_claimants,
            non_negative("Off-flow target: claims ending (any way) a week per 100 claimants (0 = "
                         "not judged on off-flows). Coaches under it push people into any job and "
                         "towards signing off.",
                         "off-flows per 100 claimants a week",
                         "assumption (about the baseline's off-flow rate); seed 002 L15 ('we "
                         "currently focus on short-term outcomes: off-flow')"));
    v.field("people_based_outcomes", p.people_based_outcomes,
            {.doc = "Offices are judged on long-term people-based outcomes (sustained work): "
                    "coaches spend effort on fit (higher reservation wage, fewer misjudged needs).",
             .source = "seed 002 L15 (shift to long-term, people-based outcomes), 001 L17"});
    v.field("memory_weeks", p.memory_weeks,
            {.doc = "Weeks over which the office's rolling count is averaged (exponential "
                    "smoothing: each week moves it 1/memory of the way to the week's rate).",
             .min = 1.0,
             .max = 520.0,
             .unit = "weeks",
             .source = "assumption (a quarter, as performance is reported)"});
    v.field("base_pressure", p.base_pressure,
            non_negative("Pressure of a count target on an office that meets it.", "pressure",
                         "assumption; seed B17 (direction)"));
    v.field("behind_pressure", p.behind_pressure,
            non_negative("Extra pressure when the office's rolling count is nowhere near its "
                         "target (pressure = base + behind x shortfall share, share 0-1).",
                         "pressure", "assumption; seed B17 (direction)"));
    v.field("sanction_report_effect", p.sanction_report_effect,
            non_negative("Under a sanction target the chances of finding a shortfall and of "
                         "failing a compliant claimant are multiplied by 1 + effect x pressure.",
                         "per unit of pressure",
                         "assumption; seed 001 L17, 002 L15, C2 ('even if you give a valid "
                         "excuse')"));
    v.field("referral_effect", p.referral_effect,
            non_negative("Under a referral target the chance of referring an assessed need is "
                         "multiplied by 1 + effect x pressure.",
                         "per unit of pressure", "assumption; seed 004 L1956-1962"));
    v.field("misjudge_effect", p.misjudge_effect,
            non_negative("Under a referral target the chance of seeing a need at random (refer for "
                         "the target, not fit) is multiplied by 1 + effect x pressure.",
                         "per unit of pressure", "assumption; seed B17, 004 L2113-2116"));
    v.field("reservation_cut", p.reservation_cut,
            probability("Under an off-flow target claimants' reservation wage is cut by this share "
                        "per unit of pressure: any job will do (faster, lower-paid, shorter jobs).",
                        "assumption; seed 002 L15, C3 (direction)"));
    v.field("sign_off_effect", p.sign_off_effect,
            non_negative("Under an off-flow target the weekly chance of stopping claiming without "
                         "work is multiplied by 1 + effect x pressure.",
                         "per unit of pressure",
                         "assumption; seed 002 L15, C6 (direction); 0.15 keeps calibration.md C1 "
                         "(claims ended within 52 weeks) in its band"));
    v.field("fit_reservation_lift", p.fit_reservation_lift,
            non_negative("Under people-based outcomes claimants' reservation wage rises by this "
                         "share: the coach backs holding out for a job that fits and lasts.",
                         "share", "assumption; seed 002 L15 (direction)"));
    v.field("fit_misjudge_cut", p.fit_misjudge_cut,
            probability("Under people-based outcomes the chance of seeing a need at random falls "
                        "by this share: referrals by fit.",
                        "assumption; seed 002 L15, B17 (direction)"));
}

/// Tallies each office's sanctions, referral starts and off-flows this week against its targets
/// and sets every coach's factors (World::coach_targets) for the next week. Deterministic: no
/// draws; counts are integers (std::atomic_ref) and the per-office arithmetic is serial.
void coach_targets(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
