// area_conditions: each area's factors are drawn once (log spread as set, averaging 1 over the
// areas); in a strained area jobs end more often and unemployed people give up searching sooner
// and the discouraged return later, in a slack area the reverse (calibration.md C13). Switched off,
// nothing is drawn and every area is alike.
#include <array>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/area_conditions.hpp"
#include "sim/mechanisms/job_separation.hpp"
#include "sim/mechanisms/labour_force_participation.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_area_conditions {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 24101;

/// Two areas: area 0 strained (factors 1.5), area 1 slack (factors 0.5).
constexpr std::array<double, 2> area_factor{1.5, 0.5};

World two_areas(const Scenario& scenario, std::uint32_t n) {
    World world = testing::tiny_world(scenario, n);
    world.areas.separation_multiplier = {1.5f, 0.5f};
    world.areas.inactivity_multiplier = {1.5f, 0.5f};
    return world;
}

double mean_of(const std::vector<float>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

}  // namespace

TEST_CASE("area_conditions: factors are drawn once per area, with the set spread, averaging 1",
          "[mechanism][area_conditions]") {
    constexpr std::uint16_t areas = 400;
    Scenario scenario = testing::small_scenario(areas, areas);
    scenario.labour_market.area_conditions.separation_log_sd = 0.5;
    scenario.labour_market.area_conditions.participation_log_sd = 0.25;
    World world = testing::tiny_world(scenario, areas);
    const auto events = testing::run_step(&m::area_conditions, scenario, world, 3, seed);
    CHECK(events.empty());
    const auto& separation = world.areas.separation_multiplier;
    const auto& inactivity = world.areas.inactivity_multiplier;
    REQUIRE(separation.size() == areas);
    REQUIRE(inactivity.size() == areas);
    CHECK(mean_of(separation) == Approx(1.0).epsilon(1e-5));
    CHECK(mean_of(inactivity) == Approx(1.0).epsilon(1e-5));
    // log factor = sd x z + constant: its sample SD estimates sd (relative SE about
    // sqrt(1 / (2 x 400))); one strain per area moves both factors together.
    std::vector<double> log_separation;
    std::vector<double> log_inactivity;
    for (std::uint16_t a = 0; a < areas; ++a) {
        log_separation.push_back(std::log(separation[a]));
        log_inactivity.push_back(std::log(inactivity[a]));
    }
    const auto sd_of = [](const std::vector<double>& x) {
        const double mean =
            std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
        double squares = 0.0;
        for (const double value : x) {
            squares += (value - mean) * (value - mean);
        }
        return std::sqrt(squares / static_cast<double>(x.size() - 1));
    };
    const double relative_se = std::sqrt(1.0 / (2.0 * areas));
    CHECK(sd_of(log_separation) == Approx(0.5).margin(5.0 * relative_se * 0.5));
    CHECK(sd_of(log_inactivity) == Approx(0.25).margin(5.0 * relative_se * 0.25));
    for (std::uint16_t a = 1; a < areas; ++a) {
        CHECK((separation[a] > separation[0]) == (inactivity[a] > inactivity[0]));
    }

    // Drawn once: later weeks change nothing; a world first run in another week gets the same.
    const auto drawn = separation;
    (void)testing::run_step(&m::area_conditions, scenario, world, 4, seed);
    CHECK(world.areas.separation_multiplier == drawn);
    World later = testing::tiny_world(scenario, areas);
    (void)testing::run_step(&m::area_conditions, scenario, later, 40, seed);
    CHECK(later.areas.separation_multiplier == drawn);
}

