// One row of /replications/<r>/persons: a person's traits, final state and what the recorder
// counted over the recorded weeks. Columns are documented in output/SCHEMA.md.
#pragma once

#include <cstdint>

#include "sim/core/ids.hpp"
#include "sim/state/persons.hpp"

namespace jobsim::output {

struct PersonRow {
    // traits
    PersonId person{};
    AreaId area{};
    std::uint8_t age_years = 0;
    float skill = 0.0f;
    std::uint8_t barriers = 0;  ///< Barrier bits
    std::uint8_t arm = 0;
    // final state (after the last recorded week)
    LabourStatus status = LabourStatus::inactive;
    ClaimState claim = ClaimState::none;
    EmployerId employer = none<EmployerId>;
    float wage_per_hour = 0.0f;
    std::uint8_t hours_per_week = 0;
    std::uint8_t low_paid = 0;
    std::uint16_t tenure_weeks = 0;
    std::uint16_t spell_weeks = 0;
    std::uint8_t sanction_count = 0;
    // counted by the recorder over the recorded weeks
    std::uint32_t weeks_employed = 0;
    std::uint32_t weeks_claiming = 0;  ///< weeks with a claim (claiming or sanctioned)
    std::uint32_t hires = 0;
    std::uint32_t separations = 0;
    std::uint32_t sanctions = 0;
};

}  // namespace jobsim::output
