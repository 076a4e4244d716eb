#include "sim/mechanisms/working_alliance.hpp"

#include <algorithm>
#include <cmath>

#include "sim/mechanisms/barrier_disclosure.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

double channel_growth(const WorkingAllianceParams& params) {
    switch (params.channel) {
        case MeetingChannel::phone:
            return params.phone_growth;
        case MeetingChannel::video:
            return params.video_growth;
        case MeetingChannel::in_person:
            break;
    }
    // The venue matters only when people meet in person.
    return params.venue == MeetingVenue::community ? params.community_venue_growth : 1.0;
}

double sanction_trust_penalty(const WorkingAllianceParams& params) {
    switch (params.sanction_power) {
        case SanctionPower::coach:
            return params.coach_sanction_trust_penalty;
        case SanctionPower::agency:
            return params.agency_sanction_trust_penalty;
        case SanctionPower::none:
            break;
    }
    return 0.0;
}

/// Share of a person's barriers the coach knows; 1 when there is nothing to know.
double share_known(const Persons& p, std::uint32_t i) {
    const int barriers = count_barriers(p.barriers[i]);
    return barriers == 0 ? 1.0
                         : static_cast<double>(count_barriers(known_barriers(p, i))) / barriers;
}

float clamp01(double x) {
    return static_cast<float>(std::clamp(x, 0.0, 1.0));
}

}  // namespace

double trust_target(const WorkingAllianceParams& params) {
    const double bonus = params.mandated ? 0.0 : params.voluntary_trust_bonus;
    return std::clamp(params.trust_baseline - sanction_trust_penalty(params) + bonus, 0.0, 1.0);
}

double alliance_cap(const WorkingAllianceParams& params) {
    return params.mandated ? params.mandated_alliance_cap : 1.0;
}

double meeting_alliance_share(const WorkingAllianceParams& params, double minutes, double trust,
                              double share_of_barriers_known) {
    const double support_weight =
        1.0 - params.compliance_share * (1.0 - params.compliance_time_value);
    const double time = 1.0 - std::exp(-minutes * support_weight / params.saturation_minutes);
    const double off_pace = params.pace - params.best_pace;
    const double pace = std::max(0.0, 1.0 - params.pace_curvature * off_pace * off_pace);
    const double trusting = params.trust_floor + (1.0 - params.trust_floor) * trust;
    const double shared_goals = 1.0 + params.known_barrier_growth * share_of_barriers_known;
    return std::clamp(
        params.gain_per_meeting * time * channel_growth(params) * pace * trusting * shared_goals,
        0.0, 1.0);
}

void working_alliance(const WeekContext& context, World& world, EventSink& /*events*/) {
    if (!context.any_arm_enables(&Regime::working_alliance)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const WorkingAllianceParams& params = context.regime(p.arm[i]).working_alliance;
        if (!params.enabled) {
            return;
        }
        double trust = p.trust[i];
        // Each sanction since last week costs trust, whoever imposed it.
        if (p.sanction_count[i] > p.sanctions_felt[i]) {
            trust *= std::pow(1.0 - params.trust_loss_per_sanction,
                              p.sanction_count[i] - p.sanctions_felt[i]);
        }
        p.sanctions_felt[i] = p.sanction_count[i];
        if (p.coach[i] == none<CoachId>) {
            p.trust[i] = clamp01(trust);
            p.alliance[i] = 0.0f;  // an alliance is with a coach
            return;
        }
        trust += params.trust_adjustment_rate * (trust_target(params) - trust);
        double alliance = p.alliance[i];
        if (p.meeting_this_week[i] == MeetingOutcome::attended && p.met_stand_in[i] == 0) {
            // The meeting's own length (coach_meeting draws it around the coach's mean).
            const double minutes = p.meeting_minutes[i];
            const double gain = std::max(0.0, alliance_cap(params) - alliance) *
                                meeting_alliance_share(params, minutes, trust, share_known(p, i));
            alliance += gain;
            trust += params.trust_gain_per_alliance_gain * gain;
        } else {
            alliance *= 1.0 - params.weekly_decay_without_meeting;
        }
        p.trust[i] = clamp01(trust);
        p.alliance[i] = clamp01(alliance);
    });
}

}  // namespace jobsim::mechanisms
