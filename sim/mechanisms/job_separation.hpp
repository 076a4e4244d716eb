// Jobs end: a weekly hazard, higher early in a job, for poor matches, for low pay and with
// barriers; the person becomes unemployed or leaves the labour force. Seeds H2, H3, F9.
// YAML: labour_market.job_separation.  Phase: labour_demand.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct JobSeparationParams {
    bool enabled = true;
    double base_weekly_hazard = 0.00015;
    std::uint32_t early_tenure_weeks = 26;
    double early_tenure_multiplier = 4.0;
    double poor_match_multiplier = 1.5;
    double low_pay_multiplier = 26.0;
    double per_barrier_multiplier = 0.3;
    double to_inactivity_probability = 0.2;
};

template <class Visitor>
void describe(Visitor& v, JobSeparationParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled, {.doc = "End jobs (off: nobody leaves a job)."});
    v.field("base_weekly_hazard", p.base_weekly_hazard,
            probability("Weekly chance a settled, well-matched, decently paid job ends.",
                        "calibrated to calibration.md C1/C12 flows (settled, decently paid "
                        "jobs rarely end; churn is concentrated in low-paid and new jobs)"));
    v.field("early_tenure_weeks", p.early_tenure_weeks,
            {.doc = "A job is 'early' until this many weeks of tenure.",
             .min = 0,
             .max = 520,
             .unit = "weeks",
             .source = "seed 002 L19, 004 L2791 (early recurrence)"});
    v.field("early_tenure_multiplier", p.early_tenure_multiplier,
            {.doc = "Hazard multiplier while a job is early.",
             .min = 1.0,
             .unit = "ratio",
             .source = "seed H2; calibrated to calibration.md C3 (54% of new claims are "
                       "repeat claims)"});
    v.field("poor_match_multiplier", p.poor_match_multiplier,
            non_negative("Hazard rises by this factor times (1 - match quality).", "ratio",
                         "seed F9 (poor matches separate sooner)"));
    v.field("low_pay_multiplier", p.low_pay_multiplier,
            {.doc = "Hazard multiplier for low-paid jobs.",
             .min = 1.0,
             .unit = "ratio",
             .source = "calibrated to calibration.md C4 (38% of low-paid workers have a spell "
                       "out of work in 4 years) and M3 (three-fifths of entrants low-paid: "
                       "low-paid jobs churn)"});
    v.field("per_barrier_multiplier", p.per_barrier_multiplier,
            non_negative("Hazard rises by this share for each barrier the person has.", "ratio",
                         "seed H3 (unresolved barriers raise separation)"));
    v.field("to_inactivity_probability", p.to_inactivity_probability,
            probability("Chance a person whose job ends leaves the labour force rather than "
                        "searching.",
                        "calibrated to calibration.md C12 (inactivity about 21%)"));
}

/// Weekly separation hazard of one job (exposed for tests and reports).
[[nodiscard]] double separation_hazard(const JobSeparationParams& params,
                                       std::uint16_t tenure_weeks, float match_quality,
                                       bool low_paid, std::uint8_t barriers);

/// Ends jobs this week. Thread-safe over persons; draws Purpose::job_separation.
void job_separation(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
