// How much a run's file holds (output/SCHEMA.md, "Output levels"): only the summary tables, the
// per-person tables with trajectories for a panel of persons (the default), or every person's
// trajectories. Trajectories are most of a file's size and of the output's cost, so the default
// keeps a fixed-size panel whose cost does not grow with the population.
#pragma once

#include <cstdint>
#include <vector>

namespace jobsim::output {

enum class OutputLevel : std::uint8_t {
    summary,   ///< provenance and /summary only: replication groups hold attributes, no datasets
    standard,  ///< events, area_series, persons, and trajectories of a panel of persons
    full,      ///< as standard, with every person's trajectories
};

/// The panel size `--trajectory-panel` defaults to.
inline constexpr std::uint32_t default_trajectory_panel = 2000;

struct LevelOptions {
    OutputLevel level = OutputLevel::standard;
    std::uint32_t trajectory_panel = default_trajectory_panel;  ///< standard only
};

/// "summary", "standard" or "full": the value of the root attribute `output_level`.
[[nodiscard]] const char* level_name(OutputLevel level);

/// How many persons have trajectories: 0 at summary, min(panel, persons) at standard, persons
/// at full.
[[nodiscard]] std::uint32_t trajectory_persons(const LevelOptions& options, std::uint32_t persons);

/// The person ids whose trajectories are written, ascending: none at summary, everyone at full,
/// and at standard the systematic sample floor(k * persons / n) for k = 0 .. n-1 with
/// n = min(panel, persons), which spreads over the whole id range (and so over areas) and does
/// not depend on threads.
[[nodiscard]] std::vector<std::uint32_t> trajectory_panel(const LevelOptions& options,
                                                          std::uint32_t persons);

}  // namespace jobsim::output
