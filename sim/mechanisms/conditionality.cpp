#include "sim/mechanisms/conditionality.hpp"

#include <algorithm>
#include <cmath>

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
    p.compliance_failures[i] = 0;
    p.weeks_since_sanction[i] = 1;  // this week; read by sanction_effects
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

/// Records one failure; sanctions when enough have built up (C9) and the decision goes against
/// the claimant. Returns whether a sanction was imposed.
bool fail(const WeekContext& context, const ConditionalityParams& params, Persons& p,
          std::uint32_t i, SanctionReason reason, bool decided_against, EventSink& events) {
    p.compliance_failures[i] =
        static_cast<std::uint8_t>(std::min<int>(p.compliance_failures[i] + 1, 255));
    if (!decided_against || p.compliance_failures[i] < params.failures_before_sanction) {
        return false;
    }
    impose(context, params, p, i, reason, events);
    return true;
}

}  // namespace

std::uint32_t search_requirement_for(const ConditionalityParams& params, std::uint8_t barriers) {
    if (params.exempt_health_barrier && (barriers & barrier_health) != 0) {
        return 0;
    }
    const double cut = std::pow(1.0 - params.requirement_cut_per_barrier, count_barriers(barriers));
    return std::min<std::uint32_t>(
        static_cast<std::uint32_t>(std::lround(params.required_applications_per_week * cut)), 255);
}

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
        // No requirement out of a claim, nor in work (a claim kept under the guarantee, C11).
        if (p.claim[i] == ClaimState::none || p.status[i] == LabourStatus::employed) {
            p.search_requirement[i] = 0;
            return;
        }
        const std::uint32_t requirement = search_requirement_for(params, p.barriers[i]);
        p.search_requirement[i] = static_cast<std::uint8_t>(requirement);
        if (params.exempt_health_barrier && (p.barriers[i] & barrier_health) != 0) {
            return;  // exempt: no requirement and no sanction (C7)
        }
        // Daily (or other extra) signings: each missed one is a failure (R8).
        if (params.signings_per_week > 0) {
            auto signing = context.person_stream(i, rng::Purpose::signing_attendance);
            for (std::uint32_t s = 0; s < params.signings_per_week; ++s) {
                if (signing.bernoulli(params.missed_signing_probability) &&
                    fail(context, params, p, i, SanctionReason::missed_signing,
                         signing.bernoulli(params.missed_meeting_sanction_probability), events)) {
                    return;  // at most one sanction a week
                }
            }
        }
        if (p.meeting_this_week[i] == MeetingOutcome::none) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::conditionality_detection);
        if (p.meeting_this_week[i] == MeetingOutcome::missed) {
            const bool decided_against =
                stream.bernoulli(params.missed_meeting_sanction_probability);
            (void)fail(context, params, p, i, SanctionReason::missed_meeting, decided_against,
                       events);
            return;
        }
        // The requirement is checked over the interval since the last meeting.
        const std::uint32_t required = requirement * regime.coach_meeting.interval_weeks;
        // No search is on record before the claim starts, nor before the run starts.
        const bool new_claim = p.claim_weeks[i] < regime.coach_meeting.interval_weeks;
        const bool run_start = context.week < regime.coach_meeting.interval_weeks;
        const bool on_record = !new_claim && !run_start;
        if (on_record && p.applications_since_meeting[i] < required) {
            if (stream.bernoulli(params.shortfall_detection_probability *
                                 coach_factor(world.coach_targets.sanction, p.coach[i]))) {
                (void)fail(context, params, p, i, SanctionReason::insufficient_search, true,
                           events);
            }
            return;
        }
        // Compliant, yet a failure may be recorded all the same (C2).
        auto wrongful = context.person_stream(i, rng::Purpose::wrongful_sanction);
        if (wrongful.bernoulli(params.wrongful_sanction_probability *
                               coach_factor(world.coach_targets.sanction, p.coach[i]))) {
            (void)fail(context, params, p, i, SanctionReason::no_failure, true, events);
        }
    });
}

}  // namespace jobsim::mechanisms
