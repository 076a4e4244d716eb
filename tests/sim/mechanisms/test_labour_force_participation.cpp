// labour_force_participation: unemployed people stop searching (more so with long spells,
// barriers and age 50+); inactive people who want work return to search; wanting work comes and
// goes.
#include <array>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/labour_force_participation.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_labour_force_participation {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 7201;

/// Share of the persons selected by `in_group` with an event of `kind`.
template <class InGroup>
double event_rate(const World& world, const std::vector<Event>& events, EventKind kind,
                  InGroup in_group) {
    std::size_t members = 0;
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        members += in_group(i);
    }
    std::size_t hits = 0;
    for (const Event& e : events) {
        hits += e.kind == kind && in_group(index(e.person));
    }
    return static_cast<double>(hits) / static_cast<double>(members);
}

}  // namespace

TEST_CASE("labour_force_participation: a longer spell raises exits to inactivity",
          "[mechanism][labour_force_participation]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.labour_force_participation;
    params.weekly_exit_to_inactivity = 0.05;  // sharper comparison; the spell term is the lever
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 1; i < n; i += 2) {
        world.persons.spell_weeks[i] = 104;  // odd persons: two years out of work
    }
    const auto events = testing::run_step(&m::labour_force_participation, scenario, world, 0, seed);

    const double new_hazard = m::exit_to_inactivity_hazard(params, 0, 0, 35);
    const double long_hazard = m::exit_to_inactivity_hazard(params, 104, 0, 35);
    CHECK(long_hazard == Approx(new_hazard * (1.0 + 2.0 * params.exit_per_year_of_spell)));

    const double new_rate = event_rate(world, events, EventKind::exit_to_inactivity,
                                       [](std::uint32_t i) { return i % 2 == 0; });
    const double long_rate = event_rate(world, events, EventKind::exit_to_inactivity,
                                        [](std::uint32_t i) { return i % 2 == 1; });
    CHECK(new_rate == Approx(new_hazard).margin(mc_tolerance(new_hazard, n / 2)));
    CHECK(long_rate == Approx(long_hazard).margin(mc_tolerance(long_hazard, n / 2)));
    CHECK(long_rate > new_rate);
}

TEST_CASE("labour_force_participation: barriers and age 50+ raise exits as documented",
          "[mechanism][labour_force_participation]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.labour_force_participation;
    params.weekly_exit_to_inactivity = 0.05;
    constexpr std::uint32_t n = 90'000;
    World world = testing::tiny_world(scenario, n);
    const auto two_barriers = static_cast<std::uint8_t>(barrier_health | barrier_confidence);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (i % 3 == 1) {
            world.persons.barriers[i] = two_barriers;
        } else if (i % 3 == 2) {
            world.persons.age_years[i] = 50;  // the first older year
        }
    }
    const auto events = testing::run_step(&m::labour_force_participation, scenario, world, 0, seed);

    const std::array<double, 3> hazard{m::exit_to_inactivity_hazard(params, 0, 0, 35),
                                       m::exit_to_inactivity_hazard(params, 0, two_barriers, 35),
                                       m::exit_to_inactivity_hazard(params, 0, 0, 50)};
    CHECK(hazard[1] == Approx(hazard[0] * (1.0 + 2.0 * params.exit_per_barrier)));
    CHECK(hazard[2] == Approx(hazard[0] * params.exit_older_multiplier));
    CHECK(m::exit_to_inactivity_hazard(params, 0, 0, 49) == hazard[0]);

    std::array<double, 3> rate{};
    for (std::uint32_t group = 0; group < 3; ++group) {
        rate[group] = event_rate(world, events, EventKind::exit_to_inactivity,
                                 [group](std::uint32_t i) { return i % 3 == group; });
        INFO("group " << group);
        CHECK(rate[group] == Approx(hazard[group]).margin(mc_tolerance(hazard[group], n / 3)));
    }
    CHECK(rate[1] > rate[0]);
    CHECK(rate[2] > rate[0]);
}

