#include "sim/mechanisms/work_placement.hpp"

#include <vector>

#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

constexpr std::uint32_t no_conversion = Applications::no_vacancy;

/// An open, unfilled vacancy in the person's home area, or no_conversion.
std::uint32_t host_vacancy(const World& world, std::uint32_t i, rng::Stream& stream) {
    const auto area = index(world.persons.area[i]);
    const std::uint32_t open = world.vacancies_by_area.group_size(area);
    if (open == 0) {
        return no_conversion;
    }
    const std::uint32_t v = world.vacancies_by_area.begin_of(area)[stream.below(open)];
    return world.vacancies.filled[v] != 0 ? no_conversion : v;
}

}  // namespace

void work_placement(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::work_placement)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    std::vector<std::uint32_t> conversion(p.size(), no_conversion);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const WorkPlacementParams& params = context.regime(p.arm[i]).work_placement;
        if (!params.enabled) {
            return;
        }
        if (p.placement_weeks[i] > 0) {
            if (p.status[i] != LabourStatus::unemployed) {
                p.placement_weeks[i] = 0;  // a job or leaving the labour force ends it
                return;
            }
            if (--p.placement_weeks[i] == 0) {
                p.skill[i] = raise_share(p.skill[i], params.skill_gain);
                auto stream = context.person_stream(i, rng::Purpose::placement_conversion);
                if (stream.bernoulli(params.conversion_probability)) {
                    conversion[i] = host_vacancy(world, i, stream);
                }
            }
            return;
        }
        if (p.meeting_this_week[i] != MeetingOutcome::attended ||
            p.status[i] != LabourStatus::unemployed || p.spell_weeks[i] < params.min_spell_weeks) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::placement_offer);
        if (!stream.bernoulli(params.offer_probability)) {
            return;
        }
        p.placement_weeks[i] = static_cast<std::uint8_t>(params.weeks);
        events.emit({.week = context.week,
                     .kind = EventKind::placement_start,
                     .person = static_cast<PersonId>(i),
                     .value = static_cast<float>(params.weeks)});
        events.emit({.week = context.week,
                     .kind = EventKind::public_cost,
                     .detail = static_cast<std::uint8_t>(CostItem::placement),
                     .person = static_cast<PersonId>(i),
                     .value = static_cast<float>(params.weekly_wage_gbp * params.weeks)});
    });
    hire_in_person_order(context, world, conversion, HireChannel::placement, events);
}

}  // namespace jobsim::mechanisms
