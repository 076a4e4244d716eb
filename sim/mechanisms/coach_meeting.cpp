#include "sim/mechanisms/coach_meeting.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <boost/random/normal_distribution.hpp>

#include "sim/mechanisms/group_consultations.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

/// Minutes are counted in tenths as integers so the per-coach totals are order-free.
constexpr double tenths_per_minute = 10.0;

/// Claimants, and non-claimants with a coach who are out of work (voluntary users, issue 3), meet
/// their coach; coaches reach people in work through in-work contacts instead.
bool meets_coach(const Persons& p, std::uint32_t i) {
    return p.coach[i] != none<CoachId> &&
           (p.claim[i] != ClaimState::none || p.status[i] != LabourStatus::employed);
}

bool meeting_due(const Persons& p, std::uint32_t i) {
    return meets_coach(p, i) && p.weeks_to_meeting[i] == 0;
}

/// Coach time each coach's due meetings would take at full length, in tenths of a minute.
struct Demand {
    std::vector<std::uint32_t> one_to_one_tenths;
    std::vector<std::uint32_t> group_tenths;  ///< meetings held as group consultations
};

/// Recounts each coach's caseload, the one-to-one meetings due and the minutes the due meetings
/// would take at full length.
Demand count_demand(const WeekContext& context, World& world) {
    Persons& p = world.persons;
    Coaches& coaches = world.coaches;
    std::fill(coaches.caseload.begin(), coaches.caseload.end(), 0);
    std::fill(coaches.meetings_due.begin(), coaches.meetings_due.end(), 0);
    Demand demand{std::vector<std::uint32_t>(coaches.size(), 0),
                  std::vector<std::uint32_t>(coaches.size(), 0)};
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        if (!meets_coach(p, i)) {
            return;
        }
        const auto c = index(p.coach[i]);
        std::atomic_ref<std::uint32_t>(coaches.caseload[c]).fetch_add(1, std::memory_order_relaxed);
        const CoachMeetingParams& params = context.regime(p.arm[i]).coach_meeting;
        if (params.enabled && p.weeks_to_meeting[i] == 0) {
            const double group_minutes = group_consultation_minutes(context, p, i);
            if (group_minutes > 0.0) {
                std::atomic_ref<std::uint32_t>(demand.group_tenths[c])
                    .fetch_add(
                        static_cast<std::uint32_t>(std::lround(group_minutes * tenths_per_minute)),
                        std::memory_order_relaxed);
                return;
            }
            std::atomic_ref<std::uint32_t>(coaches.meetings_due[c])
                .fetch_add(1, std::memory_order_relaxed);
            std::atomic_ref<std::uint32_t>(demand.one_to_one_tenths[c])
                .fetch_add(static_cast<std::uint32_t>(
                               std::lround(params.standard_minutes * tenths_per_minute)),
                           std::memory_order_relaxed);
        }
    });
    return demand;
}

constexpr double longest_meeting_minutes = 240.0;

}  // namespace

double meeting_length_minutes(double mean_minutes, double log_sd, double z) {
    // exp(sd z - sd^2 / 2) has mean 1, so the coach's minutes per meeting stay the mean.
    return std::min(mean_minutes * std::exp(log_sd * z - 0.5 * log_sd * log_sd),
                    longest_meeting_minutes);
}

void coach_meeting(const WeekContext& context, World& world, EventSink& events) {
    Persons& p = world.persons;
    Coaches& coaches = world.coaches;
    const Demand demand = count_demand(context, world);
    const std::vector<std::uint32_t>& demanded_tenths = demand.one_to_one_tenths;

    // When the meetings due need more than the coach's meeting hours, all are cut in proportion.
    // Group consultations take less coach time per person, which leaves more for one-to-ones.
    const double share = context.scenario.service.share_of_hours_for_meetings;
    std::vector<float> time_scale(coaches.size(), 1.0f);
    for (std::uint32_t c = 0; c < coaches.size(); ++c) {
        const double available = coaches.hours_per_week[c] * 60.0 * share;
        const double demanded = (demanded_tenths[c] + demand.group_tenths[c]) / tenths_per_minute;
        time_scale[c] = demanded > available ? static_cast<float>(available / demanded) : 1.0f;
        coaches.minutes_per_meeting[c] = 0.0f;
    }

    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const CoachMeetingParams& params = context.regime(p.arm[i]).coach_meeting;
        p.meeting_this_week[i] = MeetingOutcome::none;
        p.meeting_minutes[i] = 0;
        if (!params.enabled) {
            return;
        }
        p.meeting_boost[i] *= static_cast<float>(1.0 - params.boost_weekly_decay);
        if (!meets_coach(p, i)) {
            return;
        }
        if (!meeting_due(p, i)) {
            --p.weeks_to_meeting[i];
            return;
        }
        p.weeks_to_meeting[i] = static_cast<std::uint8_t>(params.interval_weeks - 1);
        const auto c = index(p.coach[i]);
        auto stream = context.person_stream(i, rng::Purpose::meeting_attendance);
        const double attend = params.attendance_probability -
                              params.attendance_loss_per_barrier * count_barriers(p.barriers[i]);
        if (!stream.bernoulli(attend)) {
            p.meeting_this_week[i] = MeetingOutcome::missed;
            events.emit({.week = context.week,
                         .kind = EventKind::meeting_missed,
                         .person = static_cast<PersonId>(i),
                         .other = c});
            return;
        }
        const double group_minutes = group_consultation_minutes(context, p, i);
        const bool group = group_minutes > 0.0;
        double minutes = group_minutes * time_scale[c];
        if (!group) {
            // A one-to-one's own length varies around the coach's minutes per meeting (R7).
            boost::random::normal_distribution<double> normal;
            auto length_stream = context.person_stream(i, rng::Purpose::meeting_length);
            minutes = meeting_length_minutes(params.standard_minutes * time_scale[c],
                                             params.length_log_sd, normal(length_stream));
        }
        p.meeting_this_week[i] = group ? MeetingOutcome::group : MeetingOutcome::attended;
        // In a group: the coach's minutes per attendee.
        p.meeting_minutes[i] = static_cast<std::uint8_t>(std::lround(minutes));
        p.meeting_boost[i] +=
            static_cast<float>(params.effort_boost_per_10_minutes * minutes / 10.0);
        events.emit({.week = context.week,
                     .kind = group ? EventKind::group_consultation : EventKind::meeting,
                     .person = static_cast<PersonId>(i),
                     .other = c,
                     .value = static_cast<float>(minutes)});
    });
    for (std::uint32_t c = 0; c < coaches.size(); ++c) {
        coaches.minutes_per_meeting[c] =
            coaches.meetings_due[c] > 0
                ? static_cast<float>(demanded_tenths[c] / tenths_per_minute /
                                     coaches.meetings_due[c]) *
                      time_scale[c]
                : 0.0f;
    }
}

}  // namespace jobsim::mechanisms
