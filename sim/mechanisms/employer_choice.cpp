#include "sim/mechanisms/employer_choice.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <tbb/parallel_sort.h>

#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

struct Candidate {
    std::uint32_t vacancy;
    float score;
    std::uint32_t person;
    HireChannel channel;
};

/// Total order: by vacancy, best score first, then lowest person id. With a total order the
/// best applicant of a vacancy is unique, whatever order the applications come in.
bool candidate_order(const Candidate& a, const Candidate& b) {
    if (a.vacancy != b.vacancy) {
        return a.vacancy < b.vacancy;
    }
    if (a.score != b.score) {
        return a.score > b.score;
    }
    if (a.person != b.person) {
        return a.person < b.person;
    }
    return a.channel < b.channel;
}

struct Offer {
    std::uint32_t person;
    std::uint32_t vacancy;
    float weekly_pay;
    HireChannel channel;
};

bool offer_order(const Offer& a, const Offer& b) {
    if (a.person != b.person) {
        return a.person < b.person;
    }
    if (a.weekly_pay != b.weekly_pay) {
        return a.weekly_pay > b.weekly_pay;
    }
    return a.vacancy < b.vacancy;
}

/// Standard logistic noise from a uniform draw, clamped away from the infinite tails.
double logistic_noise(double u) {
    const double clamped = std::clamp(u, 1e-12, 1.0 - 1e-12);
    return std::log(clamped / (1.0 - clamped));
}

/// Propose: every application gets the employer's (noisy) assessment.
std::vector<Candidate> assess(const WeekContext& context, const EmployerChoiceParams& params,
                              const World& world) {
    const Persons& p = world.persons;
    const Applications& applications = world.applications;
    std::vector<Candidate> candidates(applications.vacancy.size());
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const std::uint32_t first = applications.offsets[i];
        const std::uint32_t last = applications.offsets[i + 1];
        if (first == last) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::employer_choice);
        for (std::uint32_t k = first; k < last; ++k) {
            const std::uint32_t v = applications.vacancy[k];
            const double noise = logistic_noise(stream.uniform());
            const HireChannel channel =
                k < applications.channel.size() ? applications.channel[k] : HireChannel::advert;
            if (v == Applications::no_vacancy) {
                candidates[k] = {v, 0.0f, i, channel};
                continue;
            }
            const double fit = 1.0 - std::abs(p.skill[i] - world.vacancies.skill_need[v]);
            const double referred = channel == HireChannel::referral ? params.referral_bonus : 0.0;
            const double score = assessment(params, fit, p.spell_weeks[i], p.barriers[i]) +
                                 support_assessment_lift(context.regime(p.arm[i]), p, i) +
                                 referred + params.assessment_noise * noise;
            candidates[k] = {v, static_cast<float>(score), i, channel};
        }
    });
    return candidates;
}

/// Each vacancy offers to its best applicant if they clear the threshold. Only the best of each
/// vacancy matters, so one pass keeps it (first under candidate_order, a total order: the same one
/// a sort would put first) instead of sorting all applications: linear in the applications.
std::vector<Offer> make_offers(const EmployerChoiceParams& params, const World& world,
                               const std::vector<Candidate>& candidates) {
    constexpr std::uint32_t none = 0xFFFFFFFFu;
    std::vector<std::uint32_t> best(world.vacancies.size(), none);  // index into candidates
    // In parallel: the first under a total order is the same whichever thread sees whom first.
    parallel_for_each(static_cast<std::uint32_t>(candidates.size()), [&](std::uint32_t k) {
        const std::uint32_t v = candidates[k].vacancy;
        if (v == Applications::no_vacancy) {
            return;
        }
        std::atomic_ref<std::uint32_t> slot(best[v]);
        std::uint32_t seen = slot.load(std::memory_order_relaxed);
        while ((seen == none || candidate_order(candidates[k], candidates[seen])) &&
               !slot.compare_exchange_weak(seen, k, std::memory_order_relaxed)) {
        }
    });
    std::vector<Offer> offers;
    for (std::uint32_t v = 0; v < best.size(); ++v) {
        if (best[v] == none) {
            continue;
        }
        const Candidate& top = candidates[best[v]];
        if (top.score > params.hiring_threshold) {
            const float pay = world.vacancies.wage_per_hour[v] *
                              static_cast<float>(world.vacancies.hours_per_week[v]);
            offers.push_back({top.person, v, pay, top.channel});
        }
    }
    tbb::parallel_sort(offers.begin(), offers.end(), offer_order);  // total: vacancies differ
    return offers;
}

}  // namespace

