// vacancy_flow: employers open vacancies in proportion to the jobs they aim to fill and their
// area's demand, re-advertise jobs that ended at the same pay and hours, and withdraw unfilled
// vacancies at a weekly rate; filled vacancies leave the pool.
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/vacancy_flow.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_vacancy_flow {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;
using testing::mc_tolerance_of_mean;

constexpr std::uint64_t seed = 7501;

/// The by-area index lists every vacancy in the pool once, under its own area, in index order.
void check_area_index(const World& world) {
    const Grouped<std::uint32_t>& by_area = world.vacancies_by_area;
    REQUIRE(by_area.offsets.size() == world.areas.size() + 1u);
    CHECK(by_area.offsets.back() == world.vacancies.size());
    CHECK(by_area.values.size() == world.vacancies.size());
    std::vector<std::uint8_t> seen(world.vacancies.size(), 0);
    for (std::uint16_t a = 0; a < world.areas.size(); ++a) {
        for (std::uint32_t k = by_area.offsets[a]; k < by_area.offsets[a + 1u]; ++k) {
            const std::uint32_t v = by_area.values[k];
            REQUIRE(v < world.vacancies.size());
            CHECK(index(world.vacancies.area[v]) == a);
            CHECK(seen[v] == 0);
            seen[v] = 1;
            if (k > by_area.offsets[a]) {
                CHECK(by_area.values[k - 1] < v);
            }
        }
    }
}

/// Mean of N(mean, sd^2) clamped to [0, 1]: E[X; 0 <= X <= 1] + P(X > 1).
double clamped_normal_mean(double mean, double sd) {
    const auto cdf = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
    const auto pdf = [](double z) {
        return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
    };
    const double lower = (0.0 - mean) / sd;
    const double upper = (1.0 - mean) / sd;
    return mean * (cdf(upper) - cdf(lower)) + sd * (pdf(lower) - pdf(upper)) + (1.0 - cdf(upper));
}

}  // namespace

TEST_CASE(
    "vacancy_flow: employers open vacancies in proportion to their target size and their "
    "area's demand",
    "[mechanism][vacancy_flow]") {
    Scenario scenario = testing::small_scenario(1000, 4);
    auto& params = scenario.labour_market.vacancy_flow;
    params.weekly_vacancies_per_job = 0.1;  // many vacancies in one call: a sharp comparison
    World world = testing::tiny_world(scenario, 1000);
    for (std::uint32_t e = 0; e < world.employers.size(); ++e) {
        world.employers.target_size[e] = e % 2 == 0 ? 150.0f : 50.0f;
    }
    world.areas.demand_multiplier = {1.0f, 2.0f, 0.5f, 0.0f};
    world.next_vacancy_serial = 1000;
    const auto events = testing::run_step(&m::vacancy_flow, scenario, world, 0, seed);
    CHECK(events.empty());

    // Expected counts: Poisson with mean rate x target size x area demand, summed.
    std::array<double, 4> expected_by_area{};
    std::array<double, 2> expected_by_size{};  // large, small employers
    for (std::uint32_t e = 0; e < world.employers.size(); ++e) {
        const double mean = params.weekly_vacancies_per_job * world.employers.target_size[e] *
                            world.areas.demand_multiplier[index(world.employers.area[e])];
        expected_by_area[index(world.employers.area[e])] += mean;
        expected_by_size[e % 2] += mean;
    }
    std::array<double, 4> by_area{};
    std::array<double, 2> by_size{};
    const Vacancies& v = world.vacancies;
    for (std::uint32_t k = 0; k < v.size(); ++k) {
        INFO("vacancy " << k);
        const auto e = index(v.employer[k]);
        by_area[index(v.area[k])] += 1.0;
        by_size[e % 2] += 1.0;
        CHECK(v.serial[k] == 1000 + k);  // serials follow on, in employer order
        CHECK(v.area[k] == world.employers.area[e]);
        CHECK(v.sector[k] == world.employers.sector[e]);
        CHECK(v.weeks_open[k] == 0);
        CHECK(v.filled[k] == 0);
        CHECK((v.hours_per_week[k] == 20 || v.hours_per_week[k] == 37));
        CHECK(v.skill_need[k] >= 0.0f);
        CHECK(v.skill_need[k] <= 1.0f);
        if (k > 0) {
            CHECK(index(v.employer[k - 1]) <= e);
        }
    }
    CHECK(world.next_vacancy_serial == 1000 + v.size());
    for (std::size_t a = 0; a < 4; ++a) {
        INFO("area " << a);
        CHECK(by_area[a] ==
              Approx(expected_by_area[a]).margin(mc_tolerance_of_mean(expected_by_area[a], 1.0)));
    }
    CHECK(by_area[3] == 0.0);  // no demand, no new vacancies
    CHECK(by_area[1] > by_area[0]);
    CHECK(by_area[0] > by_area[2]);
    CHECK(by_size[0] ==
          Approx(expected_by_size[0]).margin(mc_tolerance_of_mean(expected_by_size[0], 1.0)));
    CHECK(by_size[1] ==
          Approx(expected_by_size[1]).margin(mc_tolerance_of_mean(expected_by_size[1], 1.0)));
    CHECK(by_size[0] > by_size[1]);
    check_area_index(world);
}

