// Writes a trial's design diagnosis to one HDF5 file under /trial (layout in output/SCHEMA.md):
// the diagnosis table, every replication's estimate beside its truth, and the trial's size in each
// replication. Written under a temporary name and renamed at the end, like every jobsim file.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "output/hdf5_recorder.hpp"
#include "sim/trials/trial.hpp"

namespace jobsim::output {

class TrialWriter {
public:
    /// Checks the destination before anything runs.
    /// @throws UsageError when the file exists and force is false, or its folder does not exist.
    explicit TrialWriter(OutputOptions options);
    ~TrialWriter();
    TrialWriter(const TrialWriter&) = delete;
    TrialWriter& operator=(const TrialWriter&) = delete;

    /// Writes everything and renames the file into place. @throws OutputError
    void write(const Scenario& scenario, const RunSpec& spec, const trials::TrialResult& result);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jobsim::output
