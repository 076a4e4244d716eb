#include "sim/mechanisms/employer_links.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <utility>
#include <vector>

#include "sim/mechanisms/barrier_disclosure.hpp"
#include "sim/mechanisms/employer_choice.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/population/generate.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

/// Arms with people in this world (the runner gives each arm a world of its own).
std::vector<std::uint8_t> arms_present(const Persons& p, std::size_t arms) {
    std::vector<std::uint8_t> present(arms, 0);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        std::atomic_ref<std::uint8_t> flag(present[p.arm[i]]);
        if (flag.load(std::memory_order_relaxed) == 0) {
            flag.store(1, std::memory_order_relaxed);
        }
    });
    return present;
}

/// Makes room for arm a's links with `holders` holders per area; other holder counts start afresh.
void prepare_arm(World& world, std::size_t arms, std::uint8_t a, std::uint32_t holders) {
    EmployerLinks& links = world.employer_links;
    if (links.holders.size() < arms) {
        links.holders.resize(arms, 0);
        links.strength.resize(arms);
        links.unbilled_gbp.resize(arms);
    }
    const std::size_t employers = world.employers.size();
    if (links.holders[a] != holders || links.strength[a].size() != employers * holders) {
        links.holders[a] = holders;
        links.strength[a].assign(employers * holders, 0.0f);
        links.unbilled_gbp[a].assign(static_cast<std::size_t>(world.areas.size()) * holders, 0.0);
    }
}

/// How much a holder wants to contact employer e: bigger employers and existing links first; a
/// share of the weight follows the sector's growth (F5).
double contact_weight(const EmployerLinksParams& params, const World& world, std::uint32_t e,
                      float strength) {
    const double growth = sector_factor(world.sector_demand_multiplier, world.employers.sector[e]);
    const double weight =
        world.employers.target_size[e] * (1.0 + params.upkeep_preference * strength) *
        ((1.0 - params.growth_sector_share) + params.growth_sector_share * growth);
    return std::max(weight, 1e-12);
}

/// One week of link upkeep for one arm: each holder of each area contacts employers (a weighted
/// sample without replacement), contacts taken up strengthen links, the rest decay; the hours
/// go to the holder's unbilled cost. Parallel over areas: an area writes only its own employers'
/// links and its own holders' costs.
void keep_up_links(const WeekContext& context, const EmployerLinksParams& params, World& world,
                   std::uint8_t arm, const Grouped<std::uint32_t>& employers_by_area) {
    EmployerLinks& links = world.employer_links;
    const std::uint32_t holders = links.holders[arm];
    std::vector<float>& strength = links.strength[arm];
    std::vector<double>& unbilled = links.unbilled_gbp[arm];
    const double contacts_per_holder =
        params.engagement_hours_per_area / holders / params.hours_per_contact;
    const double gbp_per_contact =
        params.hours_per_contact * context.scenario.accounting.coach_cost_per_hour_gbp;
    parallel_for_each(world.areas.size(), [&](std::uint32_t area) {
        const std::uint32_t count = employers_by_area.group_size(area);
        const std::uint32_t* members = employers_by_area.begin_of(area);
        // Holder h uses the h-th draw of each stream, so the first holder's draws are the same
        // whatever the number of holders (common random numbers across regimes).
        std::vector<double> targeting(static_cast<std::size_t>(count) * holders);
        std::vector<double> take_up(targeting.size());
        for (std::uint32_t k = 0; k < count; ++k) {
            rng::Stream target_stream(context.key, rng::EntityKind::employer, members[k],
                                      context.week, rng::Purpose::link_targeting);
            rng::Stream take_up_stream(context.key, rng::EntityKind::employer, members[k],
                                       context.week, rng::Purpose::link_take_up);
            for (std::uint32_t h = 0; h < holders; ++h) {
                targeting[k * holders + h] = target_stream.uniform();
                take_up[k * holders + h] = take_up_stream.uniform();
            }
        }
        std::vector<std::uint8_t> contacted(targeting.size(), 0);
        std::vector<std::pair<double, std::uint32_t>> ranked(count);
        rng::Stream contacts_stream(context.key, rng::EntityKind::area, area, context.week,
                                    rng::Purpose::link_contacts);
        const double whole = std::floor(contacts_per_holder);
        for (std::uint32_t h = 0; h < holders; ++h) {
            const bool extra = contacts_stream.bernoulli(contacts_per_holder - whole);
            const auto contacts =
                std::min(static_cast<std::uint32_t>(whole) + (extra ? 1u : 0u), count);
            // Efraimidis-Spirakis: the largest log(u) / weight are a weighted sample without
            // replacement; ties go to the lower employer.
            for (std::uint32_t k = 0; k < count; ++k) {
                const std::uint32_t e = members[k];
                const double weight =
                    contact_weight(params, world, e, strength[std::size_t{e} * holders + h]);
                ranked[k] = {std::log1p(-targeting[k * holders + h]) / weight, k};
            }
            std::partial_sort(ranked.begin(), ranked.begin() + contacts, ranked.end(),
                              [](const auto& a, const auto& b) {
                                  return a.first != b.first ? a.first > b.first
                                                            : a.second < b.second;
                              });
            for (std::uint32_t j = 0; j < contacts; ++j) {
                contacted[ranked[j].second * holders + h] = 1;
            }
            unbilled[std::size_t{area} * holders + h] += contacts * gbp_per_contact;
        }
        // Update from last week's strengths: an employer linked to other holders takes a contact
        // up less often (duplication, F4).
        std::vector<float> before(holders);
        for (std::uint32_t k = 0; k < count; ++k) {
            float* link = strength.data() + std::size_t{members[k]} * holders;
            std::copy(link, link + holders, before.begin());
            double total = 0.0;
            for (const float s : before) {
                total += s;
            }
            for (std::uint32_t h = 0; h < holders; ++h) {
                const double s = before[h];
                const double take_up_chance = params.engagement_probability /
                                              (1.0 + params.duplicate_contact_burden * (total - s));
                const bool built =
                    contacted[k * holders + h] != 0 && take_up[k * holders + h] < take_up_chance;
                link[h] = static_cast<float>(built ? s + params.build_rate * (1.0 - s)
                                                   : s * (1.0 - params.decay_rate));
            }
        }
    });
}