TEST_CASE("vacancy_flow: new vacancies draw pay, skill need and hours from their sector",
          "[mechanism][vacancy_flow]") {
    Scenario scenario = testing::small_scenario(1000, 4);
    auto& params = scenario.labour_market.vacancy_flow;
    params.weekly_vacancies_per_job = 0.5;
    World world = testing::tiny_world(scenario, 1000);
    for (auto& size : world.employers.target_size) {
        size = 100.0f;
    }
    (void)testing::run_step(&m::vacancy_flow, scenario, world, 0, seed);
    const Vacancies& v = world.vacancies;
    REQUIRE(v.size() > 5000);

    // log wage = log(sector wage at this skill need) + dispersion x N(0, 1).
    const auto& sectors = scenario.labour_market.sectors;
    std::vector<double> residual_sum(sectors.size(), 0.0);
    std::vector<double> residual_square_sum(sectors.size(), 0.0);
    std::vector<double> part_time(sectors.size(), 0.0);
    std::vector<double> need_sum(sectors.size(), 0.0);
    std::vector<double> count(sectors.size(), 0.0);
    for (std::uint32_t k = 0; k < v.size(); ++k) {
        const SectorSpec& sector = sectors[v.sector[k]];
        const double residual =
            std::log(v.wage_per_hour[k]) -
            std::log(sector_wage(sector, v.skill_need[k], params.skill_wage_premium));
        residual_sum[v.sector[k]] += residual;
        residual_square_sum[v.sector[k]] += residual * residual;
        part_time[v.sector[k]] += v.hours_per_week[k] == 20;
        need_sum[v.sector[k]] += v.skill_need[k];
        count[v.sector[k]] += 1.0;
    }
    const double sd = params.wage_dispersion;
    for (std::size_t s = 0; s < sectors.size(); ++s) {
        INFO("sector " << sectors[s].name);
        REQUIRE(count[s] > 500);
        const double mean = residual_sum[s] / count[s];
        CHECK(mean == Approx(0.0).margin(mc_tolerance_of_mean(sd * sd, count[s])));
        // The sample variance of normal draws has variance 2 sd^4 / n.
        const double variance = residual_square_sum[s] / count[s] - mean * mean;
        CHECK(variance ==
              Approx(sd * sd).margin(mc_tolerance_of_mean(2.0 * std::pow(sd, 4), count[s])));
        // Skill need: N(sector need, dispersion^2) clamped to [0, 1] (clamping only narrows it).
        const double need_sd = params.skill_need_dispersion;
        const double need_mean = clamped_normal_mean(sectors[s].skill_need, need_sd);
        CHECK(need_sum[s] / count[s] ==
              Approx(need_mean).margin(mc_tolerance_of_mean(need_sd * need_sd, count[s])));
        const double share = sectors[s].part_time_share;
        CHECK(part_time[s] / count[s] == Approx(share).margin(mc_tolerance(share, count[s])));
    }
}

