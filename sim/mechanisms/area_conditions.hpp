// Persistent differences between local labour markets (calibration.md C13): each area gets, once,
// a level of labour-market strain z (standard normal). In a strained area jobs end more often and
// unemployed people give up searching sooner and return later; a slack area the reverse. Each
// factor is exp(sd x z) scaled to average 1 over the areas, so the national rates stay where the
// other targets put them. Vacancies are shared across areas by commuting, so an area's demand alone
// does not separate areas' employment; these hazards of the people living there do. YAML:
// labour_market.area_conditions. Phase: labour_demand (first: job_separation and
// labour_force_participation read the factors).
#pragma once

#include <cstdint>

#include "sim/core/ids.hpp"
#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim {
struct Areas;
}

namespace jobsim::mechanisms {

struct AreaConditionsParams {
    bool enabled = true;
    double separation_log_sd = 0.9;
    double participation_log_sd = 0.3;
};

template <class Visitor>
void describe(Visitor& v, AreaConditionsParams& p) {
    v.field("enabled", p.enabled,
            {.doc = "Areas differ persistently in their labour markets (off: every area alike)."});
    v.field("separation_log_sd", p.separation_log_sd,
            {.doc = "Spread across areas of the job-ending hazard: an area's hazard is multiplied "
                    "by exp(sd x z), z its strain, scaled so the areas' factors average 1.",
             .min = 0.0,
             .max = 2.0,
             .unit = "log ratio",
             .source = "calibrated to calibration.md C13 (between-area ICC of employment about "
                       "0.005, band 0.001-0.02: 0.002-0.008 at seeds 1-3 and 20241123 with 8 "
                       "areas; wide because only flows in and out of work move within a run)"});
    v.field("participation_log_sd", p.participation_log_sd,
            {.doc = "Spread across areas of leaving and rejoining the labour force: an area's "
                    "hazard of giving up searching is multiplied by exp(sd x z) (scaled to "
                    "average 1), and the discouraged return to searching as much less often.",
             .min = 0.0,
             .max = 2.0,
             .unit = "log ratio",
             .source = "assumption; calibration.md C13 (direction: weak local markets "
                       "discourage; a larger spread lowers inactivity and raises unemployment "
                       "nationally, as the discouraged return faster on average)"});
}

/// Factor on the job-ending hazard in area a (1 when switched off or not yet drawn).
[[nodiscard]] double area_separation_factor(const AreaConditionsParams& params, const Areas& areas,
                                            AreaId a);

/// Factor on the hazard that an unemployed person in area a stops searching; its inverse scales
/// the chance a discouraged (inactive, wanting work) person returns to searching (1 when switched
/// off or not yet drawn).
[[nodiscard]] double area_inactivity_factor(const AreaConditionsParams& params, const Areas& areas,
                                            AreaId a);

/// Draws each area's strain and sets its factors the first week it runs (area streams,
/// Purpose::area_conditions, keyed to week 0 so the draw does not depend on when it happens);
/// then changes nothing. Serial.
void area_conditions(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
