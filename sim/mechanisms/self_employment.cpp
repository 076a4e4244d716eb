#include "sim/mechanisms/self_employment.hpp"

#include <algorithm>
#include <cmath>

#include <boost/random/normal_distribution.hpp>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

void pay(const WeekContext& context, std::uint32_t i, CostItem item, double gbp,
         EventSink& events) {
    events.emit({.week = context.week,
                 .kind = EventKind::public_cost,
                 .detail = static_cast<std::uint8_t>(item),
                 .person = static_cast<PersonId>(i),
                 .value = static_cast<float>(gbp)});
}

/// Whether person i has a business idea: a trait drawn from a week-0 stream, so the same people
/// have one all replication long (and in every arm).
bool has_business_idea(const WeekContext& context, const SelfEmploymentParams& params,
                       std::uint32_t i) {
    return rng::Stream(context.key, rng::EntityKind::person, i, 0, rng::Purpose::business_idea)
        .bernoulli(params.business_idea_share);
}

bool eligible(const SelfEmploymentParams& params, const Persons& p, std::uint32_t i) {
    const bool out_of_work = p.status[i] == LabourStatus::unemployed ||
                             (p.status[i] == LabourStatus::inactive && p.wants_work[i] != 0);
    const bool with_service = params.eligibility == EnterpriseEligibility::claimants
                                  ? p.claim[i] != ClaimState::none
                                  : p.coach[i] != none<CoachId>;
    return out_of_work && with_service && p.meeting_this_week[i] == MeetingOutcome::attended;
}

/// Starts trading: employed with no employer, at this business's own hourly earnings.
void start_business(const WeekContext& context, const SelfEmploymentParams& params, World& world,
                    std::uint32_t i, rng::Stream& stream, EventSink& events) {
    Persons& p = world.persons;
    boost::random::normal_distribution<double> normal;
    const double wage =
        params.median_hourly_earnings_gbp * std::exp(params.earnings_dispersion * normal(stream));
    p.status[i] = LabourStatus::employed;
    p.self_employed[i] = 1;
    p.wants_work[i] = 0;
    p.employer[i] = none<EmployerId>;
    p.wage_per_hour[i] = static_cast<float>(wage);
    p.hours_per_week[i] = static_cast<std::uint8_t>(std::min(params.hours_per_week, 255u));
    p.low_paid[i] = p.wage_per_hour[i] < world.low_pay_threshold_per_hour;
    p.match_quality[i] = 1.0f;  // their own idea: no skill mismatch with an employer's job
    p.tenure_weeks[i] = 0;
    p.spell_weeks[i] = 0;
    events.emit({.week = context.week,
                 .kind = EventKind::self_employment_start,
                 .person = static_cast<PersonId>(i),
                 .value = p.wage_per_hour[i]});
    pay(context, i, CostItem::business_mentoring, params.mentoring_cost_gbp, events);
    const double allowance = enterprise_allowance(params, 0);  // from the first week
    if (allowance > 0.0) {
        pay(context, i, CostItem::enterprise_allowance, allowance, events);
    }
}

/// A trading week: earnings move, the allowance is paid, and the business may close.
void trade(const WeekContext& context, const SelfEmploymentParams& params, World& world,
           std::uint32_t i, EventSink& events) {
    Persons& p = world.persons;
    auto stream = context.person_stream(i, rng::Purpose::business_trading);
    const double sd = params.weekly_earnings_volatility;
    const double shock = std::exp(sd * boost::random::normal_distribution<double>()(stream) -
                                  0.5 * sd * sd);  // mean 1: earnings vary, not drift
    p.wage_per_hour[i] = static_cast<float>(p.wage_per_hour[i] * shock);
    p.low_paid[i] = p.wage_per_hour[i] < world.low_pay_threshold_per_hour;
    const double allowance = enterprise_allowance(params, p.tenure_weeks[i]);
    if (allowance > 0.0) {
        pay(context, i, CostItem::enterprise_allowance, allowance, events);
    }
    if (!stream.bernoulli(closure_hazard(params, p.tenure_weeks[i], p.low_paid[i] != 0))) {
        return;
    }
    const LabourStatus destination = stream.bernoulli(params.to_inactivity_probability)
                                         ? LabourStatus::inactive
                                         : LabourStatus::unemployed;
    events.emit({.week = context.week,
                 .kind = EventKind::business_closed,
                 .detail = static_cast<std::uint8_t>(destination),
                 .person = static_cast<PersonId>(i),
                 .value = static_cast<float>(p.tenure_weeks[i])});
    p.status[i] = destination;
    p.self_employed[i] = 0;
    p.low_paid[i] = 0;
    p.tenure_weeks[i] = 0;
    p.spell_weeks[i] = 0;
}

}  // namespace

double enterprise_allowance(const SelfEmploymentParams& params, std::uint16_t weeks_trading) {
    if (weeks_trading < params.allowance_weeks) {
        return params.allowance_gbp_per_week;
    }
    if (weeks_trading < params.allowance_weeks + params.tapered_allowance_weeks) {
        return params.tapered_allowance_gbp_per_week;
    }
    return 0.0;
}

double closure_hazard(const SelfEmploymentParams& params, std::uint16_t weeks_trading,
                      bool low_earnings) {
    double hazard = params.weekly_closure_hazard;
    if (weeks_trading < params.early_weeks) {
        hazard *= params.early_closure_multiplier;
    }
    if (low_earnings) {
        hazard *= params.low_earnings_closure_multiplier;
    }
    if (enterprise_allowance(params, weeks_trading) > 0.0) {
        hazard *= params.supported_closure_factor;
    }
    return std::min(hazard, 1.0);
}

void self_employment(const WeekContext& context, World& world, EventSink& events) {
    if (!context.any_arm_enables(&Regime::self_employment)) {
        return;  // each person's step starts with its arm's switch: no arm, no work
    }
    Persons& p = world.persons;
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const SelfEmploymentParams& params = context.regime(p.arm[i]).self_employment;
        if (!params.enabled) {
            return;
        }
        if (p.self_employed[i] != 0) {
            trade(context, params, world, i, events);
            return;
        }
        if (!eligible(params, p, i) || !has_business_idea(context, params, i)) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::self_employment_start);
        if (stream.bernoulli(params.start_probability_at_meeting)) {
            start_business(context, params, world, i, stream, events);
        }
    });
}

}  // namespace jobsim::mechanisms
