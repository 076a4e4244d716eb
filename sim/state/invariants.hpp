// Invariants of the world that every week must preserve. Checked after every week when built
// with JOBSIM_CHECKS, and by the system tests on simulated worlds.
#pragma once

namespace jobsim {

struct World;

/// @throws RunError naming the first broken invariant and the entity it concerns.
void check_invariants(const World& world);

}  // namespace jobsim