TEST_CASE(
    "vacancy_flow: a job that ended is re-advertised at the same pay and hours with the "
    "replacement probability",
    "[mechanism][vacancy_flow]") {
    Scenario scenario = testing::small_scenario(1000, 4);
    auto& params = scenario.labour_market.vacancy_flow;
    params.weekly_vacancies_per_job = 0.0;  // only replacements
    World world = testing::tiny_world(scenario, 1000);
    constexpr std::uint32_t ended_count = 20'000;
    std::map<float, std::uint32_t> ended_by_wage;
    for (std::uint32_t k = 0; k < ended_count; ++k) {
        const float wage = 10.0f + static_cast<float>(k) * 0.0001f;  // distinct: identifies the job
        world.ended_jobs.push_back({k * 3, static_cast<EmployerId>(k % world.employers.size()),
                                    wage, static_cast<std::uint8_t>(k % 2 == 0 ? 20 : 37)});
        ended_by_wage[wage] = k;
    }
    REQUIRE(ended_by_wage.size() == ended_count);
    const auto events = testing::run_step(&m::vacancy_flow, scenario, world, 5, seed);
    CHECK(events.empty());

    const Vacancies& v = world.vacancies;
    const double p = params.replacement_probability;
    CHECK(static_cast<double>(v.size()) / ended_count ==
          Approx(p).margin(mc_tolerance(p, ended_count)));
    std::uint32_t previous = 0;
    for (std::uint32_t k = 0; k < v.size(); ++k) {
        INFO("vacancy " << k);
        const auto found = ended_by_wage.find(v.wage_per_hour[k]);
        REQUIRE(found != ended_by_wage.end());
        const EndedJob& ended = world.ended_jobs[found->second];
        CHECK(v.employer[k] == ended.employer);
        CHECK(v.hours_per_week[k] == ended.hours_per_week);
        CHECK(v.area[k] == world.employers.area[index(ended.employer)]);
        CHECK(v.sector[k] == world.employers.sector[index(ended.employer)]);
        CHECK(v.serial[k] == k);
        if (k > 0) {
            CHECK(found->second > previous);  // in the order the jobs ended (by person)
        }
        previous = found->second;
    }
    check_area_index(world);
}

TEST_CASE(
    "vacancy_flow: filled vacancies leave the pool, open ones are withdrawn at the weekly "
    "rate and the rest age a week",
    "[mechanism][vacancy_flow]") {
    Scenario scenario = testing::small_scenario(1000, 4);
    auto& params = scenario.labour_market.vacancy_flow;
    params.weekly_vacancies_per_job = 0.0;
    World world = testing::tiny_world(scenario, 1000);
    constexpr std::uint32_t pool = 20'000;
    for (std::uint32_t k = 0; k < pool; ++k) {
        const std::uint32_t v = testing::add_vacancy(world, k % world.employers.size(),
                                                     10.0f + static_cast<float>(k) * 0.001f);
        world.vacancies.weeks_open[v] = static_cast<std::uint16_t>(k % 10);
        world.vacancies.filled[v] = k % 4 == 0;
    }
    testing::index_vacancies(world);
    const World before = world;
    (void)testing::run_step(&m::vacancy_flow, scenario, world, 5, seed);

    const Vacancies& v = world.vacancies;
    const Vacancies& old = before.vacancies;
    std::uint32_t k_old = 0;
    for (std::uint32_t k = 0; k < v.size(); ++k) {
        INFO("vacancy " << k);
        CHECK(v.filled[k] == 0);
        // Survivors keep their order: find this one further on in the old pool.
        while (k_old < old.size() && old.serial[k_old] != v.serial[k]) {
            ++k_old;
        }
        REQUIRE(k_old < old.size());
        CHECK(v.employer[k] == old.employer[k_old]);
        CHECK(v.area[k] == old.area[k_old]);
        CHECK(v.sector[k] == old.sector[k_old]);
        CHECK(v.skill_need[k] == old.skill_need[k_old]);
        CHECK(v.wage_per_hour[k] == old.wage_per_hour[k_old]);
        CHECK(v.hours_per_week[k] == old.hours_per_week[k_old]);
        CHECK(v.weeks_open[k] == old.weeks_open[k_old] + 1);
    }
    const double open_before = pool * 3.0 / 4.0;
    const double keep = 1.0 - params.weekly_withdrawal_probability;
    CHECK(static_cast<double>(v.size()) / open_before ==
          Approx(keep).margin(mc_tolerance(keep, open_before)));
    CHECK(world.next_vacancy_serial == before.next_vacancy_serial);
    check_area_index(world);
}

