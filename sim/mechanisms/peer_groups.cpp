#include "sim/mechanisms/peer_groups.hpp"

#include "sim/mechanisms/social_ties.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

void peer_groups(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::peer_groups)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    const Persons& p = world.persons;
    const auto params_of = [&](std::uint32_t i) -> const PeerGroupsParams& {
        return context.regime(p.arm[i]).peer_groups;
    };
    const auto chance = [&](std::uint32_t i) {
        const PeerGroupsParams& params = params_of(i);
        const bool user_out_of_work =
            p.claim[i] != ClaimState::none && p.status[i] != LabourStatus::employed;
        return params.enabled && user_out_of_work ? params.attendance_probability : 0.0;
    };
    const auto effects = [&](std::uint32_t i) {
        const PeerGroupsParams& params = params_of(i);
        return SessionEffects{.ties_each = params.ties_per_session,
                              .loneliness_relief = params.loneliness_relief,
                              .confidence_boost = params.confidence_boost,
                              .wellbeing_boost = params.wellbeing_boost,
                              .cost_gbp = params.cost_per_session_gbp};
    };
    (void)run_sessions(context, world, events, chance, effects, tie_peer, rng::Purpose::peer_groups,
                       rng::Purpose::peer_group_ties, CostItem::peer_group);
}

}  // namespace jobsim::mechanisms
