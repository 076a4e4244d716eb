#include "sim/mechanisms/preventive_support.hpp"

#include "sim/mechanisms/service_access.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

double preventive_support_factor(const PreventiveSupportParams& params, ServiceRoute route) {
    return params.enabled && route == ServiceRoute::preventive ? 1.0 - params.separation_reduction
                                                               : 1.0;
}

bool at_risk_of_job_loss(const PreventiveSupportParams& params, std::uint8_t age_years,
                         std::uint8_t barriers, double sector_separation_factor) {
    return age_years >= params.older_age || (barriers & barrier_health) != 0 ||
           sector_separation_factor > 1.0;
}

void preventive_support(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::preventive_support)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const Regime& regime = context.regime(p.arm[i]);
        const PreventiveSupportParams& params = regime.preventive_support;
        if (!params.enabled || p.status[i] != LabourStatus::employed ||
            p.claim[i] != ClaimState::none) {
            return;
        }
        if (p.service_route[i] == ServiceRoute::preventive && p.coach[i] != none<CoachId>) {
            contact_in_work(context, p, i, events);
            return;
        }
        const ServiceAccessParams& access = regime.service_access;
        if (!open_to_non_claimants(access) || p.coach[i] != none<CoachId> ||
            p.aware_of_service[i] == 0 ||
            !at_risk_of_job_loss(params, p.age_years[i], p.barriers[i],
                                 sector_factor(world.sector_separation_multiplier, p.sector[i]))) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::preventive_support);
        if (stream.bernoulli(join_probability(access, params.weekly_join_if_at_risk, p.trust[i]))) {
            attach_without_claim(context, p, i, ServiceRoute::preventive, events);
        }
    });
}

}  // namespace jobsim::mechanisms