TEST_CASE("vacancy_flow: fewer vacancies per job means fewer hires", "[mechanism][vacancy_flow]") {
    // Whole market: the same seed (common random numbers) with a third of the new vacancies.
    Scenario scenario = testing::small_scenario(20'000, 4);
    const auto high = testing::simulate(scenario, seed, 16);
    scenario.labour_market.vacancy_flow.weekly_vacancies_per_job /= 3.0;
    const auto low = testing::simulate(scenario, seed, 16);
    const auto hires_high = testing::count_events(high.events, EventKind::hire);
    const auto hires_low = testing::count_events(low.events, EventKind::hire);
    INFO("hires " << hires_high << " with the default rate, " << hires_low << " with a third");
    CHECK(hires_high > 500);
    CHECK(hires_low < hires_high);
    CHECK(testing::share_with(low.world.persons, LabourStatus::employed) <
          testing::share_with(high.world.persons, LabourStatus::employed));
}

TEST_CASE(
    "vacancy_flow: switched off, nothing opens or is withdrawn; filled vacancies still "
    "leave the pool",
    "[mechanism][vacancy_flow]") {
    Scenario scenario = testing::small_scenario(20'000);
    // Run to just before next week's vacancy_flow: filled vacancies and ended jobs are waiting.
    const auto prepared = testing::prepared_world(scenario, "vacancy_flow", 6, seed);
    const World& before = prepared.world;
    REQUIRE_FALSE(before.ended_jobs.empty());
    std::size_t filled = 0;
    for (const auto flag : before.vacancies.filled) {
        filled += flag;
    }
    REQUIRE(filled > 0);
    REQUIRE(filled < before.vacancies.size());

    scenario.labour_market.vacancy_flow.enabled = false;
    World world = before;
    const auto events = testing::run_step(&m::vacancy_flow, scenario, world, prepared.week, seed);
    CHECK(events.empty());
    // Exactly the unfilled vacancies remain, in order, unchanged but a week older.
    std::uint32_t k = 0;
    for (std::uint32_t k_old = 0; k_old < before.vacancies.size(); ++k_old) {
        if (before.vacancies.filled[k_old] != 0) {
            continue;
        }
        REQUIRE(k < world.vacancies.size());
        CHECK(world.vacancies.serial[k] == before.vacancies.serial[k_old]);
        CHECK(world.vacancies.wage_per_hour[k] == before.vacancies.wage_per_hour[k_old]);
        CHECK(world.vacancies.weeks_open[k] == before.vacancies.weeks_open[k_old] + 1);
        ++k;
    }
    CHECK(k == world.vacancies.size());
    check_area_index(world);
    CHECK(testing::changed_columns(testing::snapshot(before), testing::snapshot(world),
                                   {"vacancies.*", "vacancies_by_area.*"}) == "");
}

TEST_CASE("vacancy_flow: the same key gives the same result, at any thread count",
          "[mechanism][vacancy_flow]") {
    // Enough employers and vacancies that the parallel loops split into several blocks.
    Scenario scenario = testing::small_scenario(20'000);
    scenario.labour_market.employers_per_area = 2000;
    scenario.labour_market.vacancy_flow.weekly_vacancies_per_job = 0.1;
    const auto prepared = testing::prepared_world(scenario, "vacancy_flow", 4, seed);
    REQUIRE(prepared.world.vacancies.size() > 4096);
    const auto reference =
        testing::outcome_of(&m::vacancy_flow, scenario, prepared.world, prepared.week, seed, 1);

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::vacancy_flow, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_vacancy_flow
