// Strong ids: a person index cannot be passed where a coach index is expected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace jobsim {

enum class PersonId : std::uint32_t {};
enum class CoachId : std::uint32_t {};
enum class EmployerId : std::uint32_t {};
enum class AreaId : std::uint16_t {};

/// Raw index of a strong id.
template <class Id>
[[nodiscard]] constexpr auto index(Id id) {
    return static_cast<std::underlying_type_t<Id>>(id);
}

/// The "no such entity" value of an id type (all bits set).
template <class Id>
inline constexpr Id none = static_cast<Id>(std::numeric_limits<std::underlying_type_t<Id>>::max());

/// Largest number of arms, the baseline regime included (Persons::arm is one byte); also the most
/// saturations a randomised saturation design draws from.
inline constexpr std::size_t max_arms = 64;

/// Largest population.persons a scenario may ask for; Tie packs a person index into 27 bits.
inline constexpr std::uint32_t max_persons = 50'000'000;

/// Week number within a replication, 0-based.
using Week = std::uint32_t;

}  // namespace jobsim
