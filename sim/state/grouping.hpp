// The one counting sort behind every by-group index (areas' members, employers' vacancies,
// employers' applications): linear in the items, stable, so a group lists its items in item order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/state/world.hpp"

namespace jobsim {

/// Groups items 0 .. count-1 into `groups` lists: item k goes to group group_of(k) as value_of(k),
/// in item order; an item whose group_of(k) is `groups` or more belongs to no group and is left
/// out.
template <class GroupOf, class ValueOf>
[[nodiscard]] auto group_stably(std::uint32_t groups, std::size_t count, const GroupOf& group_of,
                                const ValueOf& value_of) {
    Grouped<decltype(value_of(std::size_t{0}))> grouped;
    grouped.offsets.assign(static_cast<std::size_t>(groups) + 1, 0);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t g = group_of(k);
        if (g < groups) {
            ++grouped.offsets[g + 1];
        }
    }
    for (std::size_t g = 0; g < groups; ++g) {
        grouped.offsets[g + 1] += grouped.offsets[g];
    }
    grouped.values.resize(grouped.offsets[groups]);
    std::vector<std::uint32_t> cursor(grouped.offsets.begin(), grouped.offsets.end() - 1);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t g = group_of(k);
        if (g < groups) {
            grouped.values[cursor[g]++] = value_of(k);
        }
    }
    return grouped;
}

}  // namespace jobsim
