#include "sim/mechanisms/benefit_claim.hpp"

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

bool guaranteed(const BenefitClaimParams& params, std::uint8_t hours_per_week,
                std::uint16_t tenure_weeks) {
    return hours_per_week <= params.guarantee_max_hours && tenure_weeks < params.guarantee_weeks;
}

double trust_take_up_factor(const BenefitClaimParams& params, float trust) {
    return std::max(0.0, 1.0 + params.take_up_trust_slope * (trust - 0.5));
}

void end_claim(const WeekContext& context, Persons& p, std::uint32_t i, ClaimEndReason reason,
               EventSink& events) {
    events.emit({.week = context.week,
                 .kind = EventKind::claim_end,
                 .detail = static_cast<std::uint8_t>(reason),
                 .person = static_cast<PersonId>(i),
                 .other = index(p.coach[i]),
                 .value = static_cast<float>(p.claim_weeks[i])});
    p.claim[i] = ClaimState::none;
    p.claim_weeks[i] = 0;
    // In-work support (issue 3) keeps the coach after a claimant finds work.
    if (reason != ClaimEndReason::found_work || p.in_work_support_weeks[i] == 0) {
        p.coach[i] = none<CoachId>;
    }
    p.search_requirement[i] = 0;
}

void benefit_claim(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::benefit_claim)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    const std::uint32_t coaches_per_area = context.scenario.service.coaches_per_area;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const BenefitClaimParams& params = context.regime(p.arm[i]).benefit_claim;
        if (!params.enabled) {
            return;
        }
        // The stream is made only where a draw is due: most people are in work without a claim.
        if (p.claim[i] != ClaimState::none) {
            if (p.status[i] == LabourStatus::employed) {
                if (!guaranteed(params, p.hours_per_week[i], p.tenure_weeks[i])) {
                    end_claim(context, p, i, ClaimEndReason::found_work, events);
                }
            } else if (p.status[i] == LabourStatus::inactive) {
                end_claim(context, p, i, ClaimEndReason::left_labour_force, events);
            } else {
                const double multiplier =
                    p.claim[i] == ClaimState::sanctioned ? params.sanctioned_stop_multiplier : 1.0;
                auto stream = context.person_stream(i, rng::Purpose::benefit_claim);
                if (stream.bernoulli(params.weekly_stop_claiming * multiplier *
                                     coach_factor(world.coach_targets.sign_off, p.coach[i]))) {
                    end_claim(context, p, i, ClaimEndReason::stopped_claiming, events);
                }
            }
            return;
        }
        if (p.status[i] != LabourStatus::unemployed) {
            return;
        }
        // A spell that started this week is a job loss (durations advance at the week's end).
        const double take_up = (p.spell_weeks[i] == 0 ? params.take_up_on_job_loss
                                                      : params.weekly_take_up_while_searching) *
                               trust_take_up_factor(params, p.trust[i]);
        auto stream = context.person_stream(i, rng::Purpose::benefit_claim);
        if (!stream.bernoulli(take_up)) {
            return;
        }
        auto assignment = context.person_stream(i, rng::Purpose::coach_assignment);
        // A voluntary service user who claims keeps the coach they have (issue 3).
        const std::uint32_t coach =
            p.coach[i] != none<CoachId>
                ? index(p.coach[i])
                : index(p.area[i]) * coaches_per_area + assignment.below(coaches_per_area);
        // A sanction still running carries over to the new claim (no escape by re-claiming).
        p.claim[i] = p.sanction_weeks_left[i] > 0 ? ClaimState::sanctioned : ClaimState::claiming;
        p.claim_weeks[i] = 0;
        p.coach[i] = static_cast<CoachId>(coach);
        p.weeks_to_meeting[i] = 0;  // the first meeting is in the week of the claim
        events.emit({.week = context.week,
                     .kind = EventKind::claim_start,
                     .person = static_cast<PersonId>(i),
                     .other = coach});
    });
}

}  // namespace jobsim::mechanisms
