// Support before job loss: where the service is open to non-claimants, people in work who are at
// risk (aged `older_age` or over, with a health condition, or in a sector hit by a shock) and know
// the service may join it; while a coach supports them (costed in-work contacts) their job ends
// less often. If the job ends anyway they stay with the coach to search (service_access).
// Seeds H6, J1, J3. YAML: regime.preventive_support. Phase: in_work.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"
#include "sim/state/persons.hpp"

namespace jobsim::mechanisms {

struct PreventiveSupportParams {
    bool enabled = true;
    std::uint32_t older_age = 50;
    double weekly_join_if_at_risk = 0.01;
    double separation_reduction = 0.2;
};

template <class Visitor>
void describe(Visitor& v, PreventiveSupportParams& p) {
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "People in work at risk of losing their job may use a universal service "
                    "(off: only after job loss)."});
    v.field("older_age", p.older_age,
            {.doc = "Age from which a worker counts as at risk.",
             .min = 16,
             .max = 100,
             .unit = "years",
             .source = "seed 004 L3585-3595 (H6, J1: older workers)"});
    v.field("weekly_join_if_at_risk", p.weekly_join_if_at_risk,
            probability("Weekly chance an at-risk worker who knows the service and fully trusts it "
                        "sets out to join (then hand-off loss and distrust as in service_access).",
                        "assumption; seed H6"));
    v.field("separation_reduction", p.separation_reduction,
            probability("Share by which support lowers the job's separation hazard.",
                        "assumption; seed H6 (lowers job loss)"));
}

/// Factor on the weekly separation hazard of a job held by someone on `route`.
[[nodiscard]] double preventive_support_factor(const PreventiveSupportParams& params,
                                               ServiceRoute route);

/// Whether a worker is at risk of losing the job (age, health, a shocked sector).
[[nodiscard]] bool at_risk_of_job_loss(const PreventiveSupportParams& params,
                                       std::uint8_t age_years, std::uint8_t barriers,
                                       double sector_separation_factor);

/// Joins at-risk workers and makes in-work contacts. Thread-safe over persons; draws
/// Purpose::preventive_support and Purpose::service_coach_assignment.
void preventive_support(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
