// An output file written under a temporary name (`<path>.partial`) and renamed into place only
// when complete, so a reader never sees a half-written file and a failed run never replaces an
// earlier result. Knows nothing of HDF5.
#pragma once

#include <filesystem>

namespace jobsim::output {

/// Asks the kernel to put a file's (or a folder's) contents on disk; false if that failed (some
/// file systems cannot sync a folder).
bool sync_to_disk(const std::filesystem::path& path, bool folder);

class AtomicFile {
public:
    /// Checks the destination without creating anything: the folder must exist and be writable,
    /// and `path` must not exist unless `force`.
    /// @throws UsageError when any check fails
    AtomicFile(std::filesystem::path path, bool force);
    /// Removes the temporary file unless commit() succeeded.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// The final name.
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    /// The temporary name written to until commit(): `<path>.partial`.
    [[nodiscard]] const std::filesystem::path& partial_path() const { return partial_; }
    [[nodiscard]] bool committed() const { return committed_; }

    /// Syncs the (closed) temporary file to disk and renames it onto the final name, replacing an
    /// older file only when `force` was given.
    /// @throws OutputError when the rename fails or, without force, the final name appeared
    ///         meanwhile (the temporary file is then kept, and named in the message)
    void commit();

    /// Removes the temporary file if it exists. Never throws.
    void discard() noexcept;

private:
    std::filesystem::path path_;
    std::filesystem::path partial_;
    bool force_ = false;
    bool committed_ = false;
    bool keep_partial_ = false;
};

}  // namespace jobsim::output
