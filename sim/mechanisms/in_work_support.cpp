#include "sim/mechanisms/in_work_support.hpp"

#include <algorithm>

#include "sim/mechanisms/service_access.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

/// Support never removes the whole hazard: some jobs end whatever the coach does.
constexpr double largest_reduction = 0.9;

}  // namespace

double in_work_support_factor(const InWorkSupportParams& params, std::uint8_t weeks_left,
                              std::uint8_t barriers) {
    if (!params.enabled || weeks_left == 0) {
        return 1.0;
    }
    const double reduction =
        params.separation_reduction + params.extra_reduction_per_barrier * count_barriers(barriers);
    return 1.0 - std::min(reduction, largest_reduction);
}

void in_work_support(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::in_work_support)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const InWorkSupportParams& params = context.regime(p.arm[i]).in_work_support;
        if (!params.enabled || p.coach[i] == none<CoachId>) {
            return;
        }
        const bool employed = p.status[i] == LabourStatus::employed;
        if (p.service_route[i] != ServiceRoute::in_work) {
            // A service user hired this week (tenure advances at the week's end) keeps the coach.
            const bool helped_in_work = p.service_route[i] == ServiceRoute::more_hours ||
                                        p.service_route[i] == ServiceRoute::preventive;
            if (employed && p.tenure_weeks[i] == 0 && !helped_in_work) {
                p.service_route[i] = ServiceRoute::in_work;
                p.in_work_support_weeks[i] =
                    static_cast<std::uint8_t>(std::min<std::uint32_t>(params.support_weeks, 255));
            }
            return;
        }
        if (p.claim[i] != ClaimState::none) {
            return;  // the claim ends next week (benefit_claim); support starts counting then
        }
        if (!employed) {
            // The job ended during support: a universal service keeps the person to search.
            p.in_work_support_weeks[i] = 0;
            if (open_to_non_claimants(context.regime(p.arm[i]).service_access)) {
                p.service_route[i] = ServiceRoute::voluntary_search;
            } else {
                detach_from_service(context, p, i, events);
            }
            return;
        }
        contact_in_work(context, p, i, events);
        if (p.in_work_support_weeks[i] > 0) {
            --p.in_work_support_weeks[i];
        }
        if (p.in_work_support_weeks[i] == 0) {
            detach_from_service(context, p, i, events);
        }
    });
}

}  // namespace jobsim::mechanisms
