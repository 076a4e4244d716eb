#include "sim/mechanisms/action_plan.hpp"

#include <algorithm>

#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

PlanEffects plan_effects(const ActionPlanParams& params, PlanType type) {
    switch (type) {
        case PlanType::co_produced:
            return {params.co_produced_confidence_gain, params.co_produced_alliance_gain,
                    params.co_produced_follow_through};
        case PlanType::strengths:
            return {params.strengths_confidence_gain, params.strengths_alliance_gain,
                    params.strengths_follow_through};
        case PlanType::none:
        case PlanType::compliance:
            break;
    }
    return {};
}

void action_plan(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::action_plan)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const ActionPlanParams& params = context.regime(p.arm[i]).action_plan;
        if (!params.enabled) {
            return;
        }
        if (p.coach[i] == none<CoachId>) {
            p.plan[i] = static_cast<std::uint8_t>(PlanType::none);  // the plan ends with the claim
            return;
        }
        if (p.meeting_this_week[i] != MeetingOutcome::attended) {
            return;
        }
        if (static_cast<PlanType>(p.plan[i]) == PlanType::none) {
            auto stream = context.person_stream(i, rng::Purpose::plan_agreement);
            if (!stream.bernoulli(params.agree_probability)) {
                return;
            }
            p.plan[i] = static_cast<std::uint8_t>(params.plan_type);
            const PlanEffects effects = plan_effects(params, params.plan_type);
            p.confidence[i] = raise_share(p.confidence[i], effects.confidence_gain);
            p.alliance[i] = raise_share(p.alliance[i], effects.alliance_gain);
            events.emit({.week = context.week,
                         .kind = EventKind::plan_agreed,
                         .detail = p.plan[i],
                         .person = static_cast<PersonId>(i),
                         .other = index(p.coach[i])});
        }
        // The plan is reviewed at every attended meeting, including the one that agreed it.
        const PlanEffects effects = plan_effects(params, static_cast<PlanType>(p.plan[i]));
        p.meeting_boost[i] += static_cast<float>(effects.follow_through);
    });
}

}  // namespace jobsim::mechanisms
