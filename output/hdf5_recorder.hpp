// Writes a run to one self-describing HDF5 file (layout in output/SCHEMA.md). The file is written
// under a temporary name and renamed when the run ends; an existing file is replaced only when
// asked (force). HDF5 types never appear in this header.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "output/output_level.hpp"
#include "sim/observe/recorder.hpp"

namespace jobsim::output {

struct OutputOptions {
    std::filesystem::path path;  ///< final file name
    bool force = false;          ///< replace an existing file
    std::string command;         ///< the command line, stored as provenance
};

class Hdf5Recorder final : public Recorder {
public:
    /// Checks the destination before anything runs; `level` says how much is written.
    /// @throws UsageError when the file exists and force is false, or its folder does not exist.
    explicit Hdf5Recorder(OutputOptions options, LevelOptions level = {});
    /// Removes the temporary file if the run did not reach end_run.
    ~Hdf5Recorder() override;
    Hdf5Recorder(const Hdf5Recorder&) = delete;
    Hdf5Recorder& operator=(const Hdf5Recorder&) = delete;

    void begin_run(const RunInfo& info) override;
    void begin_replication(std::uint32_t replication, std::uint8_t arm,
                           const World& world) override;
    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) override;
    void end_replication(std::uint32_t replication, std::uint8_t arm, const World& world) override;
    void record_summary(std::span<const ArmOutcomes> runs,
                        std::span<const ArmSummary> summary) override;
    /// Marks the file complete, closes it and renames it into place. @throws OutputError
    void end_run() override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jobsim::output