/// An open vacancy in person i's home area at an employer linked to holder h, drawn in proportion
/// to link strength x skill fit; Applications::no_vacancy if there is none.
std::uint32_t linked_vacancy(const World& world, const float* strength, std::uint32_t holders,
                             std::uint32_t h, std::uint32_t i, rng::Stream& stream) {
    const std::uint32_t area = index(world.persons.area[i]);
    const std::uint32_t open = world.vacancies_by_area.group_size(area);
    const std::uint32_t* vacancies = world.vacancies_by_area.begin_of(area);
    const auto weight = [&](std::uint32_t v) {
        if (world.vacancies.filled[v] != 0) {
            return 0.0;
        }
        const double s = strength[std::size_t{index(world.vacancies.employer[v])} * holders + h];
        return s * (1.0 - std::abs(world.persons.skill[i] - world.vacancies.skill_need[v]));
    };
    double total = 0.0;
    for (std::uint32_t k = 0; k < open; ++k) {
        total += weight(vacancies[k]);
    }
    if (total <= 0.0) {
        return Applications::no_vacancy;
    }
    const double target = stream.uniform() * total;
    double sum = 0.0;
    std::uint32_t chosen = Applications::no_vacancy;
    for (std::uint32_t k = 0; k < open; ++k) {
        const double w = weight(vacancies[k]);
        if (w > 0.0) {
            chosen = vacancies[k];  // the last one with weight, should rounding leave target
            sum += w;
            if (target < sum) {
                break;
            }
        }
    }
    return chosen;
}

}  // namespace

std::uint32_t link_holders(const EmployerLinksParams& params) {
    return params.single_point_of_contact ? 1u : std::max(params.providers_per_area, 1u);
}

LinkTotals link_totals(const World& world, std::uint8_t arm) {
    const EmployerLinks& links = world.employer_links;
    LinkTotals totals;
    if (arm >= links.holders.size() || links.holders[arm] == 0) {
        return totals;
    }
    const std::uint32_t holders = links.holders[arm];
    const std::vector<float>& strength = links.strength[arm];
    for (std::size_t e = 0; e * holders < strength.size(); ++e) {
        float strongest = 0.0f;
        for (std::uint32_t h = 0; h < holders; ++h) {
            totals.strength += strength[e * holders + h];
            strongest = std::max(strongest, strength[e * holders + h]);
        }
        totals.linked_employers += strongest >= 0.5f;
    }
    return totals;
}

