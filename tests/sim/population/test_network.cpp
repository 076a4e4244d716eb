// The starting social network: about a dozen ties, a few strong, symmetric, homophilous by
// employment status, partly dispersed over areas, and the same at any thread count.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/population/generate.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_network {

namespace {

using namespace jobsim;

constexpr std::uint64_t seed = 16001;

World generated(const Scenario& scenario, int threads) {
    World world;
    testing::with_threads(
        threads, [&] { world = generate_world(scenario, rng::ReplicationKey::make(seed, 0)); });
    return world;
}

}  // namespace

TEST_CASE("network: people start with about a dozen typed, symmetric ties", "[network]") {
    const Scenario scenario = testing::small_scenario(20'000, 4);
    const World world = generated(scenario, 2);
    const auto& spec = scenario.population.network;
    REQUIRE(world.network.persons() == 20'000);
    CHECK(testing::network_problems(world) == "");

    double degree = 0;
    double strong = 0;
    double dispersed = 0;
    double weak = 0;
    double employed_share_of_employed = 0;
    double employed_share_of_others = 0;
    double employed = 0;
    double others = 0;
    for (std::uint32_t i = 0; i < 20'000; ++i) {
        const NetworkMeasures m = measure_network(world.network, world.persons, i);
        degree += m.degree;
        for (const Tie& t : world.network.ties(i)) {
            const bool is_strong = (t.flags & tie_strong) != 0;
            strong += is_strong ? 1 : 0;
            weak += is_strong ? 0 : 1;
            dispersed += (t.flags & tie_dispersed) != 0 ? 1 : 0;
            CHECK(((t.flags & tie_dispersed) != 0) ==
                  (world.persons.area[t.contact] != world.persons.area[i]));
            if (is_strong) {
                CHECK((t.flags & tie_bridging) == 0);  // family and close friends bond
            }
        }
        if (m.degree == 0) {
            continue;
        }
        const double share = static_cast<double>(m.employed_contacts) / m.degree;
        if (world.persons.status[i] == LabourStatus::employed) {
            employed_share_of_employed += share;
            ++employed;
        } else {
            employed_share_of_others += share;
            ++others;
        }
    }
    // Proposals that meet a full list or an existing tie fail, so the mean is a little lower.
    CHECK(degree / 20'000 > spec.mean_ties * 0.9);
    CHECK(degree / 20'000 <= spec.mean_ties + 0.1);
    CHECK(strong / 20'000 == Approx(spec.strong_ties).margin(0.3));
    // Weak ties leave the area with probability 1 - weak_local_share (any area but one's own).
    CHECK(dispersed / weak == Approx(1.0 - spec.weak_local_share).margin(0.02));
    // Homophily: people out of work have fewer employed contacts.
    CHECK(employed_share_of_others / others < employed_share_of_employed / employed - 0.05);
}

TEST_CASE("network: switched off, nobody starts with ties", "[network]") {
    Scenario scenario = testing::small_scenario(2'000, 2);
    scenario.population.network.enabled = false;
    const World world = generated(scenario, 1);
    REQUIRE(world.network.persons() == 2'000);
    CHECK(testing::mean_degree(world, 0, 2'000) == 0.0);
}

TEST_CASE("network: the same key gives the same network at any thread count", "[network]") {
    const Scenario scenario = testing::small_scenario(20'000, 4);
    const World reference = generated(scenario, 1);
    const int threads = GENERATE(2, 4);
    const World again = generated(scenario, threads);
    CHECK(testing::changed_columns(testing::snapshot(reference), testing::snapshot(again)) == "");
}

}  // namespace test_network
