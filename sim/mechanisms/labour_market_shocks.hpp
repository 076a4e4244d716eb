// Scenario events in the world (not policy levers, so arms share them): sector shocks such as the
// net-zero transition or automation, where from a given week named sectors shed jobs faster and
// open fewer vacancies; and a business cycle that scales vacancy creation in every area alike, so
// areas must be judged against each other. Seeds J3, J4, J5, J7, F10, M12.
// YAML: labour_market.labour_market_shocks. Phase: labour_demand (before vacancy_flow).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

/// One sector's shock: from `start_week` (until `end_week`, 0 = for good) jobs in the sector end
/// `separation_multiplier` times as often and it opens `vacancy_multiplier` times the vacancies.
struct SectorShockSpec {
    std::string sector;
    std::uint32_t start_week = 0;
    std::uint32_t end_week = 0;
    double separation_multiplier = 2.0;
    double vacancy_multiplier = 0.5;
};

struct LabourMarketShocksParams {
    bool enabled = true;
    std::vector<SectorShockSpec> sector_shocks;
    double business_cycle_amplitude = 0.0;
    std::uint32_t business_cycle_period_weeks = 260;
    std::uint32_t business_cycle_phase_weeks = 0;
};

template <class Visitor>
void describe(Visitor& v, SectorShockSpec& s) {
    using scenario::non_negative;
    v.field("sector", s.sector,
            {.doc = "Name of the sector hit (one of labour_market.sectors).", .required = true});
    v.field("start_week", s.start_week,
            {.doc = "Week the shock starts (weeks of the run, burn-in included).",
             .min = 0,
             .max = 100000,
             .unit = "weeks"});
    v.field(
        "end_week", s.end_week,
        {.doc = "Week the shock ends (0 = it lasts).", .min = 0, .max = 100000, .unit = "weeks"});
    v.field("separation_multiplier", s.separation_multiplier,
            non_negative("Job-ending hazard multiplier in the sector during the shock.", "ratio",
                         "assumption; seed J3, J4 (displacement)"));
    v.field("vacancy_multiplier", s.vacancy_multiplier,
            non_negative("Multiplier on the sector's new and re-advertised vacancies.", "ratio",
                         "assumption; seed J3 (declining sectors)"));
}

template <class Visitor>
void describe(Visitor& v, LabourMarketShocksParams& p) {
    using scenario::non_negative;
    v.field("enabled", p.enabled,
            {.doc = "Apply the scenario's sector shocks and business cycle (off: none)."});
    v.records("sector_shocks", p.sector_shocks,
              {.doc = "Sector shocks (net zero, automation); none by default."});
    v.field("business_cycle_amplitude", p.business_cycle_amplitude,
            {.doc = "Vacancy creation in every area is scaled by 1 + amplitude x sin(2 pi (week + "
                    "phase) / period).",
             .min = 0.0,
             .max = 1.0,
             .unit = "share",
             .source = "assumption; seed J5 (common national conditions)"});
    v.field("business_cycle_period_weeks", p.business_cycle_period_weeks,
            {.doc = "Length of a business cycle.",
             .min = 1,
             .max = 5200,
             .unit = "weeks",
             .source = "assumption (about five years)"});
    v.field("business_cycle_phase_weeks", p.business_cycle_phase_weeks,
            {.doc = "Where in the cycle week 0 falls.", .min = 0, .max = 5200, .unit = "weeks"});
}

/// Whether a shock is running in `week`.
[[nodiscard]] bool shock_active(const SectorShockSpec& shock, std::uint32_t week);

/// Sets this week's sector and area multipliers. Serial (a few sectors and areas); no draws.
void labour_market_shocks(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
