// Whether a run's replications go side by side (several at once, one lane of replications per
// thread, each week's phases run by its lane) or one after another (each week's phases parallel
// over every thread). Parallelism within a week pays at large populations but scales poorly at
// small ones (issue 5: 20k persons, 1.5x from 1 to 2 threads), where replications side by side
// come close to 2x. Results are the same either way. Side by side holds a world per lane, so the
// lanes are capped at what fits in memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/run/memory_estimate.hpp"
#include "sim/scenario/scenario.hpp"

namespace jobsim {

enum class SideBySide : std::uint8_t {
    automatic,  ///< side by side when a replication is small (side_by_side_max_persons)
    always,     ///< side by side whenever there are two threads and two replications to run
    never,      ///< one after another
};

/// Persons per replication up to which `automatic` runs replications side by side: above it a
/// week has enough work to keep the threads busy on its own, and each lane's world costs memory.
inline constexpr std::uint32_t side_by_side_max_persons = 200'000;

/// "auto", "on", "off": the values `jobsim run --side-by-side` takes, in SideBySide's order.
[[nodiscard]] const std::vector<std::string>& side_by_side_names();

/// The mode named `name` (one of side_by_side_names()). @throws UsageError otherwise
[[nodiscard]] SideBySide side_by_side_mode(const std::string& name);

/// Replications to run at once: 1 runs them one after another. Side by side (`mode`, and the
/// scenario's persons for `automatic`) it is min(threads, replications to run), capped so that
/// that many replications' memory estimates fit in `limit` (no cap when nullopt).
[[nodiscard]] std::uint32_t replication_lanes(const Scenario& scenario, SideBySide mode,
                                              std::uint32_t threads, std::uint32_t to_run,
                                              const std::optional<MemoryLimit>& limit);

}  // namespace jobsim
