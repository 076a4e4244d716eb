// Events the model emits: plain structs, written out by whichever recorder is attached.
#pragma once

#include <cstdint>

#include "sim/core/ids.hpp"

namespace jobsim {

/// What happened. Values are stored in output files: never renumber, only append.
enum class EventKind : std::uint8_t {
    hire = 1,            ///< other = employer, value = wage per hour, detail = HireChannel
    separation = 2,      ///< other = employer, value = tenure weeks, detail = destination status
    claim_start = 3,     ///< other = coach
    claim_end = 4,       ///< value = claim weeks, detail = ClaimEndReason
    meeting = 5,         ///< other = coach, value = minutes
    meeting_missed = 6,  ///< other = coach
    sanction = 7,        ///< value = weeks, detail = SanctionReason
    exit_to_inactivity = 8,  ///< value = spell weeks
    return_to_search = 9,    ///< value = 0
};

/// How a hire came about (issue 3 adds network channels).
enum class HireChannel : std::uint8_t { advert = 0 };

/// Why a claim ended (calibration.md C2: found work / failed to sign / other).
enum class ClaimEndReason : std::uint8_t {
    found_work = 0,
    stopped_claiming = 1,
    left_labour_force = 2
};

/// Why a sanction was imposed (calibration.md C5: most are for missed appointments).
enum class SanctionReason : std::uint8_t { missed_meeting = 0, insufficient_search = 1 };

struct Event {
    Week week = 0;
    EventKind kind = EventKind::hire;
    std::uint8_t detail = 0;
    PersonId person{};
    std::uint32_t other = 0;
    float value = 0.0f;
};

/// A total order on events, so the log is identical whatever order threads produced it in.
[[nodiscard]] inline bool event_order(const Event& a, const Event& b) {
    if (a.week != b.week) {
        return a.week < b.week;
    }
    if (a.kind != b.kind) {
        return a.kind < b.kind;
    }
    if (a.person != b.person) {
        return a.person < b.person;
    }
    if (a.other != b.other) {
        return a.other < b.other;
    }
    if (a.detail != b.detail) {
        return a.detail < b.detail;
    }
    return a.value < b.value;
}

}  // namespace jobsim
