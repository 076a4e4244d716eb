#include "sim/mechanisms/sanction_effects.hpp"

#include <algorithm>

#include "sim/mechanisms/benefit_claim.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

void lower(float& value, double by, double lowest) {
    value = static_cast<float>(std::max(lowest, static_cast<double>(value) - by));
}

}  // namespace

void sanction_effects(const WeekContext& context, World& world, EventSink& events) {
    const SanctionEffectsParams& params = context.scenario.labour_market.sanction_effects;
    if (!params.enabled) {
        return;
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const std::uint32_t since = p.weeks_since_sanction[i];  // 0 never, 1 this week
        if (since == 0) {
            return;
        }
        if (since == 1) {
            const double harm =
                (p.barriers[i] & barrier_health) != 0 ? params.health_barrier_harm_multiplier : 1.0;
            lower(p.trust[i], params.trust_loss, 0.0);
            lower(p.wellbeing[i], params.wellbeing_loss * harm, 0.0);
            lower(p.confidence[i], params.confidence_loss * harm, 0.0);
        }
        // A job found this week (tenure 0) while still sanctioned: any job was taken (C3).
        if (p.status[i] == LabourStatus::employed && p.tenure_weeks[i] == 0 &&
            p.claim[i] == ClaimState::sanctioned) {
            p.match_quality[i] *= static_cast<float>(1.0 - params.match_quality_cut);
            return;
        }
        if (p.status[i] != LabourStatus::unemployed || p.claim[i] == ClaimState::none ||
            since > params.effect_weeks) {
            return;
        }
        const double fade = 1.0 - static_cast<double>(since - 1) / params.effect_weeks;
        auto stream = context.person_stream(i, rng::Purpose::sanction_exit);
        if (stream.bernoulli(params.extra_exit_probability * fade)) {
            end_claim(context, p, i, ClaimEndReason::stopped_claiming, events);
        }
    });
}

}  // namespace jobsim::mechanisms
