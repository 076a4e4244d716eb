// The handler only stores to lock-free atomics and calls write(2): both async-signal-safe.
#include "app/stop_signals.hpp"

#include <atomic>
#include <csignal>

#include <unistd.h>

namespace jobsim::app {
namespace {

std::atomic<bool> stop_requested{false};
std::atomic<int> stop_signal{0};
struct sigaction previous_int {};
struct sigaction previous_term {};

static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "the signal handler may only touch lock-free atomics");

extern "C" void on_stop_signal(int signal) {
    stop_signal.store(signal, std::memory_order_relaxed);
    stop_requested.store(true, std::memory_order_relaxed);
    constexpr char note[] =
        "\njobsim: stopping at the end of this week (send the signal again to stop at once)\n";
    static_cast<void>(::write(STDERR_FILENO, note, sizeof note - 1));
}

void install(int signal, struct sigaction& previous) {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    // The default action again once handled: a second signal kills.
    action.sa_flags = static_cast<int>(SA_RESETHAND | SA_RESTART);
    sigaction(signal, &action, &previous);
}

}  // namespace

StopSignals::StopSignals() {
    stop_requested.store(false);
    stop_signal.store(0);
    install(SIGINT, previous_int);
    install(SIGTERM, previous_term);
}

StopSignals::~StopSignals() {
    sigaction(SIGINT, &previous_int, nullptr);
    sigaction(SIGTERM, &previous_term, nullptr);
}

StopToken StopSignals::token() const {
    return StopToken(&stop_requested);
}

int StopSignals::received() const {
    return stop_signal.load();
}

int exit_code_for_signal(int signal) {
    return 128 + signal;
}

const char* signal_name(int signal) {
    switch (signal) {
        case SIGINT:
            return "SIGINT";
        case SIGTERM:
            return "SIGTERM";
        default:
            return "a signal";
    }
}

}  // namespace jobsim::app
