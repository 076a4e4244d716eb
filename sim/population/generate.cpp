#include "sim/population/generate.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <boost/random/geometric_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace jobsim {

namespace {

using rng::EntityKind;
using rng::Purpose;
using rng::Stream;

constexpr Week start_week = 0;
constexpr std::uint8_t full_time_hours = 37;
constexpr std::uint8_t part_time_hours = 20;

/// Index of the bucket u in [0, 1) falls into, given cumulative shares (last = 1).
std::uint8_t pick_bucket(const std::vector<double>& cumulative, double u) {
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    const auto bucket = std::min<std::ptrdiff_t>(
        it - cumulative.begin(), static_cast<std::ptrdiff_t>(cumulative.size()) - 1);
    return static_cast<std::uint8_t>(bucket);
}

std::uint16_t geometric_weeks(Stream& stream, double mean) {
    if (mean <= 0.0) {
        return 0;
    }
    boost::random::geometric_distribution<std::uint32_t, double> weeks(1.0 / (mean + 1.0));
    return static_cast<std::uint16_t>(std::min<std::uint32_t>(weeks(stream), 0xFFFF));
}

/// A job's skill need, wage and hours, drawn for a sector.
struct JobDraw {
    float skill_need;
    float wage_per_hour;
    std::uint8_t hours_per_week;
};

JobDraw draw_job(Stream& stream, const SectorSpec& sector, const Scenario& scenario) {
    const auto& flow = scenario.labour_market.vacancy_flow;
    boost::random::normal_distribution<double> normal;
    const double need =
        std::clamp(sector.skill_need + flow.skill_need_dispersion * normal(stream), 0.0, 1.0);
    const double wage = sector_wage(sector, need, flow.skill_wage_premium) *
                        std::exp(flow.wage_dispersion * normal(stream));
    const bool part_time = stream.bernoulli(sector.part_time_share);
    return {static_cast<float>(need), static_cast<float>(wage),
            part_time ? part_time_hours : full_time_hours};
}

void place_areas(const Scenario& scenario, Areas& areas) {
    const std::uint16_t count = scenario.population.areas;
    const auto side = static_cast<std::uint16_t>(std::ceil(std::sqrt(static_cast<double>(count))));
    const auto spacing = static_cast<float>(scenario.labour_market.area_spacing_km);
    areas.x_km.resize(count);
    areas.y_km.resize(count);
    areas.demand_multiplier.assign(count, 1.0f);
    for (std::uint16_t a = 0; a < count; ++a) {
        const auto column = a % side;
        const auto row = a / side;  // whole rows: integer division on purpose
        areas.x_km[a] = static_cast<float>(column) * spacing;
        areas.y_km[a] = static_cast<float>(row) * spacing;
    }
}

void create_employers(const Scenario& scenario, rng::ReplicationKey key,
                      const std::vector<double>& sector_cumulative, Employers& employers) {
    const auto& population = scenario.population;
    const std::uint32_t per_area = scenario.labour_market.employers_per_area;
    const std::uint32_t count = per_area * population.areas;
    employers.area.resize(count);
    employers.sector.resize(count);
    employers.target_size.resize(count);
    employers.headcount.assign(count, 0);

    const double dispersion = scenario.labour_market.employer_size_dispersion;
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, count), [&](const auto& range) {
        boost::random::normal_distribution<double> normal;
        for (std::uint32_t e = range.begin(); e != range.end(); ++e) {
            Stream stream(key, EntityKind::employer, e, start_week, Purpose::employer_traits);
            employers.area[e] = static_cast<AreaId>(e / per_area);
            employers.sector[e] = pick_bucket(sector_cumulative, stream.uniform());
            employers.target_size[e] = static_cast<float>(std::exp(dispersion * normal(stream)));
        }
    });

    // Scale sizes so each area's employers aim for the jobs its employed population holds.
    for (std::uint16_t a = 0; a < population.areas; ++a) {
        const std::uint32_t first = a * per_area;
        const std::uint32_t last = first + per_area;
        double weight = 0.0;
        for (std::uint32_t e = first; e < last; ++e) {
            weight += employers.target_size[e];
        }
        const double persons_in_area =
            static_cast<double>(population.persons) / static_cast<double>(population.areas);
        const double jobs = persons_in_area * population.initial_employment_rate;
        for (std::uint32_t e = first; e < last; ++e) {
            employers.target_size[e] =
                static_cast<float>(employers.target_size[e] / weight * std::max(jobs, 1.0));
        }
    }
}

