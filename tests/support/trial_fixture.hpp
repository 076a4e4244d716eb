// Small trials for tests: a scenario with one treatment arm identical to the baseline (tests
// change it as they need) and a quick look-up of one diagnosis row.
#pragma once

#include <catch2/catch.hpp>

#include "sim/scenario/scenario.hpp"
#include "sim/trials/trial.hpp"

namespace jobsim::testing {

/// `persons` in `areas` areas, burn-in 8 weeks, the trial measured `horizon` weeks after
/// enrolment of the claimant stock; the arm `treated` is a copy of the baseline regime.
inline Scenario small_trial(TrialDesign design, std::uint32_t persons, std::uint16_t areas,
                            std::uint32_t horizon) {
    Scenario scenario = default_scenario();
    scenario.name = "small_trial";
    scenario.population.persons = persons;
    scenario.population.areas = areas;
    scenario.burn_in_weeks = 8;
    scenario.weeks = horizon;
    Regime treated = scenario.regime;
    treated.name = "treated";
    scenario.arms = {treated};
    scenario.trial.design = design;
    scenario.trial.horizons = {horizon};
    scenario.trial.saturations = {0.0, 0.5};
    scenario.trial.steps = 2;
    scenario.trial.step_weeks = horizon / 3 > 0 ? horizon / 3 : 1;
    return scenario;
}

/// The diagnosis of one estimand by one estimator (pooled over saturations).
inline const analysis::Diagnosis& find_row(const trials::TrialResult& result,
                                           trials::Estimand estimand, trials::Estimator estimator,
                                           TrialOutcome outcome, std::uint32_t horizon,
                                           double saturation = -1.0) {
    for (const trials::DiagnosisRow& row : result.diagnosis) {
        if (row.key.estimand == estimand && row.key.estimator == estimator &&
            row.key.outcome == outcome && row.key.horizon == horizon &&
            row.key.saturation == saturation) {
            return row.diagnosis;
        }
    }
    FAIL("no diagnosis row for that key");
    return result.diagnosis.front().diagnosis;
}

}  // namespace jobsim::testing
