// Implementation of group_by_area (included from generate.hpp).
#pragma once

namespace jobsim {

template <class AreaColumn>
Grouped<std::uint32_t> group_by_area(const AreaColumn& area_of, std::uint16_t areas) {
    Grouped<std::uint32_t> grouped;
    grouped.offsets.assign(static_cast<std::size_t>(areas) + 1, 0);
    for (const auto area : area_of) {
        ++grouped.offsets[static_cast<std::size_t>(index(area)) + 1];
    }
    for (std::size_t a = 0; a < areas; ++a) {
        grouped.offsets[a + 1] += grouped.offsets[a];
    }
    grouped.values.resize(area_of.size());
    std::vector<std::uint32_t> cursor(grouped.offsets.begin(), grouped.offsets.end() - 1);
    for (std::uint32_t i = 0; i < area_of.size(); ++i) {
        grouped.values[cursor[index(area_of[i])]++] = i;
    }
    return grouped;
}

}  // namespace jobsim
