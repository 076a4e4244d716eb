#include "sim/observe/event_sink.hpp"

#include <tbb/parallel_sort.h>

namespace jobsim {

void EventSink::drain_sorted(std::vector<Event>& log) {
    const auto first_new = static_cast<std::ptrdiff_t>(log.size());
    for (auto& buffer : buffers_) {
        log.insert(log.end(), buffer.begin(), buffer.end());
        buffer.clear();
    }
    // event_order is total on everything an event holds, so any correct sort, parallel or not,
    // leaves the same log.
    tbb::parallel_sort(log.begin() + first_new, log.end(), event_order);
}

}  // namespace jobsim
