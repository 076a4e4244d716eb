#include "sim/mechanisms/vacancy_flow.hpp"

#include <algorithm>
#include <cmath>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>

#include "sim/observe/event_sink.hpp"
#include "sim/population/generate.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/state/world.hpp"

namespace jobsim::mechanisms {

namespace {

using rng::EntityKind;
using rng::Purpose;
using rng::Stream;

constexpr std::uint8_t full_time_hours = 37;
constexpr std::uint8_t part_time_hours = 20;

/// Drops filled vacancies and, when withdrawal is on, those withdrawn this week; ages the rest.
void withdraw_and_compact(const WeekContext& context, const VacancyFlowParams& params,
                          Vacancies& vacancies) {
    const std::uint32_t count = vacancies.size();
    std::vector<std::uint8_t> keep(count);
    parallel_for_each(count, [&](std::uint32_t v) {
        if (vacancies.filled[v] != 0) {
            keep[v] = 0;
            return;
        }
        Stream stream(context.key, EntityKind::vacancy, vacancies.serial[v], context.week,
                      Purpose::vacancy_expiry);
        keep[v] = !(params.enabled && stream.bernoulli(params.weekly_withdrawal_probability));
    });
    std::uint32_t kept = 0;
    for (std::uint32_t v = 0; v < count; ++v) {
        if (keep[v] != 0) {
            vacancies.for_each_column([v, kept](auto& column) { column[kept] = column[v]; });
            ++kept;
        }
    }
    vacancies.for_each_column([kept](auto& column) { column.resize(kept); });
    for (auto& weeks : vacancies.weeks_open) {
        weeks = static_cast<std::uint16_t>(std::min<int>(weeks + 1, 0xFFFF));
    }
}

/// Appends `added` slots to the pool and returns the index of the first; serials follow on.
std::uint32_t grow_pool(World& world, std::uint32_t added) {
    Vacancies& vacancies = world.vacancies;
    const std::uint32_t first = vacancies.size();
    vacancies.for_each_column([first, added](auto& column) { column.resize(first + added); });
    return first;
}

/// Writes vacancy v of employer e: skill need drawn around the sector's, wage from the sector
/// unless the vacancy re-advertises an ended job (then that job's pay and hours).
void write_vacancy(const WeekContext& context, const VacancyFlowParams& params, World& world,
                   std::uint32_t v, std::uint64_t serial, std::uint32_t e, const EndedJob* ended) {
    const Employers& employers = world.employers;
    Vacancies& vacancies = world.vacancies;
    const SectorSpec& sector = context.scenario.labour_market.sectors[employers.sector[e]];
    boost::random::normal_distribution<double> normal;
    Stream stream(context.key, EntityKind::vacancy, serial, context.week, Purpose::vacancy_traits);
    const double need =
        std::clamp(sector.skill_need + params.skill_need_dispersion * normal(stream), 0.0, 1.0);
    const double wage = sector_wage(sector, need, params.skill_wage_premium) *
                        std::exp(params.wage_dispersion * normal(stream));
    const bool part_time = stream.bernoulli(sector.part_time_share);
    vacancies.serial[v] = serial;
    vacancies.employer[v] = static_cast<EmployerId>(e);
    vacancies.area[v] = employers.area[e];
    vacancies.sector[v] = employers.sector[e];
    vacancies.skill_need[v] = static_cast<float>(need);
    vacancies.wage_per_hour[v] = ended ? ended->wage_per_hour : static_cast<float>(wage);
    vacancies.hours_per_week[v] =
        ended ? ended->hours_per_week : (part_time ? part_time_hours : full_time_hours);
    vacancies.weeks_open[v] = 0;
    vacancies.filled[v] = 0;
}

/// New jobs: each employer opens Poisson(rate x target size x area demand) vacancies. Serials
/// are assigned in employer order, so they do not depend on the thread count.
void open_new_jobs(const WeekContext& context, const VacancyFlowParams& params, World& world) {
    const Employers& employers = world.employers;
    const std::uint32_t count = employers.size();
    std::vector<std::uint32_t> opened(count + 1, 0);
    parallel_for_each(count, [&](std::uint32_t e) {
        const double mean = params.weekly_vacancies_per_job * employers.target_size[e] *
                            world.areas.demand_multiplier[index(employers.area[e])] *
                            sector_factor(world.sector_demand_multiplier, employers.sector[e]);
        if (mean <= 0.0) {
            return;
        }
        Stream stream(context.key, EntityKind::employer, e, context.week,
                      Purpose::vacancy_creation);
        boost::random::poisson_distribution<std::uint32_t, double> poisson(mean);
        opened[e + 1] = poisson(stream);
    });
    for (std::uint32_t e = 0; e < count; ++e) {
        opened[e + 1] += opened[e];
    }
    const std::uint32_t first = grow_pool(world, opened[count]);
    const std::uint64_t first_serial = world.next_vacancy_serial;
    world.next_vacancy_serial += opened[count];
    parallel_for_each(count, [&](std::uint32_t e) {
        for (std::uint32_t k = opened[e]; k < opened[e + 1]; ++k) {
            write_vacancy(context, params, world, first + k, first_serial + k, e, nullptr);
        }
    });
}

/// Replacements: each job that ended last week is advertised again with some probability.
void replace_ended_jobs(const WeekContext& context, const VacancyFlowParams& params, World& world) {
    std::vector<const EndedJob*> replaced;
    for (const EndedJob& ended : world.ended_jobs) {
        Stream stream(context.key, EntityKind::person, ended.person, context.week,
                      Purpose::vacancy_replacement);
        const double shock = sector_factor(world.sector_demand_multiplier,
                                           world.employers.sector[index(ended.employer)]);
        if (stream.bernoulli(params.replacement_probability * std::min(1.0, shock))) {
            replaced.push_back(&ended);
        }
    }
    const auto added = static_cast<std::uint32_t>(replaced.size());
    const std::uint32_t first = grow_pool(world, added);
    const std::uint64_t first_serial = world.next_vacancy_serial;
    world.next_vacancy_serial += added;
    for (std::uint32_t k = 0; k < added; ++k) {
        write_vacancy(context, params, world, first + k, first_serial + k,
                      index(replaced[k]->employer), replaced[k]);
    }
}

}  // namespace

void vacancy_flow(const WeekContext& context, World& world, EventSink& /*events*/) {
    const VacancyFlowParams& params = context.scenario.labour_market.vacancy_flow;
    // Filled vacancies leave the pool even when the flow is off: the pool must stay consistent.
    withdraw_and_compact(context, params, world.vacancies);
    if (params.enabled) {
        open_new_jobs(context, params, world);
        replace_ended_jobs(context, params, world);
    }
    world.vacancies_by_area = group_by_area(world.vacancies.area, world.areas.size());
}

}  // namespace jobsim::mechanisms
