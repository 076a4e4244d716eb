#include "sim/mechanisms/barrier_disclosure.hpp"

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint8_t sensitive_barriers = barrier_health | barrier_basic_skills;

double sanction_fear(const BarrierDisclosureParams& params, SanctionPower power) {
    switch (power) {
        case SanctionPower::coach:
            return params.coach_sanction_fear;
        case SanctionPower::agency:
            return params.agency_sanction_fear;
        case SanctionPower::none:
            break;
    }
    return 0.0;
}

double setting(const BarrierDisclosureParams& params, const WorkingAllianceParams& format) {
    if (format.channel != MeetingChannel::in_person) {
        return params.remote_disclosure;
    }
    return format.venue == MeetingVenue::community ? params.community_venue_disclosure : 1.0;
}

}  // namespace

double disclosure_probability(const Regime& regime, double trust, double alliance, bool sensitive) {
    const BarrierDisclosureParams& params = regime.barrier_disclosure;
    // Sanction power, channel and venue are the regime's, declared once in working_alliance.
    const WorkingAllianceParams& format = regime.working_alliance;
    const double openness = params.trust_weight * trust + (1.0 - params.trust_weight) * alliance;
    const double p = params.disclosure_per_meeting * openness *
                     (1.0 - sanction_fear(params, format.sanction_power)) *
                     setting(params, format) *
                     (sensitive ? params.sensitive_barrier_disclosure : 1.0);
    return std::clamp(p, 0.0, 1.0);
}

void barrier_disclosure(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::barrier_disclosure)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const Regime& regime = context.regime(p.arm[i]);
        if (!regime.barrier_disclosure.enabled) {
            return;
        }
        if (p.coach[i] == none<CoachId>) {
            p.barriers_disclosed[i] = 0;  // disclosures are to a coach
            return;
        }
        const auto hidden = static_cast<std::uint8_t>(p.barriers[i] & ~p.barriers_disclosed[i]);
        // Nothing is told to a stand-in coach (seed B5: re-telling one's story).
        if (p.meeting_this_week[i] != MeetingOutcome::attended || p.met_stand_in[i] != 0 ||
            hidden == 0) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::barrier_disclosure);
        for (int bit = 0; bit < barrier_count; ++bit) {
            const auto barrier = static_cast<std::uint8_t>(1u << bit);
            if ((hidden & barrier) == 0) {
                continue;
            }
            const bool sensitive = (barrier & sensitive_barriers) != 0;
            if (stream.bernoulli(
                    disclosure_probability(regime, p.trust[i], p.alliance[i], sensitive))) {
                p.barriers_disclosed[i] |= barrier;
                events.emit({.week = context.week,
                             .kind = EventKind::barrier_disclosed,
                             .detail = static_cast<std::uint8_t>(bit),
                             .person = static_cast<PersonId>(i),
                             .other = index(p.coach[i])});
            }
        }
    });
}

}  // namespace jobsim::mechanisms
