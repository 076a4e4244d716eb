#include "sim/mechanisms/job_leads.hpp"

#include <algorithm>

#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/grouping.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

struct Lead {
    std::uint32_t vacancy;
    HireChannel channel;
};

/// Open vacancies grouped by employer (counting sort, stable by vacancy index).
Grouped<std::uint32_t> vacancies_by_employer(const World& world) {
    const Vacancies& v = world.vacancies;
    return group_stably(
        world.employers.size(), v.size(), [&v](std::size_t k) { return index(v.employer[k]); },
        [](std::size_t k) { return static_cast<std::uint32_t>(k); });
}

/// Marks a person who cannot pass on a lead in lead_employer.
constexpr std::uint32_t no_lead_employer = 0xFFFFFFFFu;

/// Per person, the employer whose vacancies they can pass on (no_lead_employer when out of work
/// or self-employed, who have none). Built once a week in parallel, it is the one column the
/// searchers' neighbour reads touch: a random read per contact instead of two or three.
std::vector<std::uint32_t> lead_employers(const Persons& p) {
    std::vector<std::uint32_t> out(p.size());
    parallel_for_each(p.size(), [&](std::uint32_t i) {
        out[i] = p.status[i] == LabourStatus::employed && p.self_employed[i] == 0
                     ? index(p.employer[i])
                     : no_lead_employer;
    });
    return out;
}

/// The lead (if any) a contact at employer e passes on over `tie`, from the searcher's stream.
bool draw_lead(const JobLeadsParams& params, const World& world,
               const Grouped<std::uint32_t>& by_employer, std::uint32_t e, const Tie& tie,
               rng::Stream& stream, Lead& lead) {
    if (!stream.bernoulli(lead_chance(params, tie.flags))) {
        return false;
    }
    const std::uint32_t open = by_employer.group_size(e);
    if (open > 0) {
        const double referral_share = (tie.flags & tie_strong) != 0 ? params.strong_referral_share
                                                                    : params.weak_referral_share;
        lead.vacancy = by_employer.begin_of(e)[stream.below(open)];
        lead.channel =
            stream.bernoulli(referral_share) ? HireChannel::referral : HireChannel::word_of_mouth;
        return true;
    }
    const auto area = index(world.employers.area[e]);
    const std::uint32_t nearby = world.vacancies_by_area.group_size(area);
    if (nearby == 0 || !stream.bernoulli(params.area_news_share)) {
        return false;
    }
    lead.vacancy = world.vacancies_by_area.begin_of(area)[stream.below(nearby)];
    lead.channel = HireChannel::word_of_mouth;
    return true;
}

/// The leads each searcher's contacts pass on this week: up to `cap` per searcher, in tie order.
struct FoundLeads {
    std::uint32_t cap = 0;
    std::vector<Lead> leads;          ///< searcher s's are at [s * cap, s * cap + count[s])
    std::vector<std::uint8_t> count;  ///< by searcher
};

/// Draws every searcher's leads (in parallel, each from their own stream). The per-person
/// employer column it builds is freed on return, before the merge allocates (issue 5's peak
/// memory falls in this mechanism).
FoundLeads find_leads(const WeekContext& context, const JobLeadsParams& params, const World& world,
                      const std::vector<std::uint32_t>& searchers) {
    const Grouped<std::uint32_t> by_employer = vacancies_by_employer(world);
    const std::vector<std::uint32_t> lead_employer = lead_employers(world.persons);
    FoundLeads found;
    found.cap = params.max_leads_per_week;
    found.leads.resize(searchers.size() * found.cap);
    found.count.assign(searchers.size(), 0);
    parallel_for_each(static_cast<std::uint32_t>(searchers.size()), [&](std::uint32_t s) {
        const std::uint32_t i = searchers[s];
        auto stream = context.person_stream(i, rng::Purpose::job_leads);
        std::uint32_t count = 0;
        for (const Tie& tie : world.network.ties(i)) {
            const std::uint32_t e = lead_employer[tie.contact];
            if (e == no_lead_employer) {
                continue;
            }
            if (draw_lead(params, world, by_employer, e, tie, stream,
                          found.leads[static_cast<std::size_t>(s) * found.cap + count]) &&
                ++count == found.cap) {
                break;
            }
        }
        found.count[s] = static_cast<std::uint8_t>(count);
    });
    return found;
}

