#include "sim/mechanisms/conditionality.hpp"

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t longest_sanction_weeks = 156;  // seed S1: "no benefits for three years"

std::uint32_t sanction_length(const ConditionalityParams& params, std::uint8_t previous) {
    if (previous == 0) {
        return params.first_sanction_weeks;
    }
    if (previous == 1) {
        return params.second_sanction_weeks;
    }
    return params.later_sanction_weeks;
}

void impose(const WeekContext& context, const ConditionalityParams& params, Persons& p,
            std::uint32_t i, SanctionReason reason, EventSink& events) {
    const std::uint32_t weeks = sanction_length(params, p.sanction_count[i]);
    p.sanction_count[i] = static_cast<std::uint8_t>(std::min<int>(p.sanction_count[i] + 1, 255));
    // A new sanction runs on from any sanction still being served (they accumulate).
    const std::uint32_t left = std::min(longest_sanction_weeks, p.sanction_weeks_left[i] + weeks);
    p.sanction_weeks_left[i] = static_cast<std::uint16_t>(left);
    if (left > 0) {
        p.claim[i] = ClaimState::sanctioned;
    }
    events.emit({.week = context.week,
                 .kind = EventKind::sanction,
                 .detail = static_cast<std::uint8_t>(reason),
                 .person = static_cast<PersonId>(i),
                 .other = index(p.coach[i]),
                 .value = static_cast<float>(weeks)});
}

}  // namespace

void conditionality(const WeekContext& context, World& world, EventSink& events) {
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const Regime& regime = context.regime(p.arm[i]);
        const ConditionalityParams& params = regime.conditionality;
        // A sanction runs in calendar time: whether or not the person still claims (a new claim
        // inherits what is left), and even where conditionality is off.
        if (p.sanction_weeks_left[i] > 0) {
            --p.sanction_weeks_left[i];
        }
        if (p.claim[i] == ClaimState::sanctioned && p.sanction_weeks_left[i] == 0) {
            p.claim[i] = ClaimState::claiming;
        }
        if (!params.enabled) {
            return;
        }
        if (p.claim[i] == ClaimState::none) {
            p.search_requirement[i] = 0;
            return;
        }
        p.search_requirement[i] = static_cast<std::uint8_t>(
            std::min<std::uint32_t>(params.required_applications_per_week, 255));
        if (p.meeting_this_week[i] == MeetingOutcome::none) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::conditionality_detection);
        if (p.meeting_this_week[i] == MeetingOutcome::missed) {
            if (stream.bernoulli(params.missed_meeting_sanction_probability)) {
                impose(context, params, p, i, SanctionReason::missed_meeting, events);
            }
            return;
        }
        // The requirement is checked over the interval since the last meeting.
        const std::uint32_t required =
            params.required_applications_per_week * regime.coach_meeting.interval_weeks;
        // No search is on record before the claim starts, nor before the run starts.
        const bool new_claim = p.claim_weeks[i] < regime.coach_meeting.interval_weeks;
        const bool run_start = context.week < regime.coach_meeting.interval_weeks;
        if (!new_claim && !run_start && p.applications_since_meeting[i] < required &&
            stream.bernoulli(params.shortfall_detection_probability)) {
            impose(context, params, p, i, SanctionReason::insufficient_search, events);
        }
    });
}

}  // namespace jobsim::mechanisms
