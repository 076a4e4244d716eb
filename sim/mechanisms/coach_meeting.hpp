// Claimants meet their coach at a set interval. The coach's meeting hours (service block) divided
// over the meetings due set the mean minutes a meeting gets (caseload follows from coaches per
// area); each attended meeting's length is drawn around that mean (lognormal: most are short, a few
// run long), and minutes lift search effort for the following weeks. Seeds A2, B6, B7, R3, R7;
// calibration.md R9. YAML: regime.coach_meeting. Phase: service_contact.
#pragma once

#include <cstdint>

#include "sim/scenario/describe.hpp"
#include "sim/schedule/mechanism_fwd.hpp"

namespace jobsim::mechanisms {

struct CoachMeetingParams {
    bool enabled = true;
    std::uint32_t interval_weeks = 2;
    double standard_minutes = 10.0;
    double length_log_sd = 0.5;
    double attendance_probability = 0.97;
    double attendance_loss_per_barrier = 0.02;
    double effort_boost_per_10_minutes = 0.15;
    double boost_weekly_decay = 0.5;
};

template <class Visitor>
void describe(Visitor& v, CoachMeetingParams& p) {
    using scenario::non_negative;
    using scenario::probability;
    v.field("enabled", p.enabled, {.doc = "Claimants meet a coach (off: no meetings)."});
    v.field("interval_weeks", p.interval_weeks,
            {.doc = "Weeks between meetings (1 = weekly, 2 = fortnightly).",
             .min = 1,
             .max = 52,
             .unit = "weeks",
             .source = "seed 004 L1161 (R7: weekly or fortnightly)"});
    v.field("standard_minutes", p.standard_minutes,
            {.doc = "Length of a meeting when the coach has time for it.",
             .min = 1.0,
             .max = 240.0,
             .unit = "minutes",
             .source = "seed 004 L1199 (R7: 60% 10 minutes or less)"});
    v.field("length_log_sd", p.length_log_sd,
            {.doc = "Spread of meeting lengths around the coach's minutes per meeting: lognormal "
                    "with that mean and this SD of log minutes (0 = every meeting the same).",
             .min = 0.0,
             .max = 2.0,
             .unit = "log minutes",
             .source = "calibrated to seed R7 / calibration.md R9 (60% of meetings 10 minutes or "
                       "less, 85% 15 or less: with a mean of 10, a log SD of 0.5 gives 60% and "
                       "85%)"});
    v.field("attendance_probability", p.attendance_probability,
            probability("Chance a claimant with no barriers attends a due meeting."));
    v.field("attendance_loss_per_barrier", p.attendance_loss_per_barrier,
            probability("Attendance chance falls by this much per barrier."));
    v.field("effort_boost_per_10_minutes", p.effort_boost_per_10_minutes,
            non_negative("Search effort rises by this share per 10 minutes of meeting.",
                         "share per 10 minutes", "assumption; seed R3 (direction)"));
    v.field("boost_weekly_decay", p.boost_weekly_decay,
            probability("Share of the meeting boost lost each week after the meeting."));
}

/// Length of one meeting: lognormal with mean `mean_minutes` and log SD `log_sd`, from the
/// standard normal `z`; capped at 240 minutes.
[[nodiscard]] double meeting_length_minutes(double mean_minutes, double log_sd, double z);

/// Recounts caseloads, holds due meetings and decays meeting boosts. Thread-safe over persons
/// after a serial per-coach pass; draws Purpose::meeting_attendance and Purpose::meeting_length.
void coach_meeting(const WeekContext& context, World& world, EventSink& events);

}  // namespace jobsim::mechanisms
