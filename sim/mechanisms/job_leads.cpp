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

}  // namespace

double lead_chance(const JobLeadsParams& params, std::uint8_t tie_flags) {
    const double ratio = (tie_flags & tie_bridging) != 0 ? params.bridging_information_ratio : 1.0;
    return std::min(1.0, params.lead_probability * ratio);
}

void job_leads(const WeekContext& context, World& world, EventSink& /*events*/) {
    const JobLeadsParams& params = context.scenario.labour_market.job_leads;
    Persons& p = world.persons;
    const std::uint32_t n = p.size();
    const Network& network = world.network;
    if (!params.enabled || params.max_leads_per_week == 0 || network.persons() != n ||
        world.vacancies.size() == 0) {
        return;
    }
    const Grouped<std::uint32_t> by_employer = vacancies_by_employer(world);
    const std::vector<std::uint32_t> searchers = select_in_order(n, [&](std::uint32_t i) {
        return p.status[i] == LabourStatus::unemployed && network.degree[i] > 0;
    });
    const std::uint32_t cap = params.max_leads_per_week;
    const std::vector<std::uint32_t> lead_employer = lead_employers(p);
    std::vector<Lead> leads(searchers.size() * cap);
    std::vector<std::uint8_t> found(searchers.size(), 0);
    parallel_for_each(static_cast<std::uint32_t>(searchers.size()), [&](std::uint32_t s) {
        const std::uint32_t i = searchers[s];
        auto stream = context.person_stream(i, rng::Purpose::job_leads);
        std::uint32_t count = 0;
        for (const Tie& tie : network.ties(i)) {
            const std::uint32_t e = lead_employer[tie.contact];
            if (e == no_lead_employer) {
                continue;
            }
            if (draw_lead(params, world, by_employer, e, tie, stream,
                          leads[static_cast<std::size_t>(s) * cap + count]) &&
                ++count == cap) {
                break;
            }
        }
        found[s] = static_cast<std::uint8_t>(count);
    });

    // Merge: each person's own applications first, then their leads, in person order.
    Applications& applications = world.applications;
    if (applications.offsets.size() != static_cast<std::size_t>(n) + 1) {
        applications.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    }
    applications.channel.resize(applications.vacancy.size(), HireChannel::advert);
    applications.low_fit.resize(applications.vacancy.size(), 0);
    std::vector<std::uint8_t> found_by_person(n, 0);
    parallel_for_each(static_cast<std::uint32_t>(searchers.size()),
                      [&](std::uint32_t k) { found_by_person[searchers[k]] = found[k]; });
    std::vector<std::uint32_t> offsets = prefix_offsets(n, [&](std::uint32_t i) {
        return applications.offsets[i + 1] - applications.offsets[i] + found_by_person[i];
    });
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
        for (std::uint32_t l = 0; l < found[k]; ++l) {
            const Lead& lead = leads[static_cast<std::size_t>(k) * cap + l];
            vacancy[lead_begin[k] + l] = lead.vacancy;
            channel[lead_begin[k] + l] = lead.channel;
        }
    });
    applications.offsets = std::move(offsets);
    applications.vacancy = std::move(vacancy);
    applications.channel = std::move(channel);
    applications.low_fit = std::move(low_fit);
}

}  // namespace jobsim::mechanisms
