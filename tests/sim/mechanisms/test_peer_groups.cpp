// peer_groups and mixed_events: sessions among service users add bonding ties and lower
// loneliness; mixed events add bridging ties to people in work; both cost public money.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/mixed_events.hpp"
#include "sim/mechanisms/peer_groups.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_peer_groups {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 16501;
constexpr std::uint32_t n = 20'000;

/// Two areas; even persons employed, odd persons claimants out of work; loneliness 0.5.
World group_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.loneliness[i] = 0.5f;
        if (i % 2 == 0) {
            testing::employ(world, i, index(world.persons.area[i]) * 40, 12.0f);
        } else {
            testing::start_claim(world, i, 10);
        }
    }
    return world;
}

Scenario group_scenario() {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.regime.peer_groups.enabled = true;
    scenario.regime.mixed_events.enabled = true;
    return scenario;
}

double mean_loneliness_of_claimants(const World& world) {
    double sum = 0;
    for (std::uint32_t i = 1; i < n; i += 2) {
        sum += world.persons.loneliness[i];
    }
    return sum / (n / 2);
}

}  // namespace

TEST_CASE("peer_groups: attendees form bonding ties and feel less lonely",
          "[mechanism][peer_groups]") {
    const Scenario scenario = group_scenario();
    const auto& params = scenario.regime.peer_groups;
    World world = group_world(scenario);
    const auto events = testing::run_step(&m::peer_groups, scenario, world, 0, seed);
    CHECK(testing::network_problems(world) == "");
    const auto costs = testing::events_of(events, EventKind::public_cost);
    const double p = params.attendance_probability;
    CHECK(static_cast<double>(costs.size()) / (n / 2) == Approx(p).margin(mc_tolerance(p, n / 2)));
    for (const Event& e : costs) {
        const auto i = index(e.person);
        CHECK(i % 2 == 1);  // only service users out of work attend
        CHECK(e.detail == static_cast<std::uint8_t>(CostItem::peer_group));
        CHECK(world.persons.loneliness[i] == Approx(0.5 - params.loneliness_relief));
    }
    double ties = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        for (const Tie& t : world.network.ties(i)) {
            ++ties;
            CHECK((t.flags & tie_peer) != 0);
            CHECK((t.flags & tie_bridging) == 0);  // same area, both out of work
            CHECK(world.persons.area[t.contact] == world.persons.area[i]);
        }
    }
    CHECK(ties > 0);
    CHECK(mean_loneliness_of_claimants(world) < 0.5);
}

TEST_CASE("mixed_events: users gain bridging ties to people in work", "[mechanism][peer_groups]") {
    Scenario scenario = group_scenario();
    scenario.regime.mixed_events.employed_attendance_probability = 0.1;
    World world = group_world(scenario);
    const auto events = testing::run_step(&m::mixed_events, scenario, world, 0, seed);
    CHECK(testing::network_problems(world) == "");
    double bridging_to_employed = 0;
    for (std::uint32_t i = 1; i < n; i += 2) {
        for (const Tie& t : world.network.ties(i)) {
            if (world.persons.status[t.contact] == LabourStatus::employed) {
                ++bridging_to_employed;
                CHECK((t.flags & tie_bridging) != 0);
            }
        }
    }
    // Half the attendees are in work, so about half of users' new ties reach someone in work.
    CHECK(bridging_to_employed > 300);
    for (const Event& e : testing::events_of(events, EventKind::public_cost)) {
        CHECK(e.detail == static_cast<std::uint8_t>(CostItem::hub_event));
    }
}

TEST_CASE("peer_groups, mixed_events: switched off, nothing changes", "[mechanism][peer_groups]") {
    Scenario scenario = group_scenario();
    scenario.regime.peer_groups.enabled = false;
    scenario.regime.mixed_events.enabled = false;
    World world = group_world(scenario);
    const auto before = testing::snapshot(world);
    CHECK(testing::run_step(&m::peer_groups, scenario, world, 0, seed).empty());
    CHECK(testing::run_step(&m::mixed_events, scenario, world, 0, seed).empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("peer_groups, mixed_events: the same key gives the same result, at any thread count",
          "[mechanism][peer_groups]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.peer_groups.enabled = true;
    scenario.regime.mixed_events.enabled = true;
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    for (const auto& [name, step] :
         {std::pair{"peer_groups", &m::peer_groups}, std::pair{"mixed_events", &m::mixed_events}}) {
        INFO(name);
        const auto prepared = testing::prepared_world(scenario, name, 6, seed);
        const auto reference =
            testing::outcome_of(step, scenario, prepared.world, prepared.week, seed, 1);
        REQUIRE(!reference.events.empty());
        testing::check_same_key_same_outcome(reference, step, scenario, prepared.world,
                                             prepared.week, seed, threads);
    }
}

}  // namespace test_peer_groups
