// Runs a scenario: replications one after another, each week's phases parallel inside a TBB
// arena of the requested size. Results do not depend on the thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/observe/arm_outcomes.hpp"
#include "sim/scenario/scenario.hpp"

namespace jobsim {

class Recorder;

/// How to run, apart from what the model is (FLAME GPU's run plan vs model description).
struct RunSpec {
    std::uint64_t seed = 1;
    std::uint32_t replications = 1;
    std::uint32_t threads = 1;
};

/// Called after every simulated week (burn-in included) on the calling thread.
struct ProgressUpdate {
    std::uint32_t replication = 0;
    std::uint32_t replications = 0;
    std::uint32_t week = 0;         ///< weeks done in this replication, burn-in included
    std::uint32_t weeks_total = 0;  ///< burn-in + recorded weeks x arms
};
using ProgressFn = std::function<void(const ProgressUpdate&)>;

/// Runs every replication: burn-in under the baseline regime, then the same world once per arm
/// (common random numbers: the arm is not part of any random key). Calls the recorder on the
/// calling thread and returns the summary of arms.
/// @throws RunError when an invariant breaks; whatever the recorder throws (OutputError).
std::vector<ArmSummary> run_scenario(const Scenario& scenario, const RunSpec& spec,
                                     Recorder& recorder, const ProgressFn& progress = {});

}  // namespace jobsim
