// barrier_disclosure: at attended meetings claimants tell their coach of hidden barriers, more
// often with more trust and less often when the coach holds sanction power; nothing is told
// without a meeting, and nothing is known without a coach.
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/barrier_disclosure.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_barrier_disclosure {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 9201;

/// n claimants with a caring barrier (not a sensitive one), alliance 0.3, met this week.
World claimants_with_a_barrier(const Scenario& scenario, std::uint32_t n) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        world.persons.barriers[i] = barrier_caring;
        world.persons.alliance[i] = 0.3f;
        world.persons.trust[i] = 0.5f;
        world.persons.meeting_this_week[i] = MeetingOutcome::attended;
    }
    return world;
}

double share_disclosed(const World& world, std::uint32_t first, std::uint32_t step) {
    double told = 0.0;
    double count = 0.0;
    for (std::uint32_t i = first; i < world.persons.size(); i += step) {
        told += m::known_barriers(world.persons, i) != 0 ? 1.0 : 0.0;
        count += 1.0;
    }
    return told / count;
}

}  // namespace

TEST_CASE("barrier_disclosure: more trust, more disclosure", "[mechanism][barrier_disclosure]") {
    constexpr std::uint32_t n = 40'000;
    const Scenario scenario = testing::small_scenario(n, 4);
    World world = claimants_with_a_barrier(scenario, n);
    for (std::uint32_t i = 0; i < n; i += 2) {
        world.persons.trust[i] = 0.9f;  // even persons trust the service, odd ones less
        world.persons.trust[i + 1] = 0.2f;
    }
    const auto events = testing::run_step(&m::barrier_disclosure, scenario, world, 4, seed);

    const double high = m::disclosure_probability(scenario.regime, 0.9f, 0.3f, false);
    const double low = m::disclosure_probability(scenario.regime, 0.2f, 0.3f, false);
    CHECK(share_disclosed(world, 0, 2) == Approx(high).margin(mc_tolerance(high, n / 2)));
    CHECK(share_disclosed(world, 1, 2) == Approx(low).margin(mc_tolerance(low, n / 2)));
    CHECK(share_disclosed(world, 0, 2) > share_disclosed(world, 1, 2));
    CHECK(testing::count_events(events, EventKind::barrier_disclosed) ==
          static_cast<std::size_t>(std::lround(share_disclosed(world, 0, 1) * n)));
    for (const Event& e : events) {
        CHECK(e.detail == 1);  // the caring bit
        CHECK(e.other == index(world.persons.coach[index(e.person)]));
    }
}

TEST_CASE("barrier_disclosure: fear of the coach's sanctions holds people back",
          "[mechanism][barrier_disclosure]") {
    constexpr std::uint32_t n = 60'000;
    const Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms(3, scenario.regime);
    arms[0].working_alliance.sanction_power = m::SanctionPower::coach;
    arms[1].working_alliance.sanction_power = m::SanctionPower::agency;
    arms[2].working_alliance.sanction_power = m::SanctionPower::none;
    World world = claimants_with_a_barrier(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 3);
    }
    (void)testing::run_step(&m::barrier_disclosure, scenario, world, 4, seed, 1, arms);
    std::array<double, 3> share{};
    for (std::uint32_t arm = 0; arm < 3; ++arm) {
        share[arm] = share_disclosed(world, arm, 3);
        const double expected = m::disclosure_probability(arms[arm], 0.5, 0.3, false);
        INFO("arm " << arm);
        CHECK(share[arm] == Approx(expected).margin(mc_tolerance(expected, n / 3)));
    }
    CHECK(share[0] < share[1]);
    CHECK(share[1] < share[2]);
    // Sensitive barriers (health, literacy) are told less often.
    CHECK(m::disclosure_probability(scenario.regime, 0.5, 0.3, true) <
          m::disclosure_probability(scenario.regime, 0.5, 0.3, false));
}

TEST_CASE("barrier_disclosure: told only at a meeting with one's coach, known only to a coach",
          "[mechanism][barrier_disclosure]") {
    const Scenario scenario = testing::small_scenario(300, 1);
    World world = claimants_with_a_barrier(scenario, 300);
    for (std::uint32_t i = 0; i < 300; ++i) {
        world.persons.trust[i] = 1.0f;
        world.persons.alliance[i] = 1.0f;
        if (i % 3 == 1) {
            // A missed meeting, or one held by a stand-in coach.
            world.persons.meeting_this_week[i] =
                i % 2 == 0 ? MeetingOutcome::missed : MeetingOutcome::attended;
            world.persons.met_stand_in[i] = i % 2 == 0 ? 0 : 1;
        } else if (i % 3 == 2) {
            world.persons.coach[i] = none<CoachId>;  // the claim has ended
            world.persons.barriers_disclosed[i] = barrier_caring;
        }
    }
    (void)testing::run_step(&m::barrier_disclosure, scenario, world, 4, seed);
    for (std::uint32_t i = 0; i < 300; ++i) {
        INFO("person " << i);
        if (i % 3 != 0) {
            CHECK(world.persons.barriers_disclosed[i] == 0);
        }
    }
    CHECK(share_disclosed(world, 0, 3) > 0.0);
}

TEST_CASE("barrier_disclosure: switched off, the coach learns nothing and forgets nothing",
          "[mechanism][barrier_disclosure]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "barrier_disclosure", 6, seed);
    Scenario off = scenario;
    off.regime.barrier_disclosure.enabled = false;
    testing::check_switched_off_changes_nothing(&m::barrier_disclosure, scenario, off,
                                                prepared.world, prepared.week, seed,
                                                EventKind::barrier_disclosed);
}

TEST_CASE("barrier_disclosure: the same key gives the same result, at any thread count",
          "[mechanism][barrier_disclosure]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "barrier_disclosure", 6, seed);
    const auto reference = testing::outcome_of(&m::barrier_disclosure, scenario, prepared.world,
                                               prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::barrier_disclosed) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::barrier_disclosure, scenario,
                                         prepared.world, prepared.week, seed, threads);
}

}  // namespace test_barrier_disclosure
