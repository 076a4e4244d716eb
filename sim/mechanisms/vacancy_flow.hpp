// Labour demand: employers open new vacancies in proportion to the jobs they aim to fill, scaled
// by their area's demand, and re-advertise jobs that ended; unfilled vacancies are withdrawn at a
// weekly rate. Seeds F10, H2, M3.
// YAML: labour_market.vacancy_flow.  Phase: labour_demand.
#pragma once

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct VacancyFlowParams {
    bool enabled = true;
    double weekly_vacancies_per_job = 0.0014;
    double replacement_probability = 0.9;
    double weekly_withdrawal_probability = 0.05;
    double wage_dispersion = 0.8;
    double skill_need_dispersion = 0.15;
    double skill_wage_premium = 0.8;
};

template <class Visitor>
void describe(Visitor& v, VacancyFlowParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled, {.doc = "Open and withdraw vacancies (off: no new vacancies)."});
    v.field(
        "weekly_vacancies_per_job", p.weekly_vacancies_per_job,
        non_negative("Expected new (not replacement) vacancies a week per job an employer aims "
                     "to fill. With replacements and separations it sets the unemployment rate.",
                     "per job per week",
                     "calibrated to calibration.md C12 (unemployment 4.7-5.0%, 0.45 vacancies "
                     "per unemployed person)"));
    v.field("replacement_probability", p.replacement_probability,
            probability("Chance a job that ended is advertised again the next week, at the same "
                        "pay and hours (churn keeps low-paid, high-turnover jobs in the flow).",
                        "calibrated to calibration.md M3 (three-fifths of entrants low-paid); "
                        "seed H2"));
    v.field("weekly_withdrawal_probability", p.weekly_withdrawal_probability,
            probability("Chance an open vacancy is withdrawn unfilled in a given week.",
                        "calibrated to calibration.md C12 (about 0.45 vacancies per unemployed "
                        "person; a mean advertised life of about 20 weeks)"));
    v.field("wage_dispersion", p.wage_dispersion,
            non_negative("Standard deviation of log hourly wage around the sector median.",
                         "log points",
                         "calibrated to calibration.md C4 (more than 1 in 5 workers low-paid) "
                         "and M3 (three-fifths of entrants low-paid)"));
    v.field("skill_need_dispersion", p.skill_need_dispersion,
            non_negative("Standard deviation of a vacancy's skill need around its sector's mean.",
                         "skill units (0-1)"));
    v.field("skill_wage_premium", p.skill_wage_premium,
            non_negative("Log-wage gain per unit of skill need above the sector mean.",
                         "log points per skill unit"));
}

/// Opens new vacancies, withdraws some open ones, compacts the pool and rebuilds the by-area
/// index. Draws Purpose::vacancy_creation (per employer), vacancy_traits and vacancy_expiry (per
/// vacancy serial).
void vacancy_flow(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
