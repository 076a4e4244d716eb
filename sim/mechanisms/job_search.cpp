#include "sim/mechanisms/job_search.hpp"

#include <algorithm>
#include <cmath>

#include <boost/random/poisson_distribution.hpp>

#include "sim/mechanisms/coach_information.hpp"
#include "sim/mechanisms/hardship.hpp"
#include "sim/mechanisms/support_effects.hpp"
#include "sim/observe/event_sink.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

/// Areas further than this many decay lengths away are not searched (weight below e^-7).
constexpr double search_horizon_decays = 7.0;

void build_search_areas(const JobSearchParams& params, const Areas& areas, SearchAreas& table) {
    table.decay_km = params.commute_decay_km;
    table.reachable.offsets.assign(static_cast<std::size_t>(areas.size()) + 1, 0);
    table.reachable.values.clear();
    table.cumulative_weight.clear();
    for (std::uint16_t home = 0; home < areas.size(); ++home) {
        double total = 0.0;
        for (std::uint16_t target = 0; target < areas.size(); ++target) {
            const double dx = areas.x_km[home] - areas.x_km[target];
            const double dy = areas.y_km[home] - areas.y_km[target];
            const double distance = std::sqrt(dx * dx + dy * dy);
            if (distance > search_horizon_decays * params.commute_decay_km) {
                continue;
            }
            total += target == home ? 1.0 : std::exp(-distance / params.commute_decay_km);
            table.reachable.values.push_back(target);
            table.cumulative_weight.push_back(total);
        }
        table.reachable.offsets[home + 1] =
            static_cast<std::uint32_t>(table.reachable.values.size());
    }
}

std::uint16_t pick_area(const SearchAreas& table, std::uint16_t home, double u) {
    const std::uint32_t first = table.reachable.offsets[home];
    const std::uint32_t last = table.reachable.offsets[home + 1];
    const auto begin = table.cumulative_weight.begin() + first;
    const auto end = table.cumulative_weight.begin() + last;
    const auto it = std::upper_bound(begin, end, u * table.cumulative_weight[last - 1]);
    const auto k =
        std::min<std::ptrdiff_t>(it - begin, static_cast<std::ptrdiff_t>(last - first) - 1);
    return table.reachable.values[first + static_cast<std::uint32_t>(k)];
}

}  // namespace

double search_effort(const JobSearchParams& params, float disposition, std::uint16_t spell_weeks,
                     std::uint8_t barriers, float meeting_boost, float alliance) {
    return disposition * std::exp(-params.discouragement_per_year * spell_weeks / 52.0) *
           std::pow(1.0 - params.effort_per_barrier, count_barriers(barriers)) *
           (1.0 + meeting_boost) * (1.0 + params.effort_per_alliance * alliance);
}

double expected_applications(const JobSearchParams& params, double effort,
                             std::uint8_t requirement) {
    const double own = params.applications_per_week * effort;
    return own + params.requirement_pull * std::max(0.0, requirement - own);
}

void job_search(const WeekContext& context, World& world, EventSink& /*events*/) {
    const JobSearchParams& params = context.scenario.labour_market.job_search;
    Persons& p = world.persons;
    const std::uint32_t n = p.size();
    Applications& applications = world.applications;
    applications.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    if (world.search_areas.decay_km != params.commute_decay_km) {
        build_search_areas(params, world.areas, world.search_areas);
    }

    // Share of a person's applications sent only to meet a requirement: to any vacancy, whether
    // it suits or not (C5).
    std::vector<float> low_fit_share(n, 0.0f);

    // Pass 1: effort and the number of applications, per person.
    parallel_for_each(n, [&](std::uint32_t i) {
        std::uint32_t sent = 0;
        if (params.enabled && p.status[i] == LabourStatus::unemployed) {
            const double threat = p.search_requirement[i] > 0 ? params.sanction_threat_effort : 0.0;
            const double effort =
                (search_effort(params, p.search_disposition[i], p.spell_weeks[i], p.barriers[i],
                               p.meeting_boost[i], p.alliance[i]) +
                 threat) *
                debt_search_factor(context.scenario.labour_market.hardship, p.debt_gbp[i]) *
                support_effort_factor(context.regime(p.arm[i]), p, i) *
                information_search_factor(context.regime(p.arm[i]).coach_information,
                                          p.informed_weeks[i]);
            const double mean = expected_applications(params, effort, p.search_requirement[i]);
            p.search_effort[i] = static_cast<float>(effort);
            if (mean > 0.0) {
                low_fit_share[i] =
                    static_cast<float>(1.0 - expected_applications(params, effort, 0) / mean);
                auto stream = context.person_stream(i, rng::Purpose::job_applications);
                boost::random::poisson_distribution<std::uint32_t, double> poisson(mean);
                sent = std::min(poisson(stream), params.max_applications_per_week);
            }
        } else {
            p.search_effort[i] = 0.0f;
        }
        p.applications[i] = static_cast<std::uint8_t>(sent);
        const std::uint32_t since = p.meeting_this_week[i] == MeetingOutcome::none
                                        ? p.applications_since_meeting[i] + sent
                                        : sent;
        p.applications_since_meeting[i] =
            static_cast<std::uint16_t>(std::min<std::uint32_t>(since, 0xFFFF));
        applications.offsets[i + 1] = sent;
    });
    // Each person's count, in offsets[i + 1], becomes the running total (in parallel blocks).
    applications.offsets =
        prefix_offsets(n, [&applications](std::uint32_t i) { return applications.offsets[i + 1]; });
    applications.vacancy.resize(applications.offsets[n]);
    applications.low_fit.assign(applications.offsets[n], 0);
    applications.channel.assign(applications.offsets[n], HireChannel::advert);

    // Pass 2: where each application goes, from a stream of its own purpose.
    parallel_for_each(n, [&](std::uint32_t i) {
        const std::uint32_t first = applications.offsets[i];
        const std::uint32_t last = applications.offsets[i + 1];
        if (first == last) {
            return;
        }
        auto stream = context.person_stream(i, rng::Purpose::application_targets);
        for (std::uint32_t k = first; k < last; ++k) {
            const std::uint16_t area =
                pick_area(world.search_areas, index(p.area[i]), stream.uniform());
            const std::uint32_t open = world.vacancies_by_area.group_size(area);
            applications.vacancy[k] =
                open == 0 ? Applications::no_vacancy
                          : world.vacancies_by_area.begin_of(area)[stream.below(open)];
        }
        if (low_fit_share[i] > 0.0f) {
            auto fit = context.person_stream(i, rng::Purpose::application_fit);
            for (std::uint32_t k = first; k < last; ++k) {
                applications.low_fit[k] = fit.bernoulli(low_fit_share[i]) ? 1 : 0;
            }
        }
    });
}

}  // namespace jobsim::mechanisms
