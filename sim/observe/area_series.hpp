// Weekly aggregates per area, from the world and the week's events. Integer counts, and sums
// equal to sums in id order (sim/schedule/exact_sum.hpp), so the figures are the same at any
// thread count.
#pragma once

#include <span>
#include <vector>

#include "sim/observe/area_week.hpp"
#include "sim/observe/event.hpp"

namespace jobsim {

struct World;

/// One row per area for the given week.
[[nodiscard]] std::vector<AreaWeek> area_series(Week week, const World& world,
                                                std::span<const Event> events);

}  // namespace jobsim
