// Builds the world at the start of a replication from the scenario: areas on a grid, employers
// with sectors and sizes, coaches, and people with traits and a starting labour-market state.
// Seeds A1, A2, A5; calibration.md C12 (starting rates). Every draw is keyed by entity, so the
// world is the same at any thread count.
#pragma once

#include "sim/rng/stream.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

/// Generates the starting world. Runs parallel loops: call inside the run's task arena.
[[nodiscard]] World generate_world(const Scenario& scenario, rng::ReplicationKey key);

/// Area of person i when persons are split evenly into contiguous blocks (neighbours in memory
/// share an area, which keeps per-area loops cache friendly).
[[nodiscard]] constexpr AreaId home_area(std::uint32_t person, std::uint32_t persons,
                                         std::uint16_t areas) {
    return static_cast<AreaId>(static_cast<std::uint64_t>(person) * areas / persons);
}

/// Wage of a job with the given skill need in a sector, before individual noise.
[[nodiscard]] double sector_wage(const SectorSpec& sector, double skill_need, double premium);

/// Builds the by-area index of ids from an area column (counting sort, stable by id).
template <class AreaColumn>
[[nodiscard]] Grouped<std::uint32_t> group_by_area(const AreaColumn& area_of, std::uint16_t areas);

}  // namespace jobsim

#include "sim/population/group_by_area.ipp"
