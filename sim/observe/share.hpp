#pragma once

#include <cstdint>
#include <limits>

namespace jobsim {

/// An outcome that could not be measured (no one to measure it on) is NaN, not 0: a share of an
/// empty group would otherwise read as a real zero in reports.
inline constexpr double not_measured = std::numeric_limits<double>::quiet_NaN();

/// part / whole, or not_measured when whole is 0.
inline double share(std::uint32_t part, std::uint32_t whole) {
    return whole == 0 ? not_measured : static_cast<double>(part) / whole;
}

}  // namespace jobsim
