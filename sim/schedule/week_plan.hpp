// The week: every mechanism, in the order it runs. The one file to read to know what happens in
// a week; `jobsim plan` prints it.
#pragma once

#include <span>
#include <string_view>

#include "sim/schedule/phase.hpp"
#include "sim/schedule/week_context.hpp"

namespace jobsim {

struct PlannedStep {
    std::string_view name;  ///< mechanism name = file stem = YAML key = test stem
    Phase phase;
    MechanismFn run;
};

/// Steps in the order they run; phases never go backwards.
[[nodiscard]] std::span<const PlannedStep> week_plan();

}  // namespace jobsim
