#include "sim/mechanisms/job_separation.hpp"

#include <algorithm>
#include <atomic>

#include <tbb/enumerable_thread_specific.h>

#include "sim/mechanisms/area_conditions.hpp"
#include "sim/mechanisms/in_work_support.hpp"
#include "sim/mechanisms/preventive_support.hpp"
#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

double separation_hazard(const JobSeparationParams& params, std::uint16_t tenure_weeks,
                         float match_quality, bool low_paid, std::uint8_t barriers) {
    double hazard = params.base_weekly_hazard;
    if (tenure_weeks < params.early_tenure_weeks) {
        hazard *= params.early_tenure_multiplier;
    }
    hazard *= 1.0 + params.poor_match_multiplier * (1.0 - static_cast<double>(match_quality));
    if (low_paid) {
        hazard *= params.low_pay_multiplier;
    }
    hazard *= 1.0 + params.per_barrier_multiplier * count_barriers(barriers);
    return hazard;
}

void job_separation(const WeekContext& context, World& world, EventSink& events) {
    const JobSeparationParams& params = context.scenario.labour_market.job_separation;
    world.ended_jobs.clear();
    if (!params.enabled) {
        return;
    }
    Persons& p = world.persons;
    auto& headcount = world.employers.headcount;
    tbb::enumerable_thread_specific<std::vector<EndedJob>> ended;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        // A business ends in self_employment, not here (no employer, its own hazard).
        if (p.status[i] != LabourStatus::employed || p.self_employed[i] != 0) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::job_separation);
        const double hazard = separation_hazard(params, p.tenure_weeks[i], p.match_quality[i],
                                                p.low_paid[i] != 0, p.barriers[i]) *
                              in_work_support_factor(context.regime(p.arm[i]).in_work_support,
                                                     p.in_work_support_weeks[i], p.barriers[i]) *
                              sector_factor(world.sector_separation_multiplier, p.sector[i]) *
                              area_separation_factor(context.scenario.labour_market.area_conditions,
                                                     world.areas, p.area[i]) *
                              preventive_support_factor(context.regime(p.arm[i]).preventive_support,
                                                        p.service_route[i]) *
                              support_separation_factor(context.regime(p.arm[i]), p, i);
        if (!stream.bernoulli(hazard)) {
            return;
        }
        const LabourStatus destination = stream.bernoulli(params.to_inactivity_probability)
                                             ? LabourStatus::inactive
                                             : LabourStatus::unemployed;
        const EmployerId employer = p.employer[i];
        // Integer counter: the total does not depend on the order threads update it in.
        std::atomic_ref<std::uint32_t>(headcount[index(employer)])
            .fetch_sub(1, std::memory_order_relaxed);
        ended.local().push_back({i, employer, p.wage_per_hour[i], p.hours_per_week[i]});
        events.emit({.week = context.week,
                     .kind = EventKind::separation,
                     .detail = static_cast<std::uint8_t>(destination),
                     .person = static_cast<PersonId>(i),
                     .other = index(employer),
                     .value = static_cast<float>(p.tenure_weeks[i])});
        p.status[i] = destination;
        p.wants_work[i] = 0;
        p.employer[i] = none<EmployerId>;
        p.low_paid[i] = 0;
        p.tenure_weeks[i] = 0;
        p.spell_weeks[i] = 0;
    });
    for (auto& buffer : ended) {
        world.ended_jobs.insert(world.ended_jobs.end(), buffer.begin(), buffer.end());
    }
    std::sort(world.ended_jobs.begin(), world.ended_jobs.end(),
              [](const EndedJob& a, const EndedJob& b) { return a.person < b.person; });
}

}  // namespace jobsim::mechanisms
