// Runs a scenario inside a TBB arena of the requested size: replications one after another, each
// week's phases parallel, or small replications side by side (sim/run/side_by_side.hpp). Results
// do not depend on the thread count or the mode.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/observe/arm_outcomes.hpp"
#include "sim/run/side_by_side.hpp"
#include "sim/scenario/scenario.hpp"

namespace jobsim {

class Recorder;

/// A request to stop, set from outside the run (a signal handler) and read by the runner between
/// weeks only: the model never sees it.
class StopToken {
public:
    StopToken() = default;
    explicit StopToken(const std::atomic<bool>* flag) : flag_(flag) {}
    [[nodiscard]] bool requested() const {
        return flag_ != nullptr && flag_->load(std::memory_order_relaxed);
    }

private:
    const std::atomic<bool>* flag_ = nullptr;
};

/// How to run, apart from what the model is (FLAME GPU's run plan vs model description).
struct RunSpec {
    std::uint64_t seed = 1;
    std::uint32_t replications = 1;
    std::uint32_t threads = 1;
    /// Whether replications may run side by side (only with a recorder that has lanes).
    SideBySide side_by_side = SideBySide::automatic;
    /// Checked at every week boundary; when set the run stops there (RunStopped).
    StopToken stop{};
    /// Replications an interrupted run finished already, with their outcomes by arm (--resume):
    /// not run again. A replication depends only on (seed, index), so the result is the same.
    std::map<std::uint32_t, std::vector<ArmOutcomes>> finished{};
};

/// Thrown by run_scenario when the StopToken was set: the run stopped at a week boundary, before
/// record_summary. The replications under way are not finished; the others are.
class RunStopped : public Error {
public:
    explicit RunStopped(std::uint32_t replications_finished)
        : Error("the run was stopped"), replications_finished_(replications_finished) {}
    /// Replications finished in every arm, those taken from `RunSpec::finished` included.
    [[nodiscard]] std::uint32_t replications_finished() const { return replications_finished_; }

private:
    std::uint32_t replications_finished_;
};

/// Called after every simulated week (burn-in included), one call at a time: on the calling
/// thread, or side by side on the lanes' threads with the weeks done over all replications (as
/// whole replications finished, and weeks into the next).
struct ProgressUpdate {
    std::uint32_t replication = 0;
    std::uint32_t replications = 0;
    std::uint32_t week = 0;         ///< weeks done in this replication, burn-in included
    std::uint32_t weeks_total = 0;  ///< burn-in + recorded weeks x arms
};
using ProgressFn = std::function<void(const ProgressUpdate&)>;

/// Runs every replication: burn-in under the baseline regime, then the same world once per arm
/// (common random numbers: the arm is not part of any random key). Calls the recorder on the
/// calling thread (side by side, its lanes on theirs) and returns the summary of arms, over the
/// replications in order. Replications in `spec.finished` are skipped (their outcomes enter the
/// summary as given).
/// @throws RunStopped when spec.stop was set; RunError when an invariant breaks; whatever the
///         recorder throws (OutputError).
std::vector<ArmSummary> run_scenario(const Scenario& scenario, const RunSpec& spec,
                                     Recorder& recorder, const ProgressFn& progress = {});

}  // namespace jobsim
