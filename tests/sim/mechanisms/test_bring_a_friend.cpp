// bring_a_friend: new claimants who bring someone gain ties to friends of friends in work and
// disclose their barriers more often.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/bring_a_friend.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_bring_a_friend {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 16901;
constexpr std::uint32_t n = 9'000;

/// Triples (claimant 3k, friend 3k+1 out of work, friend's friend 3k+2 in work); the claimant
/// starts a claim this week and has health and housing barriers.
World triple_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t k = 0; k < n / 3; ++k) {
        const std::uint32_t i = 3 * k;
        testing::start_claim(world, i, 0);
        world.persons.barriers[i] = barrier_health | barrier_housing;
        testing::employ(world, i + 2, 0, 12.0f);
        REQUIRE(world.network.add_tie(i, i + 1, tie_strong, world.persons.area));
        REQUIRE(world.network.add_tie(i + 1, i + 2, tie_strong, world.persons.area));
    }
    return world;
}

}  // namespace

TEST_CASE("bring_a_friend: latent ties to people in work are activated and barriers disclosed",
          "[mechanism][bring_a_friend]") {
    Scenario scenario = testing::small_scenario(n, 1);
    scenario.regime.bring_a_friend.enabled = true;
    const auto& params = scenario.regime.bring_a_friend;
    World world = triple_world(scenario);
    (void)testing::run_step(&m::bring_a_friend, scenario, world, 0, seed);
    CHECK(testing::network_problems(world) == "");
    double activated = 0;
    double disclosed = 0;
    for (std::uint32_t k = 0; k < n / 3; ++k) {
        const std::uint32_t i = 3 * k;
        activated += world.network.connected(i, i + 2) ? 1 : 0;
        disclosed += world.persons.barriers_disclosed[i] == world.persons.barriers[i] ? 1 : 0;
    }
    const double claimants = n / 3.0;
    const double p = params.take_up;
    const double q = params.take_up * params.disclosure_probability;
    CHECK(activated / claimants == Approx(p).margin(mc_tolerance(p, claimants)));
    CHECK(disclosed / claimants == Approx(q).margin(mc_tolerance(q, claimants)));
}

TEST_CASE("bring_a_friend: switched off, nothing changes", "[mechanism][bring_a_friend]") {
    const Scenario scenario = testing::small_scenario(n, 1);
    World world = triple_world(scenario);
    const auto before = testing::snapshot(world);
    CHECK(testing::run_step(&m::bring_a_friend, scenario, world, 0, seed).empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("bring_a_friend: the same key gives the same result, at any thread count",
          "[mechanism][bring_a_friend]") {
    Scenario scenario = testing::small_scenario(n, 1);
    scenario.regime.bring_a_friend.enabled = true;
    const World world = triple_world(scenario);
    const auto reference = testing::outcome_of(&m::bring_a_friend, scenario, world, 0, seed, 1);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::bring_a_friend, scenario, world, 0, seed,
                                         threads);
}

}  // namespace test_bring_a_friend
