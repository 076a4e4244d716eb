#include "sim/mechanisms/co_design.hpp"

#include <algorithm>
#include <vector>

#include "sim/mechanisms/social_ties.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

/// The slot of (area, arm) in World::service_design.
std::size_t design_slot(const WeekContext& context, std::uint16_t area, std::uint8_t arm) {
    return static_cast<std::size_t>(area) * context.arms.size() + arm;
}

}  // namespace

void co_design(const WeekContext& context, World& world, EventSink& events) {
    Persons& p = world.persons;
    if (!context.any_arm_enables(&Regime::co_design) || world.network.persons() != p.size()) {
        return;
    }
    const std::size_t slots = static_cast<std::size_t>(world.areas.size()) * context.arms.size();
    if (world.service_design.size() != slots) {
        world.service_design.assign(slots, 0.0f);
    }
    const auto params_of = [&](std::uint32_t i) -> const CoDesignParams& {
        return context.regime(p.arm[i]).co_design;
    };
    const auto chance = [&](std::uint32_t i) {
        const CoDesignParams& params = params_of(i);
        return params.enabled && p.coach[i] != none<CoachId> ? params.participation_probability
                                                             : 0.0;
    };
    std::vector<Attendee> members = draw_attendees(
        context, world, chance, [&](std::uint32_t i) { return params_of(i).ties_per_session; },
        rng::Purpose::co_design);
    // Which (area, arm)s held a panel, before mixing reorders the members.
    std::vector<std::uint8_t> panel_met(slots, 0);
    for (const Attendee& member : members) {
        panel_met[design_slot(context, index(p.area[member.person]), p.arm[member.person])] = 1;
    }
    (void)mix_sessions(context, world, members, tie_peer, rng::Purpose::co_design_ties);
    parallel_for_each(static_cast<std::uint32_t>(members.size()), [&](std::uint32_t k) {
        const std::uint32_t i = members[k].person;
        const CoDesignParams& params = params_of(i);
        apply_session_effects(context, p, events, i,
                              {.confidence_boost = params.confidence_boost,
                               .cost_gbp = params.expenses_per_session_gbp},
                              CostItem::group_session);
    });
    // The local service improves where panels meet and drifts back where they do not.
    for (std::size_t slot = 0; slot < slots; ++slot) {
        const CoDesignParams& params = context.arms[slot % context.arms.size()].co_design;
        if (!params.enabled) {
            continue;
        }
        double design = world.service_design[slot] * (1.0 - params.design_weekly_decay);
        if (panel_met[slot] != 0) {
            design += params.design_gain_per_panel_week * (1.0 - design);
        }
        world.service_design[slot] = static_cast<float>(std::clamp(design, 0.0, 1.0));
    }
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const CoDesignParams& params = params_of(i);
        if (!params.enabled || p.coach[i] == none<CoachId>) {
            return;
        }
        const double design =
            world.service_design[design_slot(context, index(p.area[i]), p.arm[i])];
        p.trust[i] = static_cast<float>(
            std::clamp(p.trust[i] + params.trust_lift_at_full_design * design, 0.0, 1.0));
    });
}

}  // namespace jobsim::mechanisms
