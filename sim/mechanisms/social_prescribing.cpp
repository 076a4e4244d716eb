#include "sim/mechanisms/social_prescribing.hpp"

#include "sim/mechanisms/social_ties.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

void social_prescribing(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::social_prescribing)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    const Persons& p = world.persons;
    const auto params_of = [&](std::uint32_t i) -> const SocialPrescribingParams& {
        return context.regime(p.arm[i]).social_prescribing;
    };
    const auto chance = [&](std::uint32_t i) {
        const SocialPrescribingParams& params = params_of(i);
        if (!params.enabled) {
            return 0.0;
        }
        const bool service_user = p.claim[i] != ClaimState::none || p.coach[i] != none<CoachId>;
        if (!service_user) {
            return params.community_attendance_probability;
        }
        return p.loneliness[i] >= params.loneliness_threshold ? params.attendance_probability : 0.0;
    };
    const auto effects = [&](std::uint32_t i) {
        const SocialPrescribingParams& params = params_of(i);
        return SessionEffects{.ties_each = params.ties_per_attendance,
                              .loneliness_relief = params.loneliness_relief,
                              .confidence_boost = params.confidence_boost,
                              .wellbeing_boost = params.wellbeing_boost,
                              .cost_gbp = params.cost_per_attendance_gbp};
    };
    (void)run_sessions(context, world, events, chance, effects, 0, rng::Purpose::social_prescribing,
                       rng::Purpose::social_prescribing_ties, CostItem::hub_event);
}

}  // namespace jobsim::mechanisms
