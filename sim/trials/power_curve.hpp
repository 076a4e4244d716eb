// Power curves over the number of clusters and people per cluster (issue 4). Each simulated trial
// is subsampled to a smaller one of the same design: clusters kept in proportion to their arms
// (saturations, steps), people in proportion to their arms, each chosen at random. The estimators
// then see only the subsample, and the diagnosis over replications gives power and the minimum
// detectable effect at that size. Sizes beyond the simulated population need a larger population.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/trials/trial.hpp"
#include "sim/trials/trial_worlds.hpp"

namespace jobsim::trials {

/// The sizes of the curve: every pair from the spec's lists (0 stands for "all simulated").
[[nodiscard]] std::vector<PowerPoint> power_points(const TrialSpec& spec);

/// The estimates of the primary outcome at the longest horizon in each subsample of one
/// replication, one group per point (in power_points order).
[[nodiscard]] std::vector<PowerDraw> power_curve_draws(const TrialSpec& spec,
                                                       const TrialReplication& rep,
                                                       rng::ReplicationKey key,
                                                       std::uint32_t replication);

}  // namespace jobsim::trials
