// Search effort and applications: effort falls with the spell and with barriers, rises after
// coach meetings and towards a search requirement; each application goes to an open vacancy in
// the home area or, less often, a nearby one (commuting distance). Seeds C1, C5, E5, F8.
// YAML: labour_market.job_search.  Phase: search_and_matching.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct JobSearchParams {
    bool enabled = true;
    double applications_per_week = 2.5;
    double discouragement_per_year = 0.3;
    double effort_per_barrier = 0.15;
    double requirement_pull = 0.6;
    double effort_per_alliance = 0.4;
    double commute_decay_km = 8.0;
    std::uint32_t max_applications_per_week = 20;
    double sanction_threat_effort = 0.1;
};

template <class Visitor>
void describe(Visitor& v, JobSearchParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled,
            {.doc = "Unemployed people search and apply (off: nobody applies)."});
    v.field("applications_per_week", p.applications_per_week,
            non_negative("Mean applications a week of a person with effort 1 (no barriers, new "
                         "spell, average disposition).",
                         "applications per week"));
    v.field("discouragement_per_year", p.discouragement_per_year,
            non_negative("Effort falls as exp(-d * spell years): discouragement over a spell.",
                         "per year", "seed E5 (negative feedback of long unemployment)"));
    v.field("effort_per_barrier", p.effort_per_barrier,
            probability("Share of effort lost per barrier (effort x (1 - e)^barriers)."));
    v.field("requirement_pull", p.requirement_pull,
            probability("Share of the gap between own applications and a search requirement that "
                        "a person closes under conditionality (the ex-ante threat effect).",
                        "seed C1, C5; calibration.md C7 (sign)"));
    v.field("effort_per_alliance", p.effort_per_alliance,
            non_negative("Search effort rises by this share per unit of working alliance with the "
                         "coach (effort x (1 + w x alliance)).",
                         "share per unit of alliance", "assumption; seed R1, R2 (direction)"));
    v.field("commute_decay_km", p.commute_decay_km,
            {.doc = "Another area is searched with weight exp(-distance / decay), the home area "
                    "with weight 1.",
             .min = 0.001,
             .unit = "km",
             .source = "seed F8 (travel to work areas)"});
    v.field("max_applications_per_week", p.max_applications_per_week,
            {.doc = "Cap on applications a person sends in one week.",
             .min = 1,
             .max = 255,
             .unit = "applications"});
    v.field("sanction_threat_effort", p.sanction_threat_effort,
            non_negative("Effort added while under a search requirement: perceived sanction risk "
                         "makes people search harder on their own account (ex-ante threat).",
                         "effort", "assumption; calibration.md C7 (sign and order of magnitude)"));
}

/// Search effort of an unemployed person (1 = average disposition, new spell, no barriers).
[[nodiscard]] double search_effort(const JobSearchParams& params, float disposition,
                                   std::uint16_t spell_weeks, std::uint8_t barriers,
                                   float meeting_boost, float alliance = 0.0f);

/// Mean applications a week given effort and a search requirement (0 = none).
[[nodiscard]] double expected_applications(const JobSearchParams& params, double effort,
                                           std::uint8_t requirement);

/// Sets search effort and this week's applications (person -> vacancy) for everyone unemployed.
/// Thread-safe over persons; draws Purpose::job_applications.
void job_search(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
