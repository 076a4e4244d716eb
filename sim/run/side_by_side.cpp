#include "sim/run/side_by_side.hpp"

#include <algorithm>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"

namespace jobsim {

const std::vector<std::string>& side_by_side_names() {
    static const std::vector<std::string> names{"auto", "on", "off"};
    return names;
}

SideBySide side_by_side_mode(const std::string& name) {
    const std::vector<std::string>& names = side_by_side_names();
    const auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
        throw UsageError(message("--side-by-side: expected auto, on or off, not '", name, "'"));
    }
    return static_cast<SideBySide>(found - names.begin());
}

std::uint32_t replication_lanes(const Scenario& scenario, SideBySide mode, std::uint32_t threads,
                                std::uint32_t to_run, const std::optional<MemoryLimit>& limit) {
    const bool wanted =
        mode == SideBySide::always ||
        (mode == SideBySide::automatic && scenario.population.persons <= side_by_side_max_persons);
    std::uint32_t lanes = wanted ? std::min(threads, to_run) : 1;
    if (lanes > 1 && limit) {
        const std::uint64_t each = std::max<std::uint64_t>(estimate_memory(scenario).total(), 1);
        lanes =
            static_cast<std::uint32_t>(std::clamp<std::uint64_t>(limit->bytes / each, 1, lanes));
    }
    return std::max<std::uint32_t>(lanes, 1);
}

}  // namespace jobsim
