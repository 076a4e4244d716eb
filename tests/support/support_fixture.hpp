// Test helpers for the support mechanisms (plans, budgets, providers): claimants with given
// barriers who attend meetings, and a hiring round where everyone applies to a vacancy of their
// own, so each hire follows only the employer's assessment of that person.
#pragma once

#include <cmath>
#include <cstdint>

#include "sim/mechanisms/employer_choice.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace jobsim::testing {

/// n claimants, all with `barriers`, trust and alliance 0.5.
inline World claimants_with(const Scenario& scenario, std::uint32_t n, std::uint8_t barriers) {
    World world = tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        start_claim(world, i, 10);
        world.persons.barriers[i] = barriers;
        world.persons.trust[i] = 0.5f;
        world.persons.alliance[i] = 0.5f;
    }
    return world;
}

/// Everyone attended a meeting this week.
inline void attend_all(World& world) {
    for (auto& outcome : world.persons.meeting_this_week) {
        outcome = MeetingOutcome::attended;
    }
}

/// Everyone (made unemployed, spell 0) applies to a vacancy of their own paying 12 GBP/h with
/// skill need 0.5, so with skill 0.5 the fit is 1.
inline void apply_to_own_vacancies(World& world) {
    const std::uint32_t n = world.persons.size();
    for (std::uint32_t i = 0; i < n; ++i) {
        add_vacancy(world, i % world.employers.size(), 12.0f);
        world.persons.status[i] = LabourStatus::unemployed;
        world.persons.spell_weeks[i] = 0;
    }
    index_vacancies(world);
    world.applications.vacancy.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.applications.offsets[i + 1] = i + 1;
        world.applications.vacancy[i] = i;
    }
}

/// Chance an applicant with this assessment (before noise) clears the hiring threshold.
inline double hire_chance(const mechanisms::EmployerChoiceParams& params, double score) {
    return 1.0 / (1.0 + std::exp((params.hiring_threshold - score) / params.assessment_noise));
}

}  // namespace jobsim::testing
