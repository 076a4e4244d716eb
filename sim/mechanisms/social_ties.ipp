// Template part of social_ties.hpp.
#pragma once

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

template <class AttendChance, class EffectsOf>
std::uint32_t run_sessions(const WeekContext& context, World& world, EventSink& events,
                           const AttendChance& attend_chance, const EffectsOf& effects_of,
                           std::uint8_t flags, rng::Purpose attend_purpose,
                           rng::Purpose mix_purpose, CostItem cost_item) {
    Persons& p = world.persons;
    const std::uint32_t n = p.size();
    if (world.network.persons() != n) {
        return 0;
    }
    std::vector<std::uint8_t> attends(n, 0);
    parallel_for_each(n, [&](std::uint32_t i) {
        const double chance = attend_chance(i);
        if (chance > 0.0 && context.person_stream(i, attend_purpose).bernoulli(chance)) {
            attends[i] = 1;
        }
    });
    std::vector<Attendee> attendees;
    for (std::uint32_t i = 0; i < n; ++i) {
        if (attends[i] != 0) {
            attendees.push_back(
                {i, session_of(index(p.area[i]), p.arm[i]), effects_of(i).ties_each});
        }
    }
    if (attendees.empty()) {
        return 0;
    }
    (void)mix_sessions(context, world, attendees, flags, mix_purpose);
    parallel_for_each(static_cast<std::uint32_t>(attendees.size()), [&](std::uint32_t k) {
        const std::uint32_t i = attendees[k].person;
        const SessionEffects effects = effects_of(i);
        p.loneliness[i] =
            static_cast<float>(std::clamp(p.loneliness[i] - effects.loneliness_relief, 0.0, 1.0));
        p.confidence[i] =
            static_cast<float>(std::clamp(p.confidence[i] + effects.confidence_boost, 0.0, 1.0));
        p.wellbeing[i] =
            static_cast<float>(std::clamp(p.wellbeing[i] + effects.wellbeing_boost, 0.0, 10.0));
        if (effects.cost_gbp > 0.0) {
            events.emit({.week = context.week,
                         .kind = EventKind::public_cost,
                         .detail = static_cast<std::uint8_t>(cost_item),
                         .person = static_cast<PersonId>(i),
                         .value = static_cast<float>(effects.cost_gbp)});
        }
    });
    return static_cast<std::uint32_t>(attendees.size());
}

}  // namespace jobsim::mechanisms
