// The partial output of a run that has not finished: a folder `<output>.partial.d` beside the
// output holding `manifest.h5` (which run it belongs to) and one small HDF5 file per finished
// replication, `replication-<r>.h5`. Each is written under a `.tmp` name, closed, synced and
// renamed, so a file under its final name is complete whenever the process dies (SIGKILL
// included), and the run can be resumed from them (output/SCHEMA.md, "Writing and completeness").
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sim/observe/arm_outcomes.hpp"

namespace jobsim::output {

/// What a run's results depend on: a partial output is resumed only by the same run.
struct PartialManifest {
    std::string jobsim_version;
    std::string scenario_yaml;  ///< the fully resolved scenario (after --set, --seed, ...)
    std::uint64_t seed = 0;
    std::uint32_t replications = 0;
    std::string output_level;
    std::uint32_t trajectory_panel = 0;
};

class PartialRun {
public:
    /// The folder for `output`: `<output>.partial.d`. Nothing is created.
    explicit PartialRun(const std::filesystem::path& output);

    [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }
    /// Whether the folder exists (an interrupted run left it).
    [[nodiscard]] bool exists() const;

    /// Creates the folder afresh (an older one is removed) with its manifest. @throws OutputError
    void create(const PartialManifest& manifest);

    /// Checks that the folder belongs to the run `expected` describes and reads the finished
    /// replications' outcomes (by arm; `arms` of them each). Left-over `.tmp` files of the
    /// replication under way when the run died are removed.
    /// @throws UsageError when there is no folder, its manifest is missing, foreign or names
    ///         another run (the message says what differs), or a replication file is unreadable
    [[nodiscard]] std::map<std::uint32_t, std::vector<ArmOutcomes>> resume(
        const PartialManifest& expected, std::size_t arms) const;

    /// Where replication `r` is written, and its name once complete.
    [[nodiscard]] std::filesystem::path replication_temp(std::uint32_t r) const;
    [[nodiscard]] std::filesystem::path replication_file(std::uint32_t r) const;
    /// Syncs the closed temporary file of replication `r` and renames it to its final name.
    /// @throws OutputError
    void commit_replication(std::uint32_t r) const;
    /// Finished replication files in the folder.
    [[nodiscard]] std::uint32_t finished() const;

    /// Removes the folder and everything in it. Never throws.
    void remove() const noexcept;

private:
    std::filesystem::path folder_;
};

}  // namespace jobsim::output
