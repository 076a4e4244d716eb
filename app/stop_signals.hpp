// SIGINT and SIGTERM turned into a request to stop (a StopToken the runner reads between weeks), so
// an interrupted run keeps its finished replications. The first signal asks; the handler then
// reverts to the default action, so a second one ends the process at once.
#pragma once

#include "sim/run/runner.hpp"

namespace jobsim::app {

class StopSignals {
public:
    /// Installs the handlers (one StopSignals at a time).
    StopSignals();
    /// Restores the previous handlers.
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// Set once a signal arrived.
    [[nodiscard]] StopToken token() const;
    /// The signal that arrived (SIGINT or SIGTERM), or 0.
    [[nodiscard]] int received() const;
};

/// The conventional exit code of a process stopped by `signal`: 128 + its number (130 for
/// SIGINT, 143 for SIGTERM).
[[nodiscard]] int exit_code_for_signal(int signal);

/// "SIGINT", "SIGTERM", or "signal N".
[[nodiscard]] const char* signal_name(int signal);

}  // namespace jobsim::app
