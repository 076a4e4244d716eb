// Where and when an output file was made: the run-to-run variable provenance every jobsim file
// stores as root attributes (never inside the data, so two runs compare equal with h5diff).
#pragma once

#include <string>

namespace jobsim::output {

/// The current time as ISO 8601 UTC, e.g. "2026-11-23T18:40:00Z".
[[nodiscard]] std::string utc_now();

/// This machine's host name, or "unknown".
[[nodiscard]] std::string host_name();

/// The HDF5 library's version, e.g. "1.10.8".
[[nodiscard]] std::string hdf5_library_version();

}  // namespace jobsim::output
