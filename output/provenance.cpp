#include "output/provenance.hpp"

#include <array>
#include <ctime>

#include <hdf5.h>

#include "sim/core/message.hpp"

#include <unistd.h>

namespace jobsim::output {

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    std::array<char, 32> text{};
    const std::size_t length =
        std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
    return std::string(text.data(), length);
}

std::string host_name() {
    std::array<char, 256> name{};
    if (::gethostname(name.data(), name.size() - 1) != 0) {
        return "unknown";
    }
    return std::string(name.data());
}

std::string hdf5_library_version() {
    unsigned major = 0;
    unsigned minor = 0;
    unsigned release = 0;
    H5get_libversion(&major, &minor, &release);
    return message(major, '.', minor, '.', release);
}

}  // namespace jobsim::output
