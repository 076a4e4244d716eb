// The rules a trial declaration must meet across keys (arms, sizes, weeks), reported with the
// scenario's other consistency problems so they carry the file, line and key.
#pragma once

#include <vector>

#include "sim/scenario/scenario.hpp"

namespace jobsim::trials {

/// Appends the trial's problems; none when the scenario declares no trial.
void check_trial(const Scenario& scenario, std::vector<ConsistencyProblem>& problems);

}  // namespace jobsim::trials
