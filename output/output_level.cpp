#include "output/output_level.hpp"

#include <algorithm>
#include <numeric>

namespace jobsim::output {

const char* level_name(OutputLevel level) {
    switch (level) {
        case OutputLevel::summary:
            return "summary";
        case OutputLevel::standard:
            return "standard";
        case OutputLevel::full:
            return "full";
    }
    return "unknown";
}

std::uint32_t trajectory_persons(const LevelOptions& options, std::uint32_t persons) {
    switch (options.level) {
        case OutputLevel::summary:
            return 0;
        case OutputLevel::standard:
            return std::min(options.trajectory_panel, persons);
        case OutputLevel::full:
            return persons;
    }
    return 0;
}

std::vector<std::uint32_t> trajectory_panel(const LevelOptions& options, std::uint32_t persons) {
    const std::uint32_t n = trajectory_persons(options, persons);
    std::vector<std::uint32_t> ids(n);
    if (n == persons) {
        std::iota(ids.begin(), ids.end(), 0U);  // everyone: the sample below, without the division
        return ids;
    }
    for (std::uint32_t k = 0; k < n; ++k) {
        ids[k] = static_cast<std::uint32_t>(static_cast<std::uint64_t>(k) * persons / n);
    }
    return ids;
}

}  // namespace jobsim::output
