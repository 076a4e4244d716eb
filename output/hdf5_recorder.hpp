// Writes a run to one self-describing HDF5 file (layout in output/SCHEMA.md). Finished replications
// are kept in a partial-output folder until the run ends, when the file is assembled under a
// temporary name and renamed; an existing file is replaced only when asked (force), and a stopped
// or killed run can be resumed. HDF5 types never appear in this header.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "output/output_level.hpp"
#include "sim/observe/recorder.hpp"

namespace jobsim::output {

struct OutputOptions {
    std::filesystem::path path;  ///< final file name
    bool force = false;          ///< replace an existing file (and, without resume, discard
                                 ///< an interrupted run's partial output)
    bool resume = false;         ///< continue the interrupted run whose partial output is there
    std::string command;         ///< the command line, stored as provenance
};

class Hdf5Recorder final : public Recorder {
public:
    /// Checks the destination before anything runs; `level` says how much is written.
    /// @throws UsageError when the file exists and force is false, or its folder does not exist.
    explicit Hdf5Recorder(OutputOptions options, LevelOptions level = {});
    /// Removes the temporary file if the run did not reach end_run, and the partial-output folder
    /// unless it holds a finished replication.
    ~Hdf5Recorder() override;
    Hdf5Recorder(const Hdf5Recorder&) = delete;
    Hdf5Recorder& operator=(const Hdf5Recorder&) = delete;

    void begin_run(const RunInfo& info) override;
    void begin_replication(std::uint32_t replication, std::uint8_t arm,
                           const World& world) override;
    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) override;
    void record_outcomes(std::uint32_t replication, std::uint8_t arm,
                         const ArmOutcomes& outcomes) override;
    void end_replication(std::uint32_t replication, std::uint8_t arm, const World& world) override;
    void record_summary(std::span<const ArmOutcomes> runs,
                        std::span<const ArmSummary> summary) override;
    /// Marks the file complete, closes it and renames it into place. @throws OutputError
    void end_run() override;
    /// A lane writing its replications to their own files of the partial-output folder, beside
    /// this recorder's; nullptr when the HDF5 library is not thread-safe.
    [[nodiscard]] std::unique_ptr<ReplicationRecorder> side_by_side() override;

    /// With `resume`: checks that the interrupted run's partial output belongs to this run and
    /// returns its finished replications' outcomes (for RunSpec::finished); empty otherwise.
    /// Call before the run. @throws UsageError naming what differs, or what is unreadable
    [[nodiscard]] std::map<std::uint32_t, std::vector<ArmOutcomes>> finished_replications(
        const Scenario& scenario, std::uint64_t seed, std::uint32_t replications) const;

private:
    struct Impl;
    class Lane;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jobsim::output
