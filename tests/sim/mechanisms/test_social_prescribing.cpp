// social_prescribing: lonely service users take part in community activities with people of any
// status, form ties, feel less lonely and gain wellbeing; others are not referred.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/social_prescribing.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/network_checks.hpp"

namespace test_social_prescribing {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 17003;
constexpr std::uint32_t n = 20'000;

/// Two areas; even persons in work (not service users), odd persons claimants; the claimants of
/// persons 1, 5, 9, ... are lonely (0.6), the other claimants are not (0.2).
World community_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (i % 2 == 0) {
            testing::employ(world, i, index(world.persons.area[i]) * 40, 12.0f);
            world.persons.loneliness[i] = 0.2f;
        } else {
            testing::start_claim(world, i, 10);
            world.persons.loneliness[i] = i % 4 == 1 ? 0.6f : 0.2f;
        }
        world.persons.wellbeing[i] = 6.0f;
    }
    return world;
}

Scenario community_scenario() {
    Scenario scenario = testing::small_scenario(n, 2);
    scenario.regime.social_prescribing.enabled = true;
    scenario.regime.social_prescribing.community_attendance_probability = 0.05;
    return scenario;
}

}  // namespace

TEST_CASE("social_prescribing: lonely service users take part, form ties and feel less lonely",
          "[mechanism][social_prescribing]") {
    const Scenario scenario = community_scenario();
    const auto& params = scenario.regime.social_prescribing;
    World world = community_world(scenario);
    const auto events = testing::run_step(&m::social_prescribing, scenario, world, 0, seed);
    CHECK(testing::network_problems(world) == "");
    double lonely_users = 0;
    double community = 0;
    for (const Event& e : testing::events_of(events, EventKind::public_cost)) {
        const auto i = index(e.person);
        CHECK(e.detail == static_cast<std::uint8_t>(CostItem::hub_event));
        CHECK(i % 4 != 3);  // users who are not lonely are not referred
        if (i % 4 == 1) {
            ++lonely_users;
            CHECK(world.persons.loneliness[i] == Approx(0.6 - params.loneliness_relief));
            CHECK(world.persons.wellbeing[i] == Approx(6.0 + params.wellbeing_boost));
        } else {
            ++community;
        }
    }
    const double users = n / 4.0;
    CHECK(lonely_users / users == Approx(params.attendance_probability)
                                      .margin(mc_tolerance(params.attendance_probability, users)));
    const double others = n / 2.0;
    const double q = params.community_attendance_probability;
    CHECK(community / others == Approx(q).margin(mc_tolerance(q, others)));
    // Activities mix people of any status: some users' new ties reach someone in work.
    double ties_to_employed = 0;
    for (std::uint32_t i = 1; i < n; i += 4) {
        for (const Tie& t : world.network.ties(i)) {
            ties_to_employed += world.persons.status[t.contact] == LabourStatus::employed;
        }
    }
    CHECK(ties_to_employed > 0);
}

TEST_CASE("social_prescribing: switched off, nothing changes", "[mechanism][social_prescribing]") {
    const Scenario on = community_scenario();
    Scenario off = on;
    off.regime.social_prescribing.enabled = false;
    testing::check_switched_off_changes_nothing(
        &m::social_prescribing, on, off, community_world(on), 0, seed, EventKind::public_cost);
}

TEST_CASE("social_prescribing: the same key gives the same result, at any thread count",
          "[mechanism][social_prescribing]") {
    const Scenario scenario = community_scenario();
    const World world = community_world(scenario);
    const auto reference = testing::outcome_of(&m::social_prescribing, scenario, world, 0, seed, 1);
    REQUIRE(!reference.events.empty());
    const int threads = GENERATE(1, 2, 4);
    testing::check_same_key_same_outcome(reference, &m::social_prescribing, scenario, world, 0,
                                         seed, threads);
}

}  // namespace test_social_prescribing
