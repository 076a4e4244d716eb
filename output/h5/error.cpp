// HDF5 failures become OutputError with the file, the operation and HDF5's innermost reason.
#include "output/h5/error.hpp"

#include <string>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"

namespace jobsim::output::h5 {

namespace {

/// The most specific message on the current error stack (HDF5 reports the API call last).
std::string innermost_reason() {
    std::string reason;
    auto visit = [](unsigned depth, const H5E_error2_t* entry, void* data) -> herr_t {
        if (depth == 0 && entry != nullptr && entry->desc != nullptr) {
            *static_cast<std::string*>(data) = entry->desc;
        }
        return 0;
    };
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, visit, &reason);
    // A failed system call is described with its time, buffer address and sizes; what matters is
    // the operation and the system's message: "file write failed: File too large".
    const std::string marker = "error message = '";
    const std::size_t system = reason.find(marker);
    const std::size_t operation = reason.find(':');
    if (system != std::string::npos && operation < system) {
        const std::size_t start = system + marker.size();
        const std::size_t end = reason.find('\'', start);
        if (end != std::string::npos) {
            std::string shorter = reason.substr(0, operation);
            shorter += ": ";
            shorter += reason.substr(start, end - start);
            reason = std::move(shorter);
        }
    }
    return reason;
}

/// The name of the file `location` belongs to, or "" when it cannot be found.
std::string file_name_of(hid_t location) {
    if (location < 0) {
        return {};
    }
    const ssize_t length = H5Fget_name(location, nullptr, 0);
    if (length <= 0) {
        return {};
    }
    std::vector<char> name(static_cast<std::size_t>(length) + 1, '\0');
    H5Fget_name(location, name.data(), name.size());
    return std::string(name.data());
}

}  // namespace

QuietErrors::QuietErrors() {
    H5Eget_auto2(H5E_DEFAULT, &previous_function_, &previous_data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietErrors::~QuietErrors() {
    H5Eset_auto2(H5E_DEFAULT, previous_function_, previous_data_);
}

void fail(hid_t location, std::string_view operation, std::string_view object,
          std::string_view file) {
    // Read the stack before any other HDF5 call: the next call clears it.
    const std::string reason = innermost_reason();
    const std::string where = file.empty() ? file_name_of(location) : std::string(file);
    throw OutputError(message("HDF5 could not ", operation, " '", object, "'",
                              where.empty() ? "" : " in ", where, reason.empty() ? "" : ": ",
                              reason));
}

hid_t checked(hid_t id, hid_t location, std::string_view operation, std::string_view object) {
    if (id < 0) {
        fail(location, operation, object);
    }
    return id;
}

void check(herr_t status, hid_t location, std::string_view operation, std::string_view object) {
    if (status < 0) {
        fail(location, operation, object);
    }
}

}  // namespace jobsim::output::h5
