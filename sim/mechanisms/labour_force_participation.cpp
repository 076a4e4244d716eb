#include "sim/mechanisms/labour_force_participation.hpp"

#include "sim/mechanisms/area_conditions.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

double exit_to_inactivity_hazard(const LabourForceParticipationParams& params,
                                 std::uint16_t spell_weeks, std::uint8_t barriers,
                                 std::uint8_t age_years) {
    double hazard = params.weekly_exit_to_inactivity;
    hazard *= 1.0 + params.exit_per_year_of_spell * spell_weeks / 52.0;
    hazard *= 1.0 + params.exit_per_barrier * count_barriers(barriers);
    if (age_years >= 50) {
        hazard *= params.exit_older_multiplier;
    }
    return hazard;
}

void labour_force_participation(const WeekContext& context, World& world, EventSink& events) {
    const LabourForceParticipationParams& params =
        context.scenario.labour_market.labour_force_participation;
    if (!params.enabled) {
        return;
    }
    Persons& p = world.persons;
    const AreaConditionsParams& area_params = context.scenario.labour_market.area_conditions;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        if (p.status[i] == LabourStatus::employed) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::labour_force_participation);
        // A strained local labour market discourages: more give up, fewer come back (C13).
        const double area_factor = area_inactivity_factor(area_params, world.areas, p.area[i]);
        if (p.status[i] == LabourStatus::unemployed) {
            const double hazard =
                exit_to_inactivity_hazard(params, p.spell_weeks[i], p.barriers[i], p.age_years[i]) *
                area_factor;
            if (stream.bernoulli(hazard)) {
                p.status[i] = LabourStatus::inactive;
                p.wants_work[i] = 1;  // stopped searching but would still take a job (discouraged)
                events.emit({.week = context.week,
                             .kind = EventKind::exit_to_inactivity,
                             .person = static_cast<PersonId>(i),
                             .value = static_cast<float>(p.spell_weeks[i])});
            }
            return;
        }
        if (p.wants_work[i] != 0) {
            if (stream.bernoulli(params.weekly_return_if_wanting_work / area_factor)) {
                p.status[i] = LabourStatus::unemployed;
                events.emit({.week = context.week,
                             .kind = EventKind::return_to_search,
                             .person = static_cast<PersonId>(i)});
            } else if (stream.bernoulli(params.weekly_stop_wanting_work)) {
                p.wants_work[i] = 0;
            }
        } else if (stream.bernoulli(params.weekly_start_wanting_work)) {
            p.wants_work[i] = 1;
        }
    });
}

}  // namespace jobsim::mechanisms
