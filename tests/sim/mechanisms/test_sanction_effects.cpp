// sanction_effects: a sanction lowers trust, wellbeing and confidence (more with a health
// condition), raises exits from benefit without work for some weeks (fading), and makes a job
// taken while sanctioned a worse match.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/sanction_effects.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_sanction_effects {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 12011;

/// Everyone claiming and unemployed, sanctioned `weeks_since - 1` weeks ago (0 = never).
World sanctioned_world(const Scenario& scenario, std::uint32_t persons, std::uint8_t weeks_since) {
    World world = testing::tiny_world(scenario, persons);
    for (std::uint32_t i = 0; i < persons; ++i) {
        testing::start_claim(world, i, 20);
        world.persons.claim[i] = ClaimState::sanctioned;
        world.persons.sanction_weeks_left[i] = 4;
        world.persons.weeks_since_sanction[i] = weeks_since;
        world.persons.trust[i] = 0.5f;
        world.persons.wellbeing[i] = 6.0f;
        world.persons.confidence[i] = 0.5f;
    }
    return world;
}

Scenario sanction_heavy_scenario() {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.coach_meeting.attendance_probability = 0.8;
    scenario.regime.conditionality.shortfall_detection_probability = 0.1;
    return scenario;
}

}  // namespace

TEST_CASE(
    "sanction_effects: a sanction lowers trust, wellbeing and confidence, more with a "
    "health condition",
    "[mechanism][sanction_effects]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.sanction_effects;
    World world = sanctioned_world(scenario, 3, 1);
    world.persons.barriers[1] = barrier_health;
    world.persons.weeks_since_sanction[2] = 2;  // last week's sanction: no new hit
    (void)testing::run_step(&m::sanction_effects, scenario, world, 0, seed);
    const Persons& p = world.persons;
    CHECK(p.trust[0] == Approx(0.5 - params.trust_loss));
    CHECK(p.wellbeing[0] == Approx(6.0 - params.wellbeing_loss));
    CHECK(p.confidence[0] == Approx(0.5 - params.confidence_loss));
    const double harm = params.health_barrier_harm_multiplier;
    CHECK(harm > 1.0);
    CHECK(p.trust[1] == Approx(0.5 - params.trust_loss));
    CHECK(p.wellbeing[1] == Approx(6.0 - params.wellbeing_loss * harm));
    CHECK(p.confidence[1] == Approx(0.5 - params.confidence_loss * harm));
    CHECK(p.trust[2] == 0.5f);
    CHECK(p.wellbeing[2] == 6.0f);
}

TEST_CASE(
    "sanction_effects: after a sanction more claimants stop claiming, fading over the "
    "effect weeks",
    "[mechanism][sanction_effects]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.sanction_effects;
    constexpr std::uint32_t n = 60'000;
    const std::uint32_t weeks = params.effect_weeks;
    World world = sanctioned_world(scenario, n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        // a third sanctioned this week, a third half way through, a third past the effect
        const std::uint32_t group = i % 3;
        world.persons.weeks_since_sanction[i] =
            static_cast<std::uint8_t>(group == 0   ? 1
                                      : group == 1 ? 1 + weeks / 2
                                                   : weeks + 1);
    }
    const auto events = testing::run_step(&m::sanction_effects, scenario, world, 0, seed);
    std::vector<double> exits(3, 0.0);
    for (const Event& e : events) {
        REQUIRE(e.kind == EventKind::claim_end);
        CHECK(e.detail == static_cast<std::uint8_t>(ClaimEndReason::stopped_claiming));
        CHECK(world.persons.claim[index(e.person)] == ClaimState::none);
        exits[index(e.person) % 3] += 1.0;
    }
    const double first = params.extra_exit_probability;
    const double middle = first * (1.0 - static_cast<double>(weeks / 2) / weeks);
    CHECK(exits[0] / (n / 3) == Approx(first).margin(mc_tolerance(first, n / 3)));
    CHECK(exits[1] / (n / 3) == Approx(middle).margin(mc_tolerance(middle, n / 3)));
    CHECK(exits[2] == 0.0);
    CHECK(exits[0] > exits[1]);
}

TEST_CASE("sanction_effects: a job taken while sanctioned is a worse match",
          "[mechanism][sanction_effects]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.sanction_effects;
    World world = sanctioned_world(scenario, 3, 2);
    testing::employ(world, 0, 0, 11.0f);  // hired this week while sanctioned
    testing::employ(world, 1, 0, 11.0f);  // hired this week, sanction over
    world.persons.claim[1] = ClaimState::claiming;
    testing::employ(world, 2, 0, 11.0f);  // in the job for a while
    world.persons.tenure_weeks[2] = 5;
    (void)testing::run_step(&m::sanction_effects, scenario, world, 0, seed);
    CHECK(world.persons.match_quality[0] == Approx(1.0 - params.match_quality_cut));
    CHECK(world.persons.match_quality[1] == 1.0f);
    CHECK(world.persons.match_quality[2] == 1.0f);
}

TEST_CASE("sanction_effects: switched off, a sanction changes nothing else",
          "[mechanism][sanction_effects]") {
    Scenario scenario = sanction_heavy_scenario();
    const auto prepared = testing::prepared_world(scenario, "sanction_effects", 12, seed);
    const auto on =
        testing::outcome_of(&m::sanction_effects, scenario, prepared.world, prepared.week, seed);
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), on.state) != "");

    scenario.labour_market.sanction_effects.enabled = false;
    const auto off =
        testing::outcome_of(&m::sanction_effects, scenario, prepared.world, prepared.week, seed);
    CHECK(off.events.empty());
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), off.state) == "");
}

TEST_CASE("sanction_effects: the same key gives the same result, at any thread count",
          "[mechanism][sanction_effects]") {
    Scenario scenario = sanction_heavy_scenario();
    scenario.labour_market.sanction_effects.extra_exit_probability = 0.3;
    const auto prepared = testing::prepared_world(scenario, "sanction_effects", 12, seed);
    const auto reference =
        testing::outcome_of(&m::sanction_effects, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::claim_end) > 0);
    const int threads = GENERATE(1, 4);
    testing::check_same_key_same_outcome(reference, &m::sanction_effects, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_sanction_effects
