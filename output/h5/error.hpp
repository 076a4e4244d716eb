// Turning HDF5's error stack into jobsim::OutputError, which names the file and the operation.
// HDF5's automatic printing of its error stack to stderr is switched off while jobsim calls it.
#pragma once

#include <string>
#include <string_view>

#include <hdf5.h>

namespace jobsim::output::h5 {

/// Switches off HDF5's automatic error printing on this thread for the scope's lifetime and
/// restores the previous handler afterwards. Create one at the top of every public entry point.
class QuietErrors {
public:
    QuietErrors();
    ~QuietErrors();
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

private:
    H5E_auto2_t previous_function_ = nullptr;
    void* previous_data_ = nullptr;
};

/// Throws OutputError "HDF5 could not <operation> '<object>' in <file>: <HDF5's reason>".
/// `file` is the file's name, or empty to look it up from `location`.
/// @throws OutputError always
[[noreturn]] void fail(hid_t location, std::string_view operation, std::string_view object,
                       std::string_view file = {});

/// Returns `id` when valid, otherwise throws as fail() does. @throws OutputError
hid_t checked(hid_t id, hid_t location, std::string_view operation, std::string_view object);

/// Throws as fail() does when `status` is negative. @throws OutputError
void check(herr_t status, hid_t location, std::string_view operation, std::string_view object);

}  // namespace jobsim::output::h5
