#include "sim/mechanisms/underemployment.hpp"

#include <algorithm>

#include "sim/mechanisms/service_access.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

void underemployment(const WeekContext& context, World& world, EventSink& events) {
    const UnderemploymentParams& params = context.scenario.labour_market.underemployment;
    if (!params.enabled) {
        return;
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const bool helped = p.service_route[i] == ServiceRoute::more_hours &&
                            p.claim[i] == ClaimState::none && p.coach[i] != none<CoachId>;
        const auto stop_wanting = [&] {
            p.wants_more_hours[i] = 0;
            if (helped) {
                detach_from_service(context, p, i, events);
            }
        };
        if (p.status[i] != LabourStatus::employed) {
            p.wants_more_hours[i] = 0;  // a route left by job loss is service_access's to settle
            return;
        }
        if (p.hours_per_week[i] >= params.full_time_hours) {
            stop_wanting();
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::underemployment);
        if (p.wants_more_hours[i] == 0) {
            if (stream.bernoulli(params.weekly_start_wanting_more_hours)) {
                p.wants_more_hours[i] = 1;
            }
            return;
        }
        if (stream.bernoulli(helped ? params.weekly_hours_rise_with_coach
                                    : params.weekly_hours_rise)) {
            p.hours_per_week[i] = static_cast<std::uint8_t>(std::min<std::uint32_t>(
                p.hours_per_week[i] + params.hours_step, std::max(params.full_time_hours, 1u)));
            stop_wanting();
            return;
        }
        if (stream.bernoulli(params.weekly_stop_wanting_more_hours)) {
            stop_wanting();
            return;
        }
        if (helped) {
            contact_in_work(context, p, i, events);
            return;
        }
        const ServiceAccessParams& access = context.regime(p.arm[i]).service_access;
        if (open_to_non_claimants(access) && p.aware_of_service[i] != 0 &&
            p.coach[i] == none<CoachId> && p.claim[i] == ClaimState::none &&
            stream.bernoulli(join_probability(access, access.weekly_join_if_aware, p.trust[i]))) {
            attach_without_claim(context, p, i, ServiceRoute::more_hours, events);
        }
    });
}

}  // namespace jobsim::mechanisms
