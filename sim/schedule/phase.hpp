// The phases of a week, in the order they run (DESIGN.md "A week").
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace jobsim {

enum class Phase : std::uint8_t {
    labour_demand = 0,
    service_contact = 1,
    conditionality = 2,
    support = 3,
    social_capital = 4,
    search_and_matching = 5,
    in_work = 6,
    record = 7,
};

inline constexpr std::array<std::string_view, 8> phase_names = {
    "labour_demand",  "service_contact",     "conditionality", "support",
    "social_capital", "search_and_matching", "in_work",        "record"};

[[nodiscard]] constexpr std::string_view name_of(Phase phase) {
    return phase_names[static_cast<std::size_t>(phase)];
}

}  // namespace jobsim
