// The one progress reporter of every command: a single updating line on stderr, shown only when
// stderr is a terminal and the work has taken more than a couple of seconds, so logs and pipes
// never see it.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>

#include "sim/run/runner.hpp"

namespace jobsim::app {

class ProgressLine {
public:
    /// Reports on stderr when stderr is a terminal; silent otherwise.
    ProgressLine();
    /// Reports on `out` when `enabled`, after `delay` (tests and callers that know better).
    ProgressLine(std::ostream& out, bool enabled, std::chrono::duration<double> delay);
    /// Clears the line if one was shown.
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    /// Records progress; redraws the line at most a few times a second.
    void update(const ProgressUpdate& progress);
    /// Erases the line so what follows starts on a clean line. Idempotent.
    void finish();
    /// A callback for run_scenario that forwards to update(); valid while this object lives.
    [[nodiscard]] ProgressFn callback();

private:
    using Clock = std::chrono::steady_clock;

    std::ostream& out_;
    bool enabled_;
    std::chrono::duration<double> delay_;
    Clock::time_point start_;
    Clock::time_point last_draw_;
    std::size_t drawn_width_ = 0;  ///< characters on the line now; 0 when nothing is shown
};

}  // namespace jobsim::app
