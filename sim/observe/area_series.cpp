#include "sim/observe/area_series.hpp"

#include "sim/state/world.hpp"

namespace jobsim {

std::vector<AreaWeek> area_series(Week week, const World& world, std::span<const Event> events) {
    const Persons& p = world.persons;
    const std::uint16_t areas = world.areas.size();
    std::vector<AreaWeek> rows(areas);
    std::vector<double> wage_sum(areas, 0.0);
    for (std::uint16_t a = 0; a < areas; ++a) {
        rows[a].week = week;
        rows[a].area = a;
    }
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        AreaWeek& row = rows[index(p.area[i])];
        ++row.persons;
        switch (p.status[i]) {
            case LabourStatus::employed:
                ++row.employed;
                wage_sum[index(p.area[i])] += p.wage_per_hour[i];
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
    for (const Event& event : events) {
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
    for (std::uint32_t v = 0; v < world.vacancies.size(); ++v) {
        if (world.vacancies.filled[v] == 0) {
            ++rows[index(world.vacancies.area[v])].open_vacancies;
        }
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
