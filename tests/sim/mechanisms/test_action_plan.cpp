// action_plan: claimants without a plan may agree one at an attended meeting; co-produced and
// strengths-based plans raise confidence and alliance when agreed and lift search effort (the
// meeting boost) at every meeting that reviews them; a compliance-led plan does neither.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/action_plan.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_action_plan {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 14001;
constexpr std::uint32_t n = 20'000;

/// n claimants who all attended a meeting this week, with no plan yet.
World attended_world(const Scenario& scenario) {
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::start_claim(world, i, 10);
        world.persons.meeting_this_week[i] = MeetingOutcome::attended;
        world.persons.confidence[i] = 0.4f;
        world.persons.alliance[i] = 0.5f;
    }
    return world;
}

}  // namespace

TEST_CASE("action_plan: co-produced and strengths plans raise confidence, alliance and effort",
          "[mechanism][action_plan]") {
    Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms(3, scenario.regime);
    arms[0].action_plan.plan_type = m::PlanType::compliance;
    arms[1].action_plan.plan_type = m::PlanType::co_produced;
    arms[2].action_plan.plan_type = m::PlanType::strengths;
    World world = attended_world(scenario);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 3);
    }
    const auto events = testing::run_step(&m::action_plan, scenario, world, 0, seed, 1, arms);

    std::vector<double> agreed(3, 0.0);
    std::vector<double> persons(3, 0.0);
    for (std::uint32_t i = 0; i < n; ++i) {
        persons[i % 3] += 1.0;
    }
    for (const Event& e : testing::events_of(events, EventKind::plan_agreed)) {
        const auto i = index(e.person);
        const auto arm = i % 3;
        const m::PlanEffects effects =
            m::plan_effects(arms[arm].action_plan, arms[arm].action_plan.plan_type);
        INFO("person " << i);
        agreed[arm] += 1.0;
        CHECK(static_cast<m::PlanType>(e.detail) == arms[arm].action_plan.plan_type);
        CHECK(world.persons.plan[i] == e.detail);
        CHECK(world.persons.confidence[i] == Approx(0.4 + effects.confidence_gain));
        CHECK(world.persons.alliance[i] == Approx(0.5 + effects.alliance_gain));
        CHECK(world.persons.meeting_boost[i] == Approx(effects.follow_through));
    }
    const double p = scenario.regime.action_plan.agree_probability;
    for (std::size_t arm = 0; arm < 3; ++arm) {
        CHECK(agreed[arm] / persons[arm] == Approx(p).margin(mc_tolerance(p, persons[arm])));
    }
    // Compliance-led plans move nothing; strengths-based ones move most.
    const auto& params = scenario.regime.action_plan;
    CHECK(m::plan_effects(params, m::PlanType::compliance).follow_through == 0.0);
    CHECK(params.strengths_confidence_gain > params.co_produced_confidence_gain);
    CHECK(params.co_produced_follow_through > 0.0);

    // A later meeting reviews the plan: the follow-through is added again, no new plan is made.
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.meeting_boost[i] = 0.0f;
    }
    const World before = world;
    const auto review = testing::run_step(&m::action_plan, scenario, world, 2, seed, 1, arms);
    // Only those still without a plan may agree one, each with the same chance.
    const double rest = n - agreed[0] - agreed[1] - agreed[2];
    CHECK(static_cast<double>(review.size()) / rest == Approx(p).margin(mc_tolerance(p, rest)));
    for (const Event& e : review) {
        CHECK(before.persons.plan[index(e.person)] == 0);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        if (before.persons.plan[i] != 0) {
            const auto arm = i % 3;
            CHECK(world.persons.meeting_boost[i] ==
                  Approx(m::plan_effects(arms[arm].action_plan, arms[arm].action_plan.plan_type)
                             .follow_through));
            CHECK(world.persons.confidence[i] == before.persons.confidence[i]);
        }
    }
}

TEST_CASE("action_plan: the plan ends with the claim; missed meetings make no plan",
          "[mechanism][action_plan]") {
    Scenario scenario = testing::small_scenario(1000, 1);
    World world = testing::tiny_world(scenario, 1000);
    for (std::uint32_t i = 0; i < 1000; ++i) {
        world.persons.plan[i] = static_cast<std::uint8_t>(m::PlanType::co_produced);
        if (i % 2 == 0) {
            testing::start_claim(world, i, 10);
            world.persons.plan[i] = 0;
            world.persons.meeting_this_week[i] = MeetingOutcome::missed;
        }
    }
    const auto events = testing::run_step(&m::action_plan, scenario, world, 0, seed);
    CHECK(events.empty());
    for (std::uint32_t i = 0; i < 1000; ++i) {
        CHECK(world.persons.plan[i] == 0);
        CHECK(world.persons.meeting_boost[i] == 0.0f);
    }
}

TEST_CASE("action_plan: switched off, nothing changes", "[mechanism][action_plan]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.action_plan.plan_type = m::PlanType::strengths;
    const auto prepared = testing::prepared_world(scenario, "action_plan", 6, seed);
    Scenario off = scenario;
    off.regime.action_plan.enabled = false;
    testing::check_switched_off_changes_nothing(&m::action_plan, scenario, off, prepared.world,
                                                prepared.week, seed, EventKind::plan_agreed);
}

TEST_CASE("action_plan: the same key gives the same result, at any thread count",
          "[mechanism][action_plan]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.action_plan.plan_type = m::PlanType::co_produced;
    const auto prepared = testing::prepared_world(scenario, "action_plan", 6, seed);
    const auto reference =
        testing::outcome_of(&m::action_plan, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::plan_agreed) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::action_plan, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_action_plan
