// co_design: service users on participation panels gain ties and confidence, and the local
// service they help design earns a little more trust from all its users.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/co_design.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_co_design {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 23401;
constexpr std::uint32_t n = 20'000;

Scenario panel_scenario(bool enabled) {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.regime.co_design.enabled = enabled;
    return scenario;
}

/// Odd persons claim (with a coach), even persons are out of work without the service; confidence
/// and trust 0.5.
World panel_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.confidence[i] = 0.5f;
        world.persons.trust[i] = 0.5f;
        if (i % 2 == 1) {
            testing::start_claim(world, i, 10);
        }
    }
    return world;
}

double mean_trust_of_users(const World& world) {
    double sum = 0;
    for (std::uint32_t i = 1; i < n; i += 2) {
        sum += world.persons.trust[i];
    }
    return sum / (n / 2);
}

}  // namespace

TEST_CASE("co_design: panel members gain ties and confidence", "[mechanism][co_design]") {
    const Scenario scenario = panel_scenario(true);
    const auto& params = scenario.regime.co_design;
    World world = panel_world(scenario);
    const auto events = testing::run_step(&m::co_design, scenario, world, 0, seed);
    CHECK(testing::network_problems(world) == "");
    const auto costs = testing::events_of(events, EventKind::public_cost);
    const double p = params.participation_probability;
    CHECK(static_cast<double>(costs.size()) / (n / 2) == Approx(p).margin(mc_tolerance(p, n / 2)));
    for (const Event& e : costs) {
        const auto i = index(e.person);
        CHECK(i % 2 == 1);  // only service users take part
        CHECK(e.detail == static_cast<std::uint8_t>(CostItem::group_session));
        CHECK(e.value == Approx(params.expenses_per_session_gbp));
        CHECK(world.persons.confidence[i] == Approx(0.5 + params.confidence_boost));
    }
    double ties = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        for (const Tie& t : world.network.ties(i)) {
            ++ties;
            CHECK((t.flags & tie_peer) != 0);
            CHECK(world.persons.area[t.contact] == world.persons.area[i]);
        }
    }
    CHECK(ties > 0);
}

TEST_CASE("co_design: where panels meet the service improves and its users trust it more",
          "[mechanism][co_design]") {
    const Scenario on = panel_scenario(true);
    const Scenario off = panel_scenario(false);
    const auto& params = on.regime.co_design;
    World with_panels = panel_world(on);
    World without = panel_world(off);
    constexpr Week weeks = 10;
    for (Week week = 0; week < weeks; ++week) {
        (void)testing::run_step(&m::co_design, on, with_panels, week, seed);
        (void)testing::run_step(&m::co_design, off, without, week, seed);
    }
    // Panels meet every week in both areas (hundreds of users each): the score follows its
    // recursion exactly.
    double design = 0.0;
    for (Week week = 0; week < weeks; ++week) {
        design *= 1.0 - params.design_weekly_decay;
        design += params.design_gain_per_panel_week * (1.0 - design);
    }
    REQUIRE(with_panels.service_design.size() == 2);
    for (const float score : with_panels.service_design) {
        CHECK(score == Approx(design).epsilon(1e-4));
    }
    CHECK(without.service_design.empty());
    CHECK(mean_trust_of_users(with_panels) > mean_trust_of_users(without));
    CHECK(mean_trust_of_users(without) == Approx(0.5));
    // People without a coach are not service users: their trust is untouched.
    for (std::uint32_t i = 0; i < n; i += 2) {
        CHECK(with_panels.persons.trust[i] == 0.5f);
    }
}

TEST_CASE("co_design: switched off, nothing changes", "[mechanism][co_design]") {
    const Scenario on = panel_scenario(true);
    const Scenario off = panel_scenario(false);
    testing::check_switched_off_changes_nothing(&m::co_design, on, off, panel_world(on), 0, seed,
                                                EventKind::public_cost);
}

TEST_CASE("co_design: the same key gives the same result, at any thread count",
          "[mechanism][co_design]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.co_design.enabled = true;
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    const auto prepared = testing::prepared_world(scenario, "co_design", 6, seed);
    const auto reference =
        testing::outcome_of(&m::co_design, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(!reference.events.empty());
    testing::check_same_key_same_outcome(reference, &m::co_design, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_co_design
