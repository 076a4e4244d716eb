// After job entry the same coach stays in touch (and supports the employer) for up to
// `support_weeks`: a service user (claimant or voluntary) who starts a job keeps their coach,
// who makes a contact every few weeks (costed as public_cost in_work_support). While support
// lasts, the job's separation hazard is lower, more so for people with barriers (unresolved
// barriers are what ends early jobs). If the job ends during support, a universal service keeps
// the person with the coach to search again. Seeds H1, H3, F6, P9.
// YAML: regime.in_work_support. Phase: in_work.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct InWorkSupportParams {
    bool enabled = false;
    std::uint32_t support_weeks = 52;
    double separation_reduction = 0.3;
    double extra_reduction_per_barrier = 0.1;
};

template <class Visitor>
void describe(Visitor& v, InWorkSupportParams& p) {
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "The coach stays in touch after job entry (off: support ends with the claim, "
                    "as in the current system)."});
    v.field("support_weeks", p.support_weeks,
            {.doc = "Weeks of in-work support after a service user starts a job.",
             .min = 1,
             .max = 255,
             .unit = "weeks",
             .source = "seed 004 L2883-2885 (P9: 12 months)"});
    v.field("separation_reduction", p.separation_reduction,
            probability("Share by which in-work support lowers the job's separation hazard for "
                        "a person without barriers.",
                        "assumption; seed H1, F6 (direction)"));
    v.field("extra_reduction_per_barrier", p.extra_reduction_per_barrier,
            probability("Further reduction per barrier the person has.",
                        "assumption; seed H3 (barriers persist after entry)"));
}

/// Factor on the weekly separation hazard of a job with `weeks_left` of in-work support.
[[nodiscard]] double in_work_support_factor(const InWorkSupportParams& params,
                                            std::uint8_t weeks_left, std::uint8_t barriers);

/// Starts support at job entry, counts it down, makes contacts and ends it. Thread-safe over
/// persons; no draws.
void in_work_support(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
