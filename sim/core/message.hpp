// Type-safe message building (g++ 12 has no <format>): message("expected ", n, " got ", m).
#pragma once

#include <sstream>
#include <string>

namespace jobsim {

/// Concatenates the stream representations of its arguments.
template <class... Parts>
[[nodiscard]] std::string message(const Parts&... parts) {
    std::ostringstream out;
    (out << ... << parts);
    return out.str();
}

}  // namespace jobsim
