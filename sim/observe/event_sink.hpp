// Per-thread event buffers: mechanisms append from inside parallel loops without locks; the
// scheduler drains them into one log sorted by event_order.
#pragma once

#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include "sim/observe/event.hpp"

namespace jobsim {

class EventSink {
public:
    /// Appends an event to the calling thread's buffer. Thread-safe.
    void emit(const Event& event) { buffers_.local().push_back(event); }

    /// Moves every buffered event into `log` (appended), sorted; leaves the buffers empty.
    void drain_sorted(std::vector<Event>& log);

private:
    tbb::enumerable_thread_specific<std::vector<Event>> buffers_;
};

}  // namespace jobsim
