// Temporary name + rename: the POSIX rename is atomic, so the final name holds either the old file
// or the complete new one.
#include "output/atomic_file.hpp"

#include <system_error>
#include <utility>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace jobsim::output {

namespace fs = std::filesystem;

bool sync_to_disk(const fs::path& path, bool folder) {
    const int flags = folder ? O_RDONLY | O_DIRECTORY : O_RDONLY;
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

AtomicFile::AtomicFile(fs::path path, bool force) : path_(std::move(path)), force_(force) {
    if (path_.empty() || !path_.has_filename()) {
        throw UsageError(message("output file name '", path_.string(), "' is not a file name"));
    }
    partial_ = path_;
    partial_ += ".partial";

    std::error_code error;
    const fs::file_status status = fs::status(path_, error);
    if (fs::exists(status)) {
        if (fs::is_directory(status)) {
            throw UsageError(message("output '", path_.string(), "' is a folder, not a file"));
        }
        if (!force_) {
            throw UsageError(
                message("output file '", path_.string(), "' exists; pass --force to overwrite"));
        }
    }
    const fs::path folder = path_.has_parent_path() ? path_.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, error)) {
        throw UsageError(message("cannot write '", path_.string(), "': the folder '",
                                 folder.string(), "' does not exist"));
    }
    if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        throw UsageError(message("cannot write '", path_.string(), "': the folder '",
                                 folder.string(), "' is not writable"));
    }
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !keep_partial_) {
        discard();
    }
}

void AtomicFile::commit() {
    if (committed_) {
        return;
    }
    std::error_code error;
    if (!force_ && fs::exists(path_, error)) {
        keep_partial_ = true;
        throw OutputError(message("output file '", path_.string(),
                                  "' appeared while the run was writing; the results are kept in '",
                                  partial_.string(), "'"));
    }
    if (!sync_to_disk(partial_, false)) {
        throw OutputError(message("cannot sync '", partial_.string(), "' to disk"));
    }
    fs::rename(partial_, path_, error);
    if (error) {
        throw OutputError(message("cannot rename '", partial_.string(), "' to '", path_.string(),
                                  "': ", error.message()));
    }
    committed_ = true;
    // Make the rename itself durable; some file systems cannot sync a folder, which is harmless.
    const fs::path folder = path_.has_parent_path() ? path_.parent_path() : fs::path(".");
    static_cast<void>(sync_to_disk(folder, true));
}

void AtomicFile::discard() noexcept {
    std::error_code ignored;
    fs::remove(partial_, ignored);
}

}  // namespace jobsim::output
