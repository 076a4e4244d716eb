// Employers choose among applicants to each finite vacancy; people accept the best offer above
// their reservation wage. Propose -> sort -> resolve: one person's hire is another's lost chance.
// The assessment falls with the spell out of work (duration dependence) and with barriers.
// Seeds F1, F2, F9, C3. YAML: labour_market.employer_choice.  Phase: search_and_matching.
#pragma once

#include <cstdint>
#include <span>

#include "sim/observe/event.hpp"
#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct EmployerChoiceParams {
    bool enabled = true;
    double skill_fit_weight = 2.0;
    double spell_penalty_per_year = 2.0;
    double barrier_penalty = 0.6;
    double assessment_noise = 1.5;
    double hiring_threshold = 4.5;
    double reservation_wage_ratio = 0.7;
    double reservation_decline_per_year = 0.3;
    double sanctioned_reservation_cut = 0.2;
    double referral_bonus = 1.0;
};

template <class Visitor>
void describe(Visitor& v, EmployerChoiceParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled, {.doc = "Employers hire from applicants (off: no hires)."});
    v.field("skill_fit_weight", p.skill_fit_weight,
            non_negative("Weight of skill fit (1 - |skill - need|) in the employer's assessment.",
                         "score per fit unit"));
    v.field("spell_penalty_per_year", p.spell_penalty_per_year,
            non_negative("Assessment penalty per year out of work (duration dependence).",
                         "score per year",
                         "calibrated to calibration.md C1 (claims still open at 26 and 52 weeks); "
                         "direction from Kroft, Lange & Notowidigdo 2013 (call-backs fall with "
                         "duration)"));
    v.field("barrier_penalty", p.barrier_penalty,
            non_negative("Assessment penalty per barrier the applicant has.", "score per barrier"));
    v.field("assessment_noise", p.assessment_noise,
            non_negative("Scale of the logistic noise in the assessment (interviews are noisy).",
                         "score"));
    v.field("hiring_threshold", p.hiring_threshold,
            {.doc = "The best applicant is offered the job only if the assessment exceeds this.",
             .unit = "score",
             .source = "calibrated to calibration.md C1 (exits from a claim) and C12 "
                       "(vacancies per unemployed person)"});
    v.field("reservation_wage_ratio", p.reservation_wage_ratio,
            non_negative("At the start of a spell a person accepts offers paying at least this "
                         "share of their last wage.",
                         "ratio",
                         "calibrated to calibration.md C4/M3 (three-fifths of entrants "
                         "low-paid)"));
    v.field("reservation_decline_per_year", p.reservation_decline_per_year,
            probability("The reservation ratio falls by this share per year of the spell."));
    v.field("sanctioned_reservation_cut", p.sanctioned_reservation_cut,
            probability("While sanctioned the reservation wage is cut by this share: people take "
                        "any offer (shorter, lower-paid jobs).",
                        "seed C3, S2 (NAO 2016)"));
    v.field("referral_bonus", p.referral_bonus,
            non_negative("Added to the assessment of an applicant an employee put forward (a "
                         "referral from job_leads): the employer trusts the employee's word.",
                         "score", "assumption; seed E1 (friends \"put me forward\")"));
}

/// An employer's assessment of an applicant before noise.
[[nodiscard]] double assessment(const EmployerChoiceParams& params, double skill_fit,
                                std::uint16_t spell_weeks, std::uint8_t barriers);

/// Lowest hourly wage a person accepts.
[[nodiscard]] double reservation_wage(const EmployerChoiceParams& params, float last_wage,
                                      std::uint16_t spell_weeks, bool sanctioned);

/// Puts person i into vacancy v's job (marks it filled) and emits the hire with its channel.
/// Serial: callers resolve contested vacancies first.
void hire(const WeekContext& context, World& world, std::uint32_t i, std::uint32_t v,
          HireChannel channel, EventSink& events);

/// Resolves direct hires proposed in parallel (one vacancy per person, Applications::no_vacancy
/// for none): in person order each person takes their vacancy if it is still
/// unfilled, so a contested vacancy goes to the lowest person id. Serial.
void hire_in_person_order(const WeekContext& context, World& world,
                          std::span<const std::uint32_t> vacancy_of_person, HireChannel channel,
                          EventSink& events);

/// Scores applications, offers each vacancy to its best applicant above the threshold, and lets
/// each person accept at most one offer. Draws Purpose::employer_choice per applicant.
void employer_choice(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