void employer_links(const WeekContext& context, World& world, EventSink& events) {
    Persons& p = world.persons;
    const std::size_t arms = context.arms.size();
    std::vector<std::uint8_t> active = arms_present(p, arms);
    bool any = false;
    for (std::size_t a = 0; a < arms; ++a) {
        active[a] = active[a] != 0 && context.arms[a].employer_links.enabled ? 1 : 0;
        any = any || active[a] != 0;
    }
    if (!any) {
        return;
    }
    const Grouped<std::uint32_t> employers_by_area =
        group_by_area(world.employers.area, world.areas.size());
    std::vector<std::vector<std::uint32_t>> meetings(arms);
    for (std::size_t a = 0; a < arms; ++a) {
        if (active[a] != 0) {
            const auto arm = static_cast<std::uint8_t>(a);
            const EmployerLinksParams& params = context.arms[a].employer_links;
            prepare_arm(world, arms, arm, link_holders(params));
            keep_up_links(context, params, world, arm, employers_by_area);
            meetings[a].assign(world.employer_links.unbilled_gbp[a].size(), 0);
        }
    }

    // Propose: at an attended meeting the coach may put a service user out of work forward to a
    // linked employer's vacancy; the employer decides on the link's word.
    const EmployerLinks& links = world.employer_links;
    const EmployerChoiceParams& choice = context.scenario.labour_market.employer_choice;
    std::vector<std::uint32_t> vacancy_of(p.size(), Applications::no_vacancy);
    std::vector<std::uint8_t> billed(p.size(), 0);
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        const std::uint8_t arm = p.arm[i];
        if (active[arm] == 0 || p.meeting_this_week[i] != MeetingOutcome::attended ||
            p.status[i] != LabourStatus::unemployed || p.coach[i] == none<CoachId>) {
            return;
        }
        const EmployerLinksParams& params = context.regime(arm).employer_links;
        const std::uint32_t holders = links.holders[arm];
        const std::uint32_t h = link_holder_of(i, holders);
        const std::size_t slot = std::size_t{index(p.area[i])} * holders + h;
        std::atomic_ref<std::uint32_t>(meetings[arm][slot]).fetch_add(1, std::memory_order_relaxed);
        billed[i] = 1;
        const bool far_from_work = p.spell_weeks[i] >= params.long_spell_weeks;
        const double priority = 1.0 +
                                params.priority_per_barrier * count_barriers(known_barriers(p, i)) +
                                (far_from_work ? params.priority_long_spell : 0.0);
        auto put_forward = context.person_stream(i, rng::Purpose::link_put_forward);
        if (!put_forward.bernoulli(params.put_forward_probability * priority)) {
            return;
        }
        auto choose = context.person_stream(i, rng::Purpose::link_vacancy);
        const float* strength = links.strength[arm].data();
        const std::uint32_t v = linked_vacancy(world, strength, holders, h, i, choose);
        if (v == Applications::no_vacancy) {
            return;
        }
        const std::uint32_t employer = index(world.vacancies.employer[v]);
        const double s = strength[std::size_t{employer} * holders + h];
        auto acceptance = context.person_stream(i, rng::Purpose::link_acceptance);
        PutForwardOutcome outcome = PutForwardOutcome::employer_declined;
        if (acceptance.bernoulli(s * params.acceptance_at_full_strength)) {
            const double reservation = reservation_wage(
                choice, p.wage_per_hour[i], p.spell_weeks[i], p.claim[i] == ClaimState::sanctioned);
            outcome = world.vacancies.wage_per_hour[v] >= reservation
                          ? PutForwardOutcome::offered
                          : PutForwardOutcome::person_declined;
        }
        if (outcome == PutForwardOutcome::offered) {
            vacancy_of[i] = v;
        }
        events.emit({.week = context.week,
                     .kind = EventKind::put_forward,
                     .detail = static_cast<std::uint8_t>(outcome),
                     .person = static_cast<PersonId>(i),
                     .other = employer,
                     .value = static_cast<float>(s)});
    });
    // Resolve: a vacancy two people were put forward to goes to the first in person order.
    hire_in_person_order(context, world, vacancy_of, HireChannel::coach_link, events);

    // Charge each holder's engagement hours to its meetings this week, in equal shares; with no
    // meeting the cost waits for next week's.
    std::vector<std::vector<double>> share(arms);
    for (std::size_t a = 0; a < arms; ++a) {
        std::vector<double>& unbilled = world.employer_links.unbilled_gbp[a];
        share[a].assign(meetings[a].size(), 0.0);
        for (std::size_t slot = 0; slot < meetings[a].size(); ++slot) {
            if (meetings[a][slot] > 0) {
                share[a][slot] = unbilled[slot] / meetings[a][slot];
                unbilled[slot] = 0.0;
            }
        }
    }
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        if (billed[i] == 0) {
            return;
        }
        const std::uint8_t arm = p.arm[i];
        const std::uint32_t holders = links.holders[arm];
        const std::size_t slot =
            std::size_t{index(p.area[i])} * holders + link_holder_of(i, holders);
        events.emit({.week = context.week,
                     .kind = EventKind::public_cost,
                     .detail = static_cast<std::uint8_t>(CostItem::employer_engagement),
                     .person = static_cast<PersonId>(i),
                     .value = static_cast<float>(share[arm][slot])});
    });
}

}  // namespace jobsim::mechanisms