/// Where each person's applications begin once their leads are appended to their own (the person
/// column of found counts it needs is freed on return).
std::vector<std::uint32_t> merged_offsets(const Applications& applications, std::uint32_t n,
                                          const std::vector<std::uint32_t>& searchers,
                                          const FoundLeads& found) {
    std::vector<std::uint8_t> found_by_person(n, 0);
    parallel_for_each(static_cast<std::uint32_t>(searchers.size()),
                      [&](std::uint32_t k) { found_by_person[searchers[k]] = found.count[k]; });
    return prefix_offsets(n, [&](std::uint32_t i) {
        return applications.offsets[i + 1] - applications.offsets[i] + found_by_person[i];
    });
}

/// Adds the leads to this week's applications (channel referral or word of mouth).
void merge_leads(Applications& applications, std::uint32_t n,
                 const std::vector<std::uint32_t>& searchers, const FoundLeads& found) {
    if (applications.offsets.size() != static_cast<std::size_t>(n) + 1) {
        applications.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    }
    applications.channel.resize(applications.vacancy.size(), HireChannel::advert);
    applications.low_fit.resize(applications.vacancy.size(), 0);
    std::vector<std::uint32_t> offsets = merged_offsets(applications, n, searchers, found);
    std::vector<std::uint32_t> lead_begin(searchers.size());
    parallel_for_each(static_cast<std::uint32_t>(searchers.size()), [&](std::uint32_t k) {
        const std::uint32_t i = searchers[k];
        lead_begin[k] = offsets[i] + applications.offsets[i + 1] - applications.offsets[i];
    });
    std::vector<std::uint32_t> vacancy(offsets[n]);
    std::vector<HireChannel> channel(offsets[n]);
    std::vector<std::uint8_t> low_fit(offsets[n], 0);  // a lead fits: someone passed it on
    parallel_for_each(n, [&](std::uint32_t i) {
        const std::uint32_t first = applications.offsets[i];
        const std::uint32_t own = applications.offsets[i + 1] - first;
        std::copy_n(applications.vacancy.begin() + first, own, vacancy.begin() + offsets[i]);
        std::copy_n(applications.channel.begin() + first, own, channel.begin() + offsets[i]);
        std::copy_n(applications.low_fit.begin() + first, own, low_fit.begin() + offsets[i]);
    });
    parallel_for_each(static_cast<std::uint32_t>(searchers.size()), [&](std::uint32_t k) {
        for (std::uint32_t l = 0; l < found.count[k]; ++l) {
            const Lead& lead = found.leads[static_cast<std::size_t>(k) * found.cap + l];
            vacancy[lead_begin[k] + l] = lead.vacancy;
            channel[lead_begin[k] + l] = lead.channel;
        }
    });
    applications.offsets = std::move(offsets);
    applications.vacancy = std::move(vacancy);
    applications.channel = std::move(channel);
    applications.low_fit = std::move(low_fit);
}

}  // namespace

double lead_chance(const JobLeadsParams& params, std::uint8_t tie_flags) {
    const double ratio = (tie_flags & tie_bridging) != 0 ? params.bridging_information_ratio : 1.0;
    return std::min(1.0, params.lead_probability * ratio);
}

void job_leads(const WeekContext& context, World& world, EventSink& /*events*/) {
    const JobLeadsParams& params = context.scenario.labour_market.job_leads;
    const Persons& p = world.persons;
    const std::uint32_t n = p.size();
    const Network& network = world.network;
    if (!params.enabled || params.max_leads_per_week == 0 || network.persons() != n ||
        world.vacancies.size() == 0) {
        return;
    }
    const std::vector<std::uint32_t> searchers = select_in_order(n, [&](std::uint32_t i) {
        return p.status[i] == LabourStatus::unemployed && network.degree[i] > 0;
    });
    const FoundLeads found = find_leads(context, params, world, searchers);
    merge_leads(world.applications, n, searchers, found);
}

}  // namespace jobsim::mechanisms
