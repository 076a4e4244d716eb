// Exits to inactivity and returns: unemployed people give up searching (more so with long spells,
// barriers and age); inactive people who want work start searching; wanting work comes and goes.
// Seeds A1, G1 (inactive-wants-work), M10. YAML: labour_market.labour_force_participation.
// Phase: search_and_matching (before search).
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct LabourForceParticipationParams {
    bool enabled = true;
    double weekly_exit_to_inactivity = 0.003;
    double exit_per_year_of_spell = 0.5;
    double exit_per_barrier = 0.3;
    double exit_older_multiplier = 1.5;
    double weekly_return_if_wanting_work = 0.035;
    double weekly_start_wanting_work = 0.003;
    double weekly_stop_wanting_work = 0.02;
};

template <class Visitor>
void describe(Visitor& v, LabourForceParticipationParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Move people between searching and inactivity (off: no such moves)."});
    v.field("weekly_exit_to_inactivity", p.weekly_exit_to_inactivity,
            probability("Weekly chance an unemployed person with no barriers stops searching.",
                        "calibrated to calibration.md C12 (inactivity about 21%) and C1 (claims "
                        "ended within 26 weeks)"));
    v.field("exit_per_year_of_spell", p.exit_per_year_of_spell,
            non_negative("Exit hazard rises by this share per year of the current spell.", "ratio",
                         "assumption (discouraged workers)"));
    v.field("exit_per_barrier", p.exit_per_barrier,
            non_negative("Exit hazard rises by this share per barrier.", "ratio"));
    v.field("exit_older_multiplier", p.exit_older_multiplier,
            {.doc = "Exit hazard multiplier for people aged 50 and over.",
             .min = 0.0,
             .unit = "ratio",
             .source = "seed 004 L2528 (M10: older people return less often)"});
    v.field("weekly_return_if_wanting_work", p.weekly_return_if_wanting_work,
            probability("Weekly chance an inactive person who wants work starts searching.",
                        "calibrated to calibration.md C12 (ILO unemployment 4.7-5.0%)"));
    v.field("weekly_start_wanting_work", p.weekly_start_wanting_work,
            probability("Weekly chance an inactive person comes to want work.",
                        "calibrated to calibration.md C12 (inactivity about 21%)"));
    v.field("weekly_stop_wanting_work", p.weekly_stop_wanting_work,
            probability("Weekly chance an inactive person stops wanting work.",
                        "calibrated to seed P1 (1.3 million inactive want a job)"));
}

/// Weekly hazard that an unemployed person stops searching (exposed for tests and reports).
[[nodiscard]] double exit_to_inactivity_hazard(const LabourForceParticipationParams& params,
                                               std::uint16_t spell_weeks, std::uint8_t barriers,
                                               std::uint8_t age_years);

/// Moves people between unemployment and inactivity. Thread-safe over persons; draws
/// Purpose::labour_force_participation.
void labour_force_participation(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
