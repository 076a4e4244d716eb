// Weekly aggregates per area, computed by the model's record phase for any recorder.
#pragma once

#include <cstdint>

#include "sim/core/ids.hpp"

namespace jobsim {

struct AreaWeek {
    Week week = 0;
    std::uint16_t area = 0;
    std::uint32_t persons = 0;
    std::uint32_t employed = 0;
    std::uint32_t unemployed = 0;
    std::uint32_t inactive = 0;
    std::uint32_t claimants = 0;
    std::uint32_t sanctioned = 0;
    std::uint32_t low_paid = 0;
    std::uint32_t open_vacancies = 0;
    std::uint32_t applications = 0;
    std::uint32_t hires = 0;
    std::uint32_t separations = 0;
    std::uint32_t meetings = 0;
    std::uint32_t sanctions = 0;
    float mean_wage_per_hour = 0.0f;  ///< over the employed; 0 when nobody is employed
    float mean_caseload = 0.0f;       ///< claimants per coach in the area
};

}  // namespace jobsim
