// Progress line: replication r/R, week w/W, percent, elapsed and estimated time left.
#include "app/progress.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace jobsim::app {
namespace {

/// Two seconds: short runs finish before a progress line would help.
constexpr std::chrono::duration<double> default_delay{2.0};
/// Redraw at most four times a second so the terminal is not flooded.
constexpr std::chrono::duration<double> redraw_interval{0.25};

std::string format_duration(double seconds) {
    const auto total = static_cast<long long>(std::llround(std::max(seconds, 0.0)));
    std::ostringstream text;
    if (total >= 3600) {
        text << total / 3600 << ':' << std::setw(2) << std::setfill('0') << (total / 60) % 60;
    } else {
        text << total / 60;
    }
    text << ':' << std::setw(2) << std::setfill('0') << total % 60;
    return text.str();
}

}  // namespace

ProgressLine::ProgressLine() : ProgressLine(std::cerr, isatty(STDERR_FILENO) == 1, default_delay) {}

ProgressLine::ProgressLine(std::ostream& out, bool enabled, std::chrono::duration<double> delay)
    : out_(out), enabled_(enabled), delay_(delay), start_(Clock::now()), last_draw_(start_) {}

ProgressLine::~ProgressLine() {
    finish();
}

void ProgressLine::update(const ProgressUpdate& progress) {
    if (!enabled_) {
        return;
    }
    const Clock::time_point now = Clock::now();
    const std::chrono::duration<double> elapsed = now - start_;
    if (elapsed < delay_ || (drawn_width_ > 0 && now - last_draw_ < redraw_interval)) {
        return;
    }
    last_draw_ = now;

    const double weeks_total = std::max(1.0, static_cast<double>(progress.weeks_total));
    const double replications = std::max(1.0, static_cast<double>(progress.replications));
    const double done = std::clamp(
        (static_cast<double>(progress.replication) + progress.week / weeks_total) / replications,
        0.0, 1.0);
    std::ostringstream line;
    line << "replication " << progress.replication + 1 << '/' << progress.replications << "  week "
         << progress.week << '/' << progress.weeks_total << "  " << std::fixed
         << std::setprecision(0) << 100.0 * done << "%  elapsed "
         << format_duration(elapsed.count());
    if (done > 0.0) {
        line << "  ETA " << format_duration(elapsed.count() * (1.0 - done) / done);
    }
    const std::string text = line.str();
    // Pad over the previous line's leftovers: a shorter line must not leave stale characters.
    const std::size_t width = std::max(text.size(), drawn_width_);
    out_ << '\r' << text << std::string(width - text.size(), ' ') << std::flush;
    drawn_width_ = width;
}

void ProgressLine::finish() {
    if (drawn_width_ > 0) {
        out_ << '\r' << std::string(drawn_width_, ' ') << '\r' << std::flush;
        drawn_width_ = 0;
    }
}

ProgressFn ProgressLine::callback() {
    return [this](const ProgressUpdate& progress) { update(progress); };
}

}  // namespace jobsim::app
