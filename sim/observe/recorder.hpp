// The only interface through which the engine hands results out. The model never knows how it is
// written: output/ implements an HDF5 recorder, tests a memory one.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sim/observe/area_week.hpp"
#include "sim/observe/arm_outcomes.hpp"
#include "sim/observe/event.hpp"

namespace jobsim {

struct World;
struct Scenario;

/// What a recorder is told at the start of a run.
struct RunInfo {
    const Scenario& scenario;
    std::uint64_t seed = 0;
    std::uint32_t replications = 0;
    std::uint32_t weeks = 0;  ///< recorded weeks per replication (burn-in excluded)
    std::uint32_t threads = 0;
    std::string scenario_yaml;      ///< the fully resolved scenario (YAML)
    std::vector<std::string> arms;  ///< arm names, indexed by arm (the baseline regime first)
};

/// Receives one replication's results at a time: per replication and per arm (arms in order)
/// begin_replication, record_week x weeks, record_outcomes, end_replication. All calls come from
/// one thread at a time, in order. Burn-in weeks are not recorded (every arm starts from the same
/// world after burn-in). Week numbers start at 0 after burn-in.
class ReplicationRecorder {
public:
    virtual ~ReplicationRecorder() = default;
    /// `world` is the state at the start of recording (after burn-in).
    virtual void begin_replication(std::uint32_t replication, std::uint8_t arm,
                                   const World& world) = 0;
    virtual void record_week(Week week, const World& world, std::span<const Event> events,
                             std::span<const AreaWeek> areas) = 0;
    /// The outcomes of one (replication, arm) run, just before its end_replication. A recorder
    /// that keeps them can hand them back when a stopped run resumes (RunSpec::finished).
    virtual void record_outcomes(std::uint32_t /*replication*/, std::uint8_t /*arm*/,
                                 const ArmOutcomes& /*outcomes*/) {}
    virtual void end_replication(std::uint32_t replication, std::uint8_t arm,
                                 const World& world) = 0;
};

/// Receives a run's results: begin_run; then the replications (ReplicationRecorder); then
/// record_summary and end_run. All calls come from one thread, in order.
class Recorder : public ReplicationRecorder {
public:
    virtual void begin_run(const RunInfo& info) = 0;
    /// Every (replication, arm) run's outcomes and their summary over replications.
    virtual void record_summary(std::span<const ArmOutcomes> runs,
                                std::span<const ArmSummary> summary) = 0;
    virtual void end_run() = 0;
    /// Replications side by side (sim/run/side_by_side.hpp): a recorder for one more lane of
    /// replications, called after begin_run and destroyed before record_summary. Each lane gets
    /// its replications' calls on its own thread, at the same time as the other lanes and instead
    /// of this recorder. nullptr (the default): this recorder takes replications one after another
    /// only, and the run does so too.
    [[nodiscard]] virtual std::unique_ptr<ReplicationRecorder> side_by_side() { return nullptr; }
};

}  // namespace jobsim
