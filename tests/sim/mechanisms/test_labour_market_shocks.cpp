// labour_market_shocks: from its start week a sector shock raises job endings and cuts vacancies
// in the named sector only; the business cycle scales every area's vacancy creation alike; an
// unknown sector name is a scenario error.
#include <cmath>
#include <cstdint>
#include <numbers>

#include <catch2/catch.hpp>

#include "sim/mechanisms/job_separation.hpp"
#include "sim/mechanisms/labour_market_shocks.hpp"
#include "sim/mechanisms/vacancy_flow.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_labour_market_shocks {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 18301;

/// A shock to the first sector from week 10.
Scenario shocked_scenario(std::uint32_t persons) {
    Scenario scenario = testing::small_scenario(persons, 4);
    scenario.labour_market.labour_market_shocks.sector_shocks.push_back(
        {.sector = scenario.labour_market.sectors[0].name,
         .start_week = 10,
         .separation_multiplier = 3.0,
         .vacancy_multiplier = 0.25});
    return scenario;
}

}  // namespace

TEST_CASE("labour_market_shocks: a sector shock raises job endings in that sector only",
          "[mechanism][labour_market_shocks]") {
    constexpr std::uint32_t n = 200'000;
    const Scenario scenario = shocked_scenario(n);
    const auto sectors = static_cast<std::uint32_t>(scenario.labour_market.sectors.size());
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        // Employers take sectors in turn, so employer (area x 40 + k) is in sector k % sectors.
        const std::uint32_t k = i % sectors;
        testing::employ(world, i, index(world.persons.area[i]) * 40 + k, 7.0f);
    }
    for (const Week week : {Week{9}, Week{10}}) {
        INFO("week " << week);
        World copy = world;
        (void)testing::run_step(&m::labour_market_shocks, scenario, copy, week, seed);
        const auto events = testing::run_step(&m::job_separation, scenario, copy, week, seed);
        std::vector<double> ended(sectors, 0.0);
        for (const Event& e : testing::events_of(events, EventKind::separation)) {
            ++ended[index(e.person) % sectors];
        }
        const double base =
            m::separation_hazard(scenario.labour_market.job_separation, 0, 1.0f, true, 0);
        const double per_sector = static_cast<double>(n) / sectors;
        const double shocked = week >= 10 ? 3.0 * base : base;
        CHECK(ended[0] / per_sector == Approx(shocked).margin(mc_tolerance(shocked, per_sector)));
        for (std::uint32_t s = 1; s < sectors; ++s) {
            CHECK(ended[s] / per_sector == Approx(base).margin(mc_tolerance(base, per_sector)));
        }
        if (week >= 10) {
            CHECK(ended[0] > ended[1]);
        }
    }
}

TEST_CASE("labour_market_shocks: a shocked sector opens fewer vacancies",
          "[mechanism][labour_market_shocks]") {
    Scenario scenario = shocked_scenario(100);
    scenario.labour_market.employers_per_area = 4000;
    scenario.labour_market.vacancy_flow.weekly_vacancies_per_job = 0.5;
    const auto sectors = static_cast<std::uint32_t>(scenario.labour_market.sectors.size());
    World world = testing::tiny_world(scenario, 100);
    (void)testing::run_step(&m::labour_market_shocks, scenario, world, 12, seed);
    (void)testing::run_step(&m::vacancy_flow, scenario, world, 12, seed);
    std::vector<double> opened(sectors, 0.0);
    for (std::uint32_t v = 0; v < world.vacancies.size(); ++v) {
        ++opened[world.vacancies.sector[v]];
    }
    // Employers take sectors in turn: each sector has the same number of target jobs.
    const double jobs = 4000.0 * 4 / sectors;
    const double rate = scenario.labour_market.vacancy_flow.weekly_vacancies_per_job;
    // Poisson counts per employer: the variance equals the mean.
    CHECK(opened[0] / jobs ==
          Approx(0.25 * rate).margin(testing::mc_tolerance_of_mean(0.25 * rate, jobs)));
    CHECK(opened[1] / jobs == Approx(rate).margin(testing::mc_tolerance_of_mean(rate, jobs)));
    CHECK(opened[0] < opened[1]);
}

TEST_CASE("labour_market_shocks: the business cycle scales demand in every area",
          "[mechanism][labour_market_shocks]") {
    Scenario scenario = testing::small_scenario(100, 4);
    auto& shocks = scenario.labour_market.labour_market_shocks;
    shocks.business_cycle_amplitude = 0.2;
    shocks.business_cycle_period_weeks = 52;
    World world = testing::tiny_world(scenario, 100);
    for (const Week week : {Week{0}, Week{13}, Week{39}}) {
        (void)testing::run_step(&m::labour_market_shocks, scenario, world, week, seed);
        const double expected = 1.0 + 0.2 * std::sin(2.0 * std::numbers::pi * week / 52.0);
        for (const float multiplier : world.areas.demand_multiplier) {
            CHECK(multiplier == Approx(expected).epsilon(1e-6));
        }
    }
}

TEST_CASE("labour_market_shocks: an unknown sector is a scenario error",
          "[mechanism][labour_market_shocks]") {
    Scenario scenario = shocked_scenario(100);
    scenario.labour_market.labour_market_shocks.sector_shocks[0].sector = "coal";
    const auto problems = check_consistency(scenario);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key_path == "labour_market.labour_market_shocks.sector_shocks.0.sector");
}

TEST_CASE("labour_market_shocks: switched off, it changes nothing",
          "[mechanism][labour_market_shocks]") {
    Scenario scenario = shocked_scenario(100);
    scenario.labour_market.labour_market_shocks.enabled = false;
    scenario.labour_market.labour_market_shocks.business_cycle_amplitude = 0.3;
    World world = testing::tiny_world(scenario, 100);
    const auto before = testing::snapshot(world);
    (void)testing::run_step(&m::labour_market_shocks, scenario, world, 20, seed);
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("labour_market_shocks: same outcome at 1 and 4 threads",
          "[mechanism][labour_market_shocks]") {
    Scenario scenario = shocked_scenario(100);
    scenario.labour_market.labour_market_shocks.business_cycle_amplitude = 0.1;
    const World world = testing::tiny_world(scenario, 100);
    const auto one = testing::outcome_of(&m::labour_market_shocks, scenario, world, 11, seed, 1);
    const auto four = testing::outcome_of(&m::labour_market_shocks, scenario, world, 11, seed, 4);
    CHECK(testing::outcome_differences(one, four) == "");
    CHECK(testing::changed_columns(testing::snapshot(world), one.state) != "");
}

}  // namespace test_labour_market_shocks
