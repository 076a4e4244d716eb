// Test helpers: a small scenario, and running weeks directly (no recorder, no files).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "sim/observe/event.hpp"
#include "sim/population/generate.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/schedule/scheduler.hpp"
#include "sim/state/world.hpp"

namespace jobsim::testing {

/// The default scenario at a test size.
inline Scenario small_scenario(std::uint32_t persons = 4000, std::uint16_t areas = 4) {
    Scenario scenario = default_scenario();
    scenario.population.persons = persons;
    scenario.population.areas = areas;
    scenario.labour_market.employers_per_area = 40;
    scenario.service.coaches_per_area = 1;
    return scenario;
}

/// Result of simulating some weeks.
struct Simulated {
    World world;
    std::vector<Event> events;  ///< all weeks, each week sorted
};

/// Generates a world and runs `weeks` weeks on `threads` threads. `between_weeks` (if set) is
/// called before each week, e.g. to change the world mid-run.
inline Simulated simulate(const Scenario& scenario, std::uint64_t seed, std::uint32_t weeks,
                          std::uint32_t threads = 2,
                          const std::function<void(Week, World&)>& between_weeks = {}) {
    // Lift TBB's cap (the core count) so a 4-thread test really runs 4 workers on 2 cores.
    const tbb::global_control allow(tbb::global_control::max_allowed_parallelism, threads);
    tbb::task_arena arena(static_cast<int>(threads));
    const auto key = rng::ReplicationKey::make(seed, 0);
    const std::vector<Regime> arms{scenario.regime};
    Simulated out;
    arena.execute([&] { out.world = generate_world(scenario, key); });
    for (Week week = 0; week < weeks; ++week) {
        if (between_weeks) {
            between_weeks(week, out.world);
        }
        const WeekContext context{scenario, arms, key, week};
        arena.execute([&] { run_week(context, out.world, out.events); });
    }
    return out;
}

/// Counts events of a kind.
inline std::size_t count_events(const std::vector<Event>& events, EventKind kind) {
    std::size_t n = 0;
    for (const Event& event : events) {
        n += event.kind == kind;
    }
    return n;
}

/// Share of persons with a status.
inline double share_with(const Persons& persons, LabourStatus status) {
    std::size_t n = 0;
    for (const auto s : persons.status) {
        n += s == status;
    }
    return static_cast<double>(n) / persons.size();
}

}  // namespace jobsim::testing