void hire(const WeekContext& context, World& world, std::uint32_t i, std::uint32_t v,
          HireChannel channel, EventSink& events) {
    Persons& p = world.persons;
    const Vacancies& vacancies = world.vacancies;
    const EmployerId employer = vacancies.employer[v];
    p.status[i] = LabourStatus::employed;
    p.employer[i] = employer;
    p.sector[i] = vacancies.sector[v];
    p.wage_per_hour[i] = vacancies.wage_per_hour[v];
    p.hours_per_week[i] = vacancies.hours_per_week[v];
    p.match_quality[i] = 1.0f - std::abs(p.skill[i] - vacancies.skill_need[v]);
    p.low_paid[i] = vacancies.wage_per_hour[v] < world.low_pay_threshold_per_hour;
    p.tenure_weeks[i] = 0;
    p.spell_weeks[i] = 0;
    p.wants_work[i] = 0;
    world.vacancies.filled[v] = 1;
    ++world.employers.headcount[index(employer)];
    events.emit({.week = context.week,
                 .kind = EventKind::hire,
                 .detail = static_cast<std::uint8_t>(channel),
                 .person = static_cast<PersonId>(i),
                 .other = index(employer),
                 .value = vacancies.wage_per_hour[v]});
}

void hire_in_person_order(const WeekContext& context, World& world,
                          std::span<const std::uint32_t> vacancy_of_person, HireChannel channel,
                          EventSink& events) {
    for (std::uint32_t i = 0; i < vacancy_of_person.size(); ++i) {
        const std::uint32_t v = vacancy_of_person[i];
        if (v != Applications::no_vacancy && world.vacancies.filled[v] == 0) {
            hire(context, world, i, v, channel, events);
        }
    }
}

double assessment(const EmployerChoiceParams& params, double skill_fit, std::uint16_t spell_weeks,
                  std::uint8_t barriers) {
    return params.skill_fit_weight * skill_fit -
           params.spell_penalty_per_year * spell_weeks / 52.0 -
           params.barrier_penalty * count_barriers(barriers);
}

double reservation_wage(const EmployerChoiceParams& params, float last_wage,
                        std::uint16_t spell_weeks, bool sanctioned) {
    double ratio = params.reservation_wage_ratio *
                   std::max(0.0, 1.0 - params.reservation_decline_per_year * spell_weeks / 52.0);
    if (sanctioned) {
        ratio *= 1.0 - params.sanctioned_reservation_cut;
    }
    return last_wage * ratio;
}

void employer_choice(const WeekContext& context, World& world, EventSink& events) {
    const EmployerChoiceParams& params = context.scenario.labour_market.employer_choice;
    if (!params.enabled) {
        return;
    }
    const std::vector<Candidate> candidates = assess(context, params, world);
    const std::vector<Offer> offers = make_offers(params, world, candidates);
    // Resolve: each person takes at most one offer: the best paid (weekly) of those whose hourly
    // wage clears their reservation wage. Declined offers leave the vacancy open for next week.
    Persons& p = world.persons;
    std::uint32_t hired = Applications::no_vacancy;  // person hired last; skips their other offers
    for (const Offer& offer : offers) {
        const std::uint32_t i = offer.person;
        if (i == hired) {
            continue;
        }
        const double reservation = reservation_wage(params, p.wage_per_hour[i], p.spell_weeks[i],
                                                    p.claim[i] == ClaimState::sanctioned) *
                                   coach_factor(world.coach_targets.reservation, p.coach[i]);
        if (world.vacancies.wage_per_hour[offer.vacancy] >= reservation) {
            hire(context, world, i, offer.vacancy, offer.channel, events);
            hired = i;
        }
    }
}

}  // namespace jobsim::mechanisms
