// underemployment: part-time workers come to want more hours (full-time workers never do); a coach
// helps those who want more hours get them; where the service is universal, aware underemployed
// workers join it; nothing changes when it is off.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/service_access.hpp"
#include "sim/mechanisms/underemployment.hpp"
#include "sim/state/invariants.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_underemployment {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 18401;

/// n people in work at `hours` a week.
World workers(const Scenario& scenario, std::uint32_t n, std::uint8_t hours) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::employ(world, i, index(world.persons.area[i]) * 40, 12.0f, hours);
        world.persons.tenure_weeks[i] = 30;
    }
    return world;
}

}  // namespace

TEST_CASE("underemployment: part-time workers come to want more hours, full-time ones do not",
          "[mechanism][underemployment]") {
    constexpr std::uint32_t n = 100'000;
    const Scenario scenario = testing::small_scenario(n, 4);
    const auto& params = scenario.labour_market.underemployment;
    World part_time = workers(scenario, n, 20);
    World full_time = workers(scenario, n, 37);
    (void)testing::run_step(&m::underemployment, scenario, part_time, 0, seed);
    (void)testing::run_step(&m::underemployment, scenario, full_time, 0, seed);
    double wanting_part = 0;
    double wanting_full = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        wanting_part += part_time.persons.wants_more_hours[i];
        wanting_full += full_time.persons.wants_more_hours[i];
    }
    const double p = params.weekly_start_wanting_more_hours;
    CHECK(wanting_part / n == Approx(p).margin(mc_tolerance(p, n)));
    CHECK(wanting_full == 0);
}

TEST_CASE("underemployment: a coach helps raise hours", "[mechanism][underemployment]") {
    constexpr std::uint32_t n = 100'000;
    const Scenario scenario = testing::small_scenario(n, 4);
    const auto& params = scenario.labour_market.underemployment;
    World world = workers(scenario, n, 20);
    for (std::uint32_t i = 0; i < n; ++i) {
        Persons& p = world.persons;
        p.wants_more_hours[i] = 1;
        if (i % 2 == 0) {  // even persons have a coach helping them
            p.coach[i] = static_cast<CoachId>(*world.coaches_by_area.begin_of(index(p.area[i])));
            p.service_route[i] = ServiceRoute::more_hours;
        }
    }
    const auto events = testing::run_step(&m::underemployment, scenario, world, 0, seed);
    std::array<double, 2> raised{};
    for (std::uint32_t i = 0; i < n; ++i) {
        if (world.persons.hours_per_week[i] > 20) {
            ++raised[i % 2];
            CHECK(world.persons.hours_per_week[i] == 20 + params.hours_step);
            CHECK(world.persons.wants_more_hours[i] == 0);
            CHECK(world.persons.coach[i] == none<CoachId>);  // helped: the goal is met
        }
    }
    const double helped = params.weekly_hours_rise_with_coach;
    const double alone = params.weekly_hours_rise;
    CHECK(raised[0] / (n / 2) == Approx(helped).margin(mc_tolerance(helped, n / 2)));
    CHECK(raised[1] / (n / 2) == Approx(alone).margin(mc_tolerance(alone, n / 2)));
    CHECK(raised[0] > raised[1]);
    CHECK(testing::count_events(events, EventKind::public_cost) > 0);  // in-work contacts
    CHECK_NOTHROW(check_invariants(world));
}

TEST_CASE("underemployment: under universal access aware underemployed workers join",
          "[mechanism][underemployment]") {
    constexpr std::uint32_t n = 100'000;
    Scenario scenario = testing::small_scenario(n, 4);
    World world = workers(scenario, n, 20);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.wants_more_hours[i] = 1;
        world.persons.aware_of_service[i] = 1;
        world.persons.trust[i] = 1.0f;
    }
    World claimants_only = world;
    const auto none = testing::run_step(&m::underemployment, scenario, claimants_only, 0, seed);
    CHECK(testing::count_events(none, EventKind::service_join) == 0);

    scenario.regime.service_access.eligibility = m::Eligibility::universal;
    const auto events = testing::run_step(&m::underemployment, scenario, world, 0, seed);
    const auto& access = scenario.regime.service_access;
    const auto& params = scenario.labour_market.underemployment;
    // Those who neither got hours nor stopped wanting them may join.
    const double eligible =
        n * (1.0 - params.weekly_hours_rise) * (1.0 - params.weekly_stop_wanting_more_hours);
    const double p = m::join_probability(access, access.weekly_join_if_aware, 1.0f);
    const auto joined = static_cast<double>(testing::count_events(events, EventKind::service_join));
    CHECK(joined / eligible == Approx(p).margin(mc_tolerance(p, eligible) + 0.002));
    for (const Event& e : testing::events_of(events, EventKind::service_join)) {
        CHECK(e.detail == static_cast<std::uint8_t>(ServiceRoute::more_hours));
    }
    CHECK_NOTHROW(check_invariants(world));
}

TEST_CASE("underemployment: switched off, it changes nothing", "[mechanism][underemployment]") {
    Scenario scenario = testing::small_scenario(2000, 2);
    scenario.labour_market.underemployment.enabled = false;
    World world = workers(scenario, 2000, 20);
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::underemployment, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("underemployment: same key, same outcome, at 1 and 4 threads",
          "[mechanism][underemployment]") {
    Scenario scenario = testing::small_scenario(20'000, 4);
    scenario.regime.service_access.eligibility = m::Eligibility::universal;
    World world = workers(scenario, 20'000, 20);
    for (std::uint32_t i = 0; i < 20'000; i += 2) {
        world.persons.wants_more_hours[i] = 1;
        world.persons.aware_of_service[i] = 1;
    }
    const auto reference = testing::outcome_of(&m::underemployment, scenario, world, 2, seed);
    for (const int threads : {1, 4}) {
        INFO(threads << " threads");
        testing::check_same_key_same_outcome(reference, &m::underemployment, scenario, world, 2,
                                             seed, threads);
    }
}

}  // namespace test_underemployment