TEST_CASE("labour_force_participation: those who stop searching become inactive but want work",
          "[mechanism][labour_force_participation]") {
    Scenario scenario = testing::small_scenario();
    scenario.labour_market.labour_force_participation.weekly_exit_to_inactivity = 0.2;
    World world = testing::tiny_world(scenario, 10'000);
    for (std::uint32_t i = 0; i < 10'000; ++i) {
        world.persons.spell_weeks[i] = static_cast<std::uint16_t>(i % 80);
        if (i % 5 == 0) {
            testing::start_claim(world, i, 3);  // the claim is benefit_claim's to end
        }
    }
    const World before = world;
    const auto events = testing::run_step(&m::labour_force_participation, scenario, world, 0, seed);
    const auto exits = testing::events_of(events, EventKind::exit_to_inactivity);
    REQUIRE(exits.size() > 1000);
    CHECK(exits.size() == events.size());
    std::vector<std::uint8_t> exited(world.persons.size(), 0);
    for (const Event& e : exits) {
        const auto i = index(e.person);
        exited[i] = 1;
        CHECK(world.persons.status[i] == LabourStatus::inactive);
        CHECK(world.persons.wants_work[i] == 1);
        CHECK(e.value == static_cast<float>(before.persons.spell_weeks[i]));
    }
    for (std::uint32_t i = 0; i < world.persons.size(); ++i) {
        if (exited[i] == 0) {
            CHECK(world.persons.status[i] == LabourStatus::unemployed);
        }
    }
    // Only status and wants_work move; the spell goes on and the claim stays for benefit_claim.
    CHECK(testing::changed_columns(testing::snapshot(before), testing::snapshot(world),
                                   {"persons.status", "persons.wants_work"}) == "");
}

TEST_CASE("labour_force_participation: inactive people who want work return to search",
          "[mechanism][labour_force_participation]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.labour_force_participation;
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < n; ++i) {
        p.status[i] = LabourStatus::inactive;
        p.wants_work[i] = i % 2 == 0;  // even persons want work
        p.spell_weeks[i] = 30;
    }
    const auto events = testing::run_step(&m::labour_force_participation, scenario, world, 0, seed);

    std::array<std::size_t, 2> members{};
    std::size_t returned = 0;
    std::size_t stopped_wanting = 0;
    std::size_t started_wanting = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const bool wanted = i % 2 == 0;
        ++members[wanted];
        if (wanted) {
            returned += p.status[i] == LabourStatus::unemployed;
            stopped_wanting += p.status[i] == LabourStatus::inactive && p.wants_work[i] == 0;
            if (p.status[i] == LabourStatus::unemployed) {
                CHECK(p.wants_work[i] == 1);
            }
        } else {
            CHECK(p.status[i] == LabourStatus::inactive);
            started_wanting += p.wants_work[i] == 1;
        }
    }
    const auto returns = testing::events_of(events, EventKind::return_to_search);
    CHECK(returns.size() == returned);
    CHECK(returns.size() == events.size());
    for (const Event& e : returns) {
        CHECK(index(e.person) % 2 == 0);
        CHECK(e.value == 0.0f);
    }

    const auto wanting = static_cast<double>(members[1]);
    const double p_return = params.weekly_return_if_wanting_work;
    // Stopping wanting work is drawn only for those who did not return.
    const double p_stop = (1.0 - p_return) * params.weekly_stop_wanting_work;
    const double p_start = params.weekly_start_wanting_work;
    CHECK(static_cast<double>(returned) / wanting ==
          Approx(p_return).margin(mc_tolerance(p_return, wanting)));
    CHECK(static_cast<double>(stopped_wanting) / wanting ==
          Approx(p_stop).margin(mc_tolerance(p_stop, wanting)));
    const auto not_wanting = static_cast<double>(members[0]);
    CHECK(static_cast<double>(started_wanting) / not_wanting ==
          Approx(p_start).margin(mc_tolerance(p_start, not_wanting)));
}

TEST_CASE("labour_force_participation: people in work are not touched",
          "[mechanism][labour_force_participation]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.labour_force_participation;
    params.weekly_exit_to_inactivity = 1.0;
    World world = testing::tiny_world(scenario, 1000);
    for (std::uint32_t i = 0; i < 1000; ++i) {
        testing::employ(world, i, 0, 15.0f);
        world.persons.spell_weeks[i] = 60;
    }
    const World before = world;
    const auto events = testing::run_step(&m::labour_force_participation, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(testing::snapshot(before), testing::snapshot(world)) == "");
}

TEST_CASE("labour_force_participation: switched off, nobody moves and nothing changes",
          "[mechanism][labour_force_participation]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "labour_force_participation", 6, seed);
    const auto on = testing::outcome_of(&m::labour_force_participation, scenario, prepared.world,
                                        prepared.week, seed);
    CHECK_FALSE(on.events.empty());

    scenario.labour_market.labour_force_participation.enabled = false;
    const auto off = testing::outcome_of(&m::labour_force_participation, scenario, prepared.world,
                                         prepared.week, seed);
    CHECK(off.events.empty());
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), off.state) == "");
}

TEST_CASE("labour_force_participation: the same key gives the same result, at any thread count",
          "[mechanism][labour_force_participation]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "labour_force_participation", 6, seed);
    const auto reference = testing::outcome_of(&m::labour_force_participation, scenario,
                                               prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::exit_to_inactivity) > 0);
    REQUIRE(testing::count_events(reference.events, EventKind::return_to_search) > 0);

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::labour_force_participation, scenario,
                                         prepared.world, prepared.week, seed, threads);
}

}  // namespace test_labour_force_participation
