// A recorder that keeps nothing: the benchmark uses it to time the model without output cost.
#pragma once

#include <memory>

#include "sim/observe/recorder.hpp"

namespace jobsim::app {

class NullRecorder final : public Recorder {
public:
    void begin_run(const RunInfo& /*info*/) override {}
    void begin_replication(std::uint32_t /*replication*/, std::uint8_t /*arm*/,
                           const World& /*world*/) override {}
    void record_week(Week /*week*/, const World& /*world*/, std::span<const Event> /*events*/,
                     std::span<const AreaWeek> /*areas*/) override {}
    void end_replication(std::uint32_t /*replication*/, std::uint8_t /*arm*/,
                         const World& /*world*/) override {}
    void record_summary(std::span<const ArmOutcomes> /*runs*/,
                        std::span<const ArmSummary> /*summary*/) override {}
    void end_run() override {}
    /// Keeping nothing, it keeps nothing side by side too.
    [[nodiscard]] std::unique_ptr<ReplicationRecorder> side_by_side() override {
        return std::make_unique<NullRecorder>();
    }
};

}  // namespace jobsim::app