void create_coaches(const Scenario& scenario, World& world) {
    const std::uint32_t per_area = scenario.service.coaches_per_area;
    const std::uint32_t count = per_area * scenario.population.areas;
    auto& coaches = world.coaches;
    coaches.area.resize(count);
    coaches.hours_per_week.assign(count, static_cast<float>(scenario.service.coach_hours_per_week));
    coaches.caseload.assign(count, 0);
    coaches.meetings_due.assign(count, 0);
    coaches.minutes_per_meeting.assign(count, 0.0f);
    for (std::uint32_t c = 0; c < count; ++c) {
        coaches.area[c] = static_cast<AreaId>(c / per_area);
    }
    world.coaches_by_area = group_by_area(coaches.area, scenario.population.areas);
}

/// Cumulative target sizes of each area's employers, for choosing an initial employer.
std::vector<double> employer_cumulative_sizes(const Scenario& scenario,
                                              const Employers& employers) {
    const std::uint32_t per_area = scenario.labour_market.employers_per_area;
    std::vector<double> cumulative(employers.size());
    for (std::uint32_t e = 0; e < employers.size(); ++e) {
        const bool first_of_area = e % per_area == 0;
        cumulative[e] = (first_of_area ? 0.0 : cumulative[e - 1]) + employers.target_size[e];
    }
    return cumulative;
}

void create_persons(const Scenario& scenario, rng::ReplicationKey key,
                    const std::vector<double>& sector_cumulative,
                    const std::vector<double>& employer_cumulative, World& world) {
    const auto& population = scenario.population;
    const auto& sectors = scenario.labour_market.sectors;
    const std::uint32_t n = population.persons;
    const std::uint32_t employers_per_area = scenario.labour_market.employers_per_area;
    const std::uint32_t coaches_per_area = scenario.service.coaches_per_area;
    const std::uint32_t meeting_interval = scenario.regime.coach_meeting.interval_weeks;
    const std::array<double, barrier_count> prevalence = {
        population.health_barrier_prevalence, population.caring_barrier_prevalence,
        population.basic_skills_barrier_prevalence, population.housing_barrier_prevalence,
        population.confidence_barrier_prevalence};

    Persons& persons = world.persons;
    persons.resize(n);
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n), [&](const auto& range) {
        boost::random::normal_distribution<double> normal;
        for (std::uint32_t i = range.begin(); i != range.end(); ++i) {
            const AreaId area = home_area(i, n, population.areas);
            persons.area[i] = area;

            Stream traits(key, EntityKind::person, i, start_week, Purpose::person_traits);
            const double age_u = traits.uniform();
            if (age_u < population.share_aged_16_24) {
                persons.age_years[i] = static_cast<std::uint8_t>(16 + traits.below(9));
            } else if (age_u < population.share_aged_16_24 + population.share_aged_50_plus) {
                persons.age_years[i] = static_cast<std::uint8_t>(50 + traits.below(15));
            } else {
                persons.age_years[i] = static_cast<std::uint8_t>(25 + traits.below(25));
            }
            persons.skill[i] = static_cast<float>(
                1.0 / (1.0 + std::exp(-population.skill_dispersion * normal(traits))));
            const double sigma = population.search_disposition_dispersion;
            persons.search_disposition[i] =
                static_cast<float>(std::exp(sigma * normal(traits) - 0.5 * sigma * sigma));

            Stream state(key, EntityKind::person, i, start_week, Purpose::person_initial_state);
            const double status_u = state.uniform();
            const LabourStatus status = status_u < population.initial_employment_rate
                                            ? LabourStatus::employed
                                        : status_u < population.initial_employment_rate +
                                                         population.initial_unemployment_rate
                                            ? LabourStatus::unemployed
                                            : LabourStatus::inactive;
            persons.status[i] = status;
            const double multiplier = status == LabourStatus::employed ? 1.0
                                      : status == LabourStatus::unemployed
                                          ? population.barrier_multiplier_unemployed
                                          : population.barrier_multiplier_inactive;
            std::uint8_t barriers = 0;
            for (int b = 0; b < barrier_count; ++b) {
                if (state.bernoulli(
                        std::min(0.95, prevalence[static_cast<std::size_t>(b)] * multiplier))) {
                    barriers = static_cast<std::uint8_t>(barriers | (1u << b));
                }
            }
            persons.barriers[i] = barriers;

            Stream job(key, EntityKind::person, i, start_week, Purpose::initial_job);
            if (status == LabourStatus::employed) {
                const std::uint32_t first = index(area) * employers_per_area;
                const double total = employer_cumulative[first + employers_per_area - 1];
                const auto begin = employer_cumulative.begin() + first;
                const auto it =
                    std::upper_bound(begin, begin + employers_per_area, job.uniform() * total);
                const auto e = static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(
                    it - employer_cumulative.begin(), first + employers_per_area - 1));
                persons.employer[i] = static_cast<EmployerId>(e);
                persons.sector[i] = world.employers.sector[e];
                persons.tenure_weeks[i] =
                    geometric_weeks(state, population.mean_initial_tenure_weeks);
            } else {
                persons.sector[i] = pick_bucket(sector_cumulative, job.uniform());
                persons.spell_weeks[i] =
                    geometric_weeks(state, status == LabourStatus::unemployed
                                               ? population.mean_initial_spell_weeks
                                               : population.mean_initial_inactive_spell_weeks);
            }
            // The unemployed and inactive carry their last job's wage (it anchors the
            // reservation wage); only the employed hold the job.
            const JobDraw drawn = draw_job(job, sectors[persons.sector[i]], scenario);
            persons.wage_per_hour[i] = drawn.wage_per_hour;
            persons.hours_per_week[i] = drawn.hours_per_week;
            persons.match_quality[i] = 1.0f - std::abs(persons.skill[i] - drawn.skill_need);

            const bool in_work = status == LabourStatus::employed;
            persons.trust[i] = static_cast<float>(population.initial_trust);
            persons.confidence[i] = static_cast<float>(
                (barriers & barrier_confidence) != 0 ? population.initial_confidence_with_barrier
                                                     : population.initial_confidence);
            persons.wellbeing[i] =
                static_cast<float>(in_work ? population.initial_wellbeing_in_work
                                           : population.initial_wellbeing_out_of_work);
            persons.loneliness[i] =
                static_cast<float>(in_work ? population.initial_loneliness_in_work
                                           : population.initial_loneliness_out_of_work);

            if (status == LabourStatus::inactive) {
                persons.wants_work[i] = state.bernoulli(population.wants_work_share_of_inactive);
            }
            if (status == LabourStatus::unemployed &&
                state.bernoulli(population.claimant_share_of_unemployed)) {
                persons.claim[i] = ClaimState::claiming;
                persons.claim_weeks[i] = persons.spell_weeks[i];
                persons.coach[i] = static_cast<CoachId>(index(area) * coaches_per_area +
                                                        state.below(coaches_per_area));
                persons.weeks_to_meeting[i] =
                    static_cast<std::uint8_t>(state.below(meeting_interval));
            }
        }
    });
}

