// Time to work by arm (issue 4): in each replication, the Kaplan-Meier curve of the enrolled
// people who responded at the longest horizon, from their enrolment to their first job start,
// censored at that horizon; averaged over replications week by week. The log-rank test of the
// same data is one of the estimators (Estimator::log_rank).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/trials/trial.hpp"
#include "sim/trials/trial_worlds.hpp"

namespace jobsim::trials {

/// One replication's curves: arms x weeks (1 to the longest horizon), arm-major; NaN for an arm
/// without responders. Empty for a stepped wedge (no arm is fixed for the whole follow-up).
[[nodiscard]] std::vector<double> time_to_work_curves(const TrialSpec& spec,
                                                      const TrialReplication& replication,
                                                      std::size_t arms);

/// The mean over replications of their curves.
[[nodiscard]] std::vector<TimeToWork> mean_time_to_work(
    const std::vector<std::vector<double>>& curves, std::size_t arms, std::uint32_t weeks);

}  // namespace jobsim::trials
