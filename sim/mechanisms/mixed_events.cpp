#include "sim/mechanisms/mixed_events.hpp"

#include "sim/mechanisms/social_ties.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

void mixed_events(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::mixed_events)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    const Persons& p = world.persons;
    const auto params_of = [&](std::uint32_t i) -> const MixedEventsParams& {
        return context.regime(p.arm[i]).mixed_events;
    };
    const auto chance = [&](std::uint32_t i) {
        const MixedEventsParams& params = params_of(i);
        if (!params.enabled) {
            return 0.0;
        }
        if (p.status[i] == LabourStatus::employed) {
            return params.employed_attendance_probability;
        }
        return p.claim[i] != ClaimState::none ? params.user_attendance_probability : 0.0;
    };
    const auto effects = [&](std::uint32_t i) {
        const MixedEventsParams& params = params_of(i);
        return SessionEffects{.ties_each = params.ties_per_attendance,
                              .loneliness_relief = params.loneliness_relief,
                              .confidence_boost = params.confidence_boost,
                              .cost_gbp = params.cost_per_attendance_gbp};
    };
    (void)run_sessions(context, world, events, chance, effects, 0, rng::Purpose::mixed_events,
                       rng::Purpose::mixed_event_ties, CostItem::hub_event);
}

}  // namespace jobsim::mechanisms
