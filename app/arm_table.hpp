// The summary table of arms that `jobsim run` prints: one row per outcome, one column per arm,
// with the standard error over replications in brackets when there is more than one.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "sim/observe/arm_outcomes.hpp"

namespace jobsim::app {

void print_arm_summary(std::ostream& out, const std::vector<std::string>& arm_names,
                       std::span<const ArmSummary> summary);

}  // namespace jobsim::app
