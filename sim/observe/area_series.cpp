#include "sim/observe/area_series.hpp"

#include <tbb/enumerable_thread_specific.h>

#include "sim/schedule/exact_sum.hpp"
#include "sim/schedule/parallel.hpp"
#include "sim/state/world.hpp"

namespace jobsim {

namespace {

/// Counts per area, and the sums of wages, over some of the persons and events.
struct AreaBlock {
    std::vector<AreaWeek> rows;
    std::vector<ExactSum> wages;
};

void count_persons(const Persons& p, std::uint32_t begin, std::uint32_t end, AreaBlock& block) {
    for (std::uint32_t i = begin; i < end; ++i) {
        AreaWeek& row = block.rows[index(p.area[i])];
        ++row.persons;
        switch (p.status[i]) {
            case LabourStatus::employed:
                ++row.employed;
                block.wages[index(p.area[i])].add(p.wage_per_hour[i]);
                row.low_paid += p.low_paid[i];
                break;
            case LabourStatus::unemployed:
                ++row.unemployed;
                break;
            case LabourStatus::inactive:
                ++row.inactive;
                break;
        }
        row.claimants += p.claim[i] != ClaimState::none;
        row.sanctioned += p.claim[i] == ClaimState::sanctioned;
        row.applications += p.applications[i];
    }
}

void count_events(const Persons& p, std::span<const Event> events, std::uint32_t begin,
                  std::uint32_t end, std::vector<AreaWeek>& rows) {
    for (std::uint32_t k = begin; k < end; ++k) {
        const Event& event = events[k];
        AreaWeek& row = rows[index(p.area[index(event.person)])];
        switch (event.kind) {
            case EventKind::hire:
                ++row.hires;
                break;
            case EventKind::separation:
                ++row.separations;
                break;
            case EventKind::meeting:
                ++row.meetings;
                break;
            case EventKind::sanction:
                ++row.sanctions;
                break;
            default:
                break;
        }
    }
}

void add_counts(AreaWeek& into, const AreaWeek& from) {
    into.persons += from.persons;
    into.employed += from.employed;
    into.unemployed += from.unemployed;
    into.inactive += from.inactive;
    into.claimants += from.claimants;
    into.sanctioned += from.sanctioned;
    into.low_paid += from.low_paid;
    into.applications += from.applications;
    into.open_vacancies += from.open_vacancies;
    into.hires += from.hires;
    into.separations += from.separations;
    into.meetings += from.meetings;
    into.sanctions += from.sanctions;
}

/// Each area's wages added in person order, as one serial loop would.
std::vector<double> wage_sums_in_order(const Persons& p, std::uint16_t areas) {
    std::vector<double> sums(areas, 0.0);
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        if (p.status[i] == LabourStatus::employed) {
            sums[index(p.area[i])] += p.wage_per_hour[i];
        }
    }
    return sums;
}

}  // namespace

std::vector<AreaWeek> area_series(Week week, const World& world, std::span<const Event> events) {
    const Persons& p = world.persons;
    const std::uint16_t areas = world.areas.size();

    // Persons, events and vacancies count in parallel, into one partial per thread (not per block:
    // there may be thousands of areas). Integer counts add up in any order, and the wage sums are
    // exact in any order or redone in person order below.
    tbb::enumerable_thread_specific<AreaBlock> partials(
        AreaBlock{std::vector<AreaWeek>(areas), std::vector<ExactSum>(areas)});
    for_each_block(p.size(), [&](std::uint32_t begin, std::uint32_t end) {
        count_persons(p, begin, end, partials.local());
    });
    for_each_block(static_cast<std::uint32_t>(events.size()),
                   [&](std::uint32_t begin, std::uint32_t end) {
                       count_events(p, events, begin, end, partials.local().rows);
                   });
    for_each_block(world.vacancies.size(), [&](std::uint32_t begin, std::uint32_t end) {
        std::vector<AreaWeek>& rows = partials.local().rows;
        for (std::uint32_t v = begin; v < end; ++v) {
            rows[index(world.vacancies.area[v])].open_vacancies += world.vacancies.filled[v] == 0;
        }
    });

    std::vector<AreaWeek> rows(areas);
    std::vector<ExactSum> wages(areas);
    for (std::uint16_t a = 0; a < areas; ++a) {
        rows[a].week = week;
        rows[a].area = a;
    }
    for (const AreaBlock& partial : partials) {
        for (std::uint16_t a = 0; a < areas; ++a) {
            add_counts(rows[a], partial.rows[a]);
            wages[a].add(partial.wages[a]);
        }
    }
    std::vector<double> wage_sum(areas, 0.0);
    bool exact = true;
    for (std::uint16_t a = 0; a < areas; ++a) {
        wage_sum[a] = wages[a].sum();
        exact = exact && wages[a].exact();
    }
    if (!exact) {
        wage_sum = wage_sums_in_order(p, areas);
    }

    std::vector<std::uint32_t> coaches(areas, 0);
    for (std::uint32_t c = 0; c < world.coaches.size(); ++c) {
        ++coaches[index(world.coaches.area[c])];
    }
    for (std::uint16_t a = 0; a < areas; ++a) {
        rows[a].mean_wage_per_hour =
            rows[a].employed > 0 ? static_cast<float>(wage_sum[a] / rows[a].employed) : 0.0f;
        rows[a].mean_caseload =
            coaches[a] > 0 ? static_cast<float>(rows[a].claimants) / static_cast<float>(coaches[a])
                           : 0.0f;
    }
    return rows;
}

}  // namespace jobsim
