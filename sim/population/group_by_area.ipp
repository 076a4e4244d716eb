// Implementation of group_by_area (included from generate.hpp).
#pragma once

#include "sim/state/grouping.hpp"

namespace jobsim {

template <class AreaColumn>
Grouped<std::uint32_t> group_by_area(const AreaColumn& area_of, std::uint16_t areas) {
    return group_stably(
        areas, area_of.size(), [&area_of](std::size_t i) { return index(area_of[i]); },
        [](std::size_t i) { return static_cast<std::uint32_t>(i); });
}

}  // namespace jobsim
