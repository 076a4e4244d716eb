#include "sim/observe/event_sink.hpp"

#include <algorithm>

namespace jobsim {

void EventSink::drain_sorted(std::vector<Event>& log) {
    const auto first_new = static_cast<std::ptrdiff_t>(log.size());
    for (auto& buffer : buffers_) {
        log.insert(log.end(), buffer.begin(), buffer.end());
        buffer.clear();
    }
    std::sort(log.begin() + first_new, log.end(), event_order);
}

}  // namespace jobsim
