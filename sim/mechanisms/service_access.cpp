#include "sim/mechanisms/service_access.hpp"

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

double awareness_rate(const ServiceAccessParams& params) {
    double rate = params.weekly_awareness;
    if (params.national_brand) {
        rate *= params.brand_awareness_multiplier;
    }
    if (params.work_hubs) {
        rate *= params.hubs_awareness_multiplier;
    }
    return std::min(rate, 1.0);
}

double join_probability(const ServiceAccessParams& params, double base, float trust) {
    const double kept = 1.0 - (params.work_hubs ? params.hubs_handoff_loss : params.handoff_loss);
    const double trust_factor = 1.0 - params.distrust_weight * (1.0 - static_cast<double>(trust));
    return std::clamp(base * kept * trust_factor, 0.0, 1.0);
}

bool open_to_non_claimants(const ServiceAccessParams& params) {
    return params.enabled && params.eligibility == Eligibility::universal;
}

void attach_without_claim(const WeekContext& context, Persons& p, std::uint32_t i,
                          ServiceRoute route, EventSink& events) {
    const std::uint32_t coaches_per_area = context.scenario.service.coaches_per_area;
    auto assignment = context.person_stream(i, rng::Purpose::service_coach_assignment);
    const std::uint32_t coach =
        index(p.area[i]) * coaches_per_area + assignment.below(coaches_per_area);
    p.coach[i] = static_cast<CoachId>(coach);
    p.service_route[i] = route;
    p.weeks_to_meeting[i] = 0;  // the first meeting is in the week of joining
    p.aware_of_service[i] = 1;
    events.emit({.week = context.week,
                 .kind = EventKind::service_join,
                 .detail = static_cast<std::uint8_t>(route),
                 .person = static_cast<PersonId>(i),
                 .other = coach});
}

void detach_from_service(const WeekContext& context, Persons& p, std::uint32_t i,
                         EventSink& events) {
    events.emit({.week = context.week,
                 .kind = EventKind::service_leave,
                 .detail = static_cast<std::uint8_t>(p.service_route[i]),
                 .person = static_cast<PersonId>(i),
                 .other = index(p.coach[i])});
    p.coach[i] = none<CoachId>;
    p.service_route[i] = ServiceRoute::none;
    p.in_work_support_weeks[i] = 0;
}

void contact_in_work(const WeekContext& context, Persons& p, std::uint32_t i, EventSink& events) {
    const ServiceAccessParams& params = context.regime(p.arm[i]).service_access;
    // Staggered by person so a coach's in-work contacts spread over the interval.
    if ((context.week + i) % params.contact_interval_weeks != 0) {
        return;
    }
    const double in_person =
        params.contact_minutes / 60.0 * context.scenario.accounting.coach_cost_per_hour_gbp;
    const double share = params.digital_channel ? params.digital_share_of_contacts : 0.0;
    // The expected cost over channels: the channel mix is a cost, not a separate behaviour.
    const double cost = in_person * (1.0 - share + share * params.digital_cost_ratio);
    events.emit({.week = context.week,
                 .kind = EventKind::public_cost,
                 .detail = static_cast<std::uint8_t>(CostItem::in_work_support),
                 .person = static_cast<PersonId>(i),
                 .value = static_cast<float>(cost)});
}

namespace {

/// Whether a voluntary user of the search route has reached an end: work, or no longer wanting it.
bool search_route_over(const Persons& p, std::uint32_t i) {
    return p.status[i] == LabourStatus::employed ||
           (p.status[i] == LabourStatus::inactive && p.wants_work[i] == 0);
}

bool may_join_to_search(const Persons& p, std::uint32_t i) {
    return p.claim[i] == ClaimState::none && p.coach[i] == none<CoachId> &&
           (p.status[i] == LabourStatus::unemployed ||
            (p.status[i] == LabourStatus::inactive && p.wants_work[i] != 0));
}

}  // namespace

void service_access(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::service_access)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const ServiceAccessParams& params = context.regime(p.arm[i]).service_access;
        if (!params.enabled) {
            return;
        }
        // A claim defines a claimant's use of the service; a route without a coach is stale.
        if (p.claim[i] != ClaimState::none) {
            if (p.service_route[i] != ServiceRoute::in_work) {
                p.service_route[i] = ServiceRoute::none;
            }
            p.aware_of_service[i] = 1;
            return;
        }
        if (p.coach[i] == none<CoachId>) {
            p.service_route[i] = ServiceRoute::none;
        }
        // Each path below draws at most once, so a fresh stream at the draw gives the same number
        // as one made up front; most people (in work, aware, not joining) never make one.
        const auto draw = [&](double probability) {
            return context.person_stream(i, rng::Purpose::service_access).bernoulli(probability);
        };
        const ServiceRoute route = p.service_route[i];
        const bool voluntary = route == ServiceRoute::voluntary_search ||
                               route == ServiceRoute::more_hours ||
                               route == ServiceRoute::preventive;
        if (voluntary) {
            if (route == ServiceRoute::voluntary_search && search_route_over(p, i)) {
                detach_from_service(context, p, i, events);
                return;
            }
            const double drop =
                params.weekly_drop_out *
                (1.0 + params.distrust_weight * (1.0 - static_cast<double>(p.trust[i])));
            if (!open_to_non_claimants(params) || draw(drop)) {
                detach_from_service(context, p, i, events);
                return;
            }
            // Someone helped in work who loses the job stays with the coach to search.
            if (route != ServiceRoute::voluntary_search && p.status[i] != LabourStatus::employed) {
                p.service_route[i] = ServiceRoute::voluntary_search;
            }
            return;
        }
        if (p.aware_of_service[i] == 0) {
            if (draw(awareness_rate(params))) {
                p.aware_of_service[i] = 1;
            }
            return;  // learning of the service and joining are a week apart
        }
        if (!open_to_non_claimants(params) || !may_join_to_search(p, i) ||
            !draw(join_probability(params, params.weekly_join_if_aware, p.trust[i]))) {
            return;
        }
        attach_without_claim(context, p, i, ServiceRoute::voluntary_search, events);
        if (p.status[i] == LabourStatus::inactive) {
            p.status[i] = LabourStatus::unemployed;  // joining an employment service is looking
            events.emit({.week = context.week,
                         .kind = EventKind::return_to_search,
                         .person = static_cast<PersonId>(i)});
        }
    });
}

}  // namespace jobsim::mechanisms
