// Runs one week: every step of the week plan in order, each parallel inside.
#pragma once

#include <vector>

#include "sim/observe/event.hpp"
#include "sim/schedule/week_context.hpp"

namespace jobsim {

struct World;

/// Each person's stream-key prefix for the week, indexed by person (WeekContext::person_keys).
[[nodiscard]] std::vector<rng::EntityWeekKey> person_week_keys(rng::ReplicationKey key, Week week,
                                                               std::uint32_t persons);

/// Runs the week's steps in plan order and appends the week's events, sorted, to `events`.
/// Call inside the run's task arena.
void run_week(const WeekContext& context, World& world, std::vector<Event>& events);

}  // namespace jobsim