TEST_CASE("area_conditions: jobs end more often in a strained area",
          "[mechanism][area_conditions]") {
    constexpr std::uint32_t n = 200'000;
    Scenario scenario = testing::small_scenario(n, 2);
    World world = two_areas(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::employ(world, i, index(world.persons.area[i]) * 40, 7.0f);  // low-paid, new
    }
    const auto events = testing::run_step(&m::job_separation, scenario, world, 0, seed);
    std::array<double, 2> ended{};
    for (const Event& e : testing::events_of(events, EventKind::separation)) {
        ++ended[index(world.persons.area[index(e.person)])];
    }
    const double base =
        m::separation_hazard(scenario.labour_market.job_separation, 0, 1.0f, true, 0);
    const double per_area = n / 2.0;
    for (std::size_t a = 0; a < 2; ++a) {
        INFO("area " << a);
        const double expected = base * area_factor[a];
        CHECK(ended[a] / per_area == Approx(expected).margin(mc_tolerance(expected, per_area)));
    }
    CHECK(ended[0] > ended[1]);
}

TEST_CASE("area_conditions: unemployed people give up sooner in a strained area",
          "[mechanism][area_conditions]") {
    constexpr std::uint32_t n = 200'000;
    Scenario scenario = testing::small_scenario(n, 2);
    const auto& participation = scenario.labour_market.labour_force_participation;
    World world = two_areas(scenario, n);  // everyone unemployed, spell 0, no barriers
    const auto events = testing::run_step(&m::labour_force_participation, scenario, world, 0, seed);
    std::array<double, 2> left{};
    for (const Event& e : testing::events_of(events, EventKind::exit_to_inactivity)) {
        ++left[index(world.persons.area[index(e.person)])];
    }
    const double base = m::exit_to_inactivity_hazard(participation, 0, 0, 35);
    const double per_area = n / 2.0;
    for (std::size_t a = 0; a < 2; ++a) {
        INFO("area " << a);
        const double expected = base * area_factor[a];
        CHECK(left[a] / per_area == Approx(expected).margin(mc_tolerance(expected, per_area)));
    }
    CHECK(left[0] > left[1]);

    // The discouraged return to searching less often in the strained area.
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.status[i] = LabourStatus::inactive;
        world.persons.wants_work[i] = 1;
    }
    const auto returns = testing::events_of(
        testing::run_step(&m::labour_force_participation, scenario, world, 1, seed),
        EventKind::return_to_search);
    std::array<double, 2> returned{};
    for (const Event& e : returns) {
        ++returned[index(world.persons.area[index(e.person)])];
    }
    for (std::size_t a = 0; a < 2; ++a) {
        INFO("area " << a);
        const double expected = participation.weekly_return_if_wanting_work / area_factor[a];
        CHECK(returned[a] / per_area == Approx(expected).margin(mc_tolerance(expected, per_area)));
    }
}

TEST_CASE("area_conditions: switched off, nothing is drawn and areas are alike",
          "[mechanism][area_conditions]") {
    Scenario on = testing::small_scenario(100, 8);
    Scenario off = on;
    off.labour_market.area_conditions.enabled = false;
    World world = testing::tiny_world(on, 100);
    World copy = world;
    const auto before = testing::snapshot(copy);
    CHECK(testing::run_step(&m::area_conditions, off, copy, 0, seed).empty());
    CHECK(testing::changed_columns(before, testing::snapshot(copy)) == "");
    (void)testing::run_step(&m::area_conditions, on, world, 0, seed);
    CHECK(testing::changed_columns(before, testing::snapshot(world)) ==
          "areas.separation_multiplier areas.inactivity_multiplier");
    // Switched off, factors already drawn are ignored.
    for (std::uint16_t a = 0; a < 8; ++a) {
        const auto area = static_cast<AreaId>(a);
        CHECK(m::area_separation_factor(off.labour_market.area_conditions, world.areas, area) ==
              1.0);
        CHECK(m::area_inactivity_factor(off.labour_market.area_conditions, world.areas, area) ==
              1.0);
    }
}

TEST_CASE("area_conditions: the same key gives the same result, at any thread count",
          "[mechanism][area_conditions]") {
    const Scenario scenario = testing::small_scenario(100, 8);
    const World world = testing::tiny_world(scenario, 100);
    const auto reference = testing::outcome_of(&m::area_conditions, scenario, world, 0, seed, 1);
    const int threads = GENERATE(1, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::area_conditions, scenario, world, 0, seed,
                                         threads);
}

}  // namespace test_area_conditions