void mark_low_pay(World& world) {
    Persons& persons = world.persons;
    std::vector<float> wages;
    for (std::uint32_t i = 0; i < persons.size(); ++i) {
        if (persons.status[i] == LabourStatus::employed) {
            wages.push_back(persons.wage_per_hour[i]);
        }
    }
    if (wages.empty()) {
        world.low_pay_threshold_per_hour = 0.0f;
        return;
    }
    const auto middle = wages.begin() + static_cast<std::ptrdiff_t>(wages.size() / 2);
    std::nth_element(wages.begin(), middle, wages.end());
    // calibration.md C4: low pay is below two thirds of median hourly pay.
    world.low_pay_threshold_per_hour = *middle * (2.0f / 3.0f);
    for (std::uint32_t i = 0; i < persons.size(); ++i) {
        persons.low_paid[i] = persons.status[i] == LabourStatus::employed &&
                              persons.wage_per_hour[i] < world.low_pay_threshold_per_hour;
        if (persons.status[i] == LabourStatus::employed) {
            ++world.employers.headcount[index(persons.employer[i])];
        }
    }
}

}  // namespace

double sector_wage(const SectorSpec& sector, double skill_need, double premium) {
    return sector.median_wage_per_hour * std::exp(premium * (skill_need - sector.skill_need));
}

World generate_world(const Scenario& scenario, rng::ReplicationKey key) {
    World world;
    std::vector<double> sector_cumulative;
    double running = 0.0;
    for (const auto& sector : scenario.labour_market.sectors) {
        running += sector.employment_share;
        sector_cumulative.push_back(running);
    }
    if (!sector_cumulative.empty()) {
        sector_cumulative.back() = 1.0;  // guard rounding: every u < 1 finds a sector
    }
    place_areas(scenario, world.areas);
    create_employers(scenario, key, sector_cumulative, world.employers);
    create_coaches(scenario, world);
    create_persons(scenario, key, sector_cumulative,
                   employer_cumulative_sizes(scenario, world.employers), world);
    mark_low_pay(world);
    generate_network(scenario.population.network, scenario.population.areas, key, world);
    world.vacancies_by_area.offsets.assign(static_cast<std::size_t>(scenario.population.areas) + 1,
                                           0);
    return world;
}

}  // namespace jobsim
