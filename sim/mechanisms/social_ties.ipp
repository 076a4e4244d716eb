// Template part of social_ties.hpp.
#pragma once

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

template <class AttendChance, class TiesOf>
std::vector<Attendee> draw_attendees(const WeekContext& context, const World& world,
                                     const AttendChance& attend_chance, const TiesOf& ties_of,
                                     rng::Purpose attend_purpose) {
    const Persons& p = world.persons;
    const std::uint32_t n = p.size();
    std::vector<std::uint8_t> attends(n, 0);
    parallel_for_each(n, [&](std::uint32_t i) {
        const double chance = attend_chance(i);
        if (chance > 0.0 && context.person_stream(i, attend_purpose).bernoulli(chance)) {
            attends[i] = 1;
        }
    });
    const std::vector<std::uint32_t> attending =
        select_in_order(n, [&attends](std::uint32_t i) { return attends[i] != 0; });
    std::vector<Attendee> attendees(attending.size());
    parallel_for_each(static_cast<std::uint32_t>(attending.size()), [&](std::uint32_t k) {
        const std::uint32_t i = attending[k];
        attendees[k] = {i, session_of(index(p.area[i]), p.arm[i]), ties_of(i)};
    });
    return attendees;
}

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
    std::vector<Attendee> attendees = draw_attendees(
        context, world, attend_chance, [&](std::uint32_t i) { return effects_of(i).ties_each; },
        attend_purpose);
    if (attendees.empty()) {
        return 0;
    }
    (void)mix_sessions(context, world, attendees, flags, mix_purpose);
    parallel_for_each(static_cast<std::uint32_t>(attendees.size()), [&](std::uint32_t k) {
        const std::uint32_t i = attendees[k].person;
        apply_session_effects(context, p, events, i, effects_of(i), cost_item);
    });
    return static_cast<std::uint32_t>(attendees.size());
}

}  // namespace jobsim::mechanisms
