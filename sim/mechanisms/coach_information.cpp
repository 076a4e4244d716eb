#include "sim/mechanisms/coach_information.hpp"

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

double information_search_factor(const CoachInformationParams& params, std::uint8_t weeks_left) {
    return params.enabled && weeks_left > 0 ? 1.0 + params.search_lift : 1.0;
}

std::uint8_t informed_needs(const CoachInformationParams& params, std::uint8_t barriers,
                            std::uint8_t weeks_left) {
    return params.enabled && params.ask_for_services && weeks_left > 0 ? barriers : 0;
}

void coach_information(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::coach_information)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const CoachInformationParams& params = context.regime(p.arm[i]).coach_information;
        if (!params.enabled) {
            return;
        }
        if (p.informed_weeks[i] > 0) {
            --p.informed_weeks[i];
        }
        if (p.coach[i] == none<CoachId> || p.meeting_this_week[i] != MeetingOutcome::attended) {
            return;
        }
        const double chance =
            std::min(1.0, params.base_probability + params.alliance_gain * p.alliance[i] +
                              params.trust_gain * p.trust[i]);
        auto stream = context.person_stream(i, rng::Purpose::coach_information);
        if (!stream.bernoulli(chance)) {
            return;
        }
        p.informed_weeks[i] =
            static_cast<std::uint8_t>(std::min<std::uint32_t>(params.informed_weeks, 255));
        events.emit({.week = context.week,
                     .kind = EventKind::information_passed,
                     .person = static_cast<PersonId>(i),
                     .other = index(p.coach[i]),
                     .value = static_cast<float>(chance)});
    });
}

}  // namespace jobsim::mechanisms
