#include "sim/mechanisms/provider_referral.hpp"

#include <algorithm>
#include <cmath>

#include "sim/mechanisms/coach_information.hpp"
#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

// Persons::provider: the provider in the low bits; a flag once an outcome fee is paid.
constexpr std::uint8_t kind_mask = 0x07;
constexpr std::uint8_t outcome_paid_flag = 0x80;

/// Barriers a referral can address.
constexpr std::uint8_t referrable = barrier_health | barrier_housing;

void pay(const WeekContext& context, std::uint32_t i, double gbp, EventSink& events) {
    events.emit({.week = context.week,
                 .kind = EventKind::public_cost,
                 .detail = static_cast<std::uint8_t>(CostItem::provider),
                 .person = static_cast<PersonId>(i),
                 .value = static_cast<float>(gbp)});
}

/// A referral: lost in the hand-off, declined (cream-skimmed) or started.
void refer(const WeekContext& context, const ProviderReferralParams& params, Persons& p,
           std::uint32_t i, ProviderKind kind, rng::Stream& stream, EventSink& events) {
    ReferralOutcome outcome = ReferralOutcome::started;
    if (stream.bernoulli(params.handoff_loss)) {
        outcome = ReferralOutcome::lost_in_handoff;
    } else if (params.payment_by_results &&
               stream.bernoulli(params.cream_skim_per_barrier * count_barriers(p.barriers[i]))) {
        outcome = ReferralOutcome::declined;
    }
    events.emit({.week = context.week,
                 .kind = EventKind::referral,
                 .detail = static_cast<std::uint8_t>(kind),
                 .person = static_cast<PersonId>(i),
                 .other = static_cast<std::uint32_t>(outcome)});
    if (outcome != ReferralOutcome::started) {
        return;
    }
    const ProgrammeSpec& spec = *programme(params, kind);
    p.provider[i] = static_cast<std::uint8_t>(kind);
    p.provider_weeks[i] = static_cast<std::uint8_t>(spec.weeks);
    if (!params.payment_by_results) {
        pay(context, i, spec.fee_gbp, events);
    }
}

/// This week's programme: countdown, housing resolution, outcome fee.
void run_programme(const WeekContext& context, const ProviderReferralParams& params, Persons& p,
                   std::uint32_t i, EventSink& events) {
    const ProviderKind kind = provider_of(p.provider[i]);
    if (kind == ProviderKind::third_sector && (p.barriers[i] & barrier_housing) != 0) {
        auto progress = context.person_stream(i, rng::Purpose::provider_progress);
        if (progress.bernoulli(params.housing_resolution_per_week)) {
            p.barriers[i] = static_cast<std::uint8_t>(p.barriers[i] & ~barrier_housing);
        }
    }
    const ProgrammeSpec* spec = programme(params, kind);
    if (spec != nullptr && params.payment_by_results && p.status[i] == LabourStatus::employed &&
        (p.provider[i] & outcome_paid_flag) == 0) {
        p.provider[i] = static_cast<std::uint8_t>(p.provider[i] | outcome_paid_flag);
        pay(context, i, spec->fee_gbp, events);
    }
    --p.provider_weeks[i];
}

}  // namespace

ProviderKind provider_of(std::uint8_t provider) {
    return static_cast<ProviderKind>(provider & kind_mask);
}

const ProgrammeSpec* programme(const ProviderReferralParams& params, ProviderKind kind) {
    switch (kind) {
        case ProviderKind::ips:
            return &params.ips;
        case ProviderKind::third_sector:
            return &params.third_sector;
        case ProviderKind::prime:
            return &params.prime;
        case ProviderKind::none:
            break;
    }
    return nullptr;
}

void provider_referral(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::provider_referral)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const ProviderReferralParams& params = context.regime(p.arm[i]).provider_referral;
        if (!params.enabled) {
            return;
        }
        if (p.provider_weeks[i] > 0) {
            run_programme(context, params, p, i, events);
            return;  // one programme at a time
        }
        if (p.coach[i] == none<CoachId>) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::provider_referral);
        if (params.prime_provider && p.claim_weeks[i] >= params.prime_after_claim_weeks &&
            provider_of(p.provider[i]) != ProviderKind::prime) {
            refer(context, params, p, i, ProviderKind::prime, stream, events);
            return;
        }
        if (p.meeting_this_week[i] != MeetingOutcome::attended) {
            return;
        }
        // What the person told the coach, and what they ask for knowing the services exist (B9).
        const std::uint8_t told =
            p.barriers_disclosed[i] | informed_needs(context.regime(p.arm[i]).coach_information,
                                                     p.barriers[i], p.informed_weeks[i]);
        const std::uint8_t needs = coach_assessed_needs(
            told, referrable,
            params.misjudge_probability * coach_factor(world.coach_targets.misjudge, p.coach[i]),
            stream);
        if (needs == 0 ||
            !stream.bernoulli(params.referral_probability *
                              coach_factor(world.coach_targets.referral, p.coach[i]))) {
            return;
        }
        const ProviderKind kind = pick_bit(needs, stream) == barrier_health
                                      ? ProviderKind::ips
                                      : ProviderKind::third_sector;
        refer(context, params, p, i, kind, stream, events);
    });
}

}  // namespace jobsim::mechanisms
