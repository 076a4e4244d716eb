// wellbeing: losing a job lowers life satisfaction by more than starting one raises it; out of
// work it does not recover, in work it drifts to the set point; a few hours of work count as
// work; loneliness and debt weigh on it; confidence falls in long spells and rises in work.
#include <cstdint>

#include <catch2/catch.hpp>

#include "sim/mechanisms/wellbeing.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_wellbeing {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;

constexpr std::uint64_t seed = 18201;

}  // namespace

TEST_CASE("wellbeing: job loss lowers wellbeing more than job entry raises it",
          "[mechanism][wellbeing]") {
    const Scenario scenario = testing::small_scenario(4, 1);
    const auto& params = scenario.labour_market.wellbeing;
    World world = testing::tiny_world(scenario, 4);
    Persons& p = world.persons;
    // 0: lost a job this week (spell 0); 1: started a job this week (tenure 0); 2, 3: neither.
    p.wellbeing[0] = 7.0f;
    p.spell_weeks[0] = 0;
    testing::employ(world, 1, 0, 12.0f);
    p.wellbeing[1] = 7.0f;
    p.spell_weeks[2] = 30;
    p.wellbeing[2] = 7.0f;
    testing::employ(world, 3, 0, 12.0f);
    p.tenure_weeks[3] = 30;
    p.wellbeing[3] = 7.0f;
    (void)testing::run_step(&m::wellbeing, scenario, world, 0, seed);
    const double loss = 7.0 - p.wellbeing[0];
    const double gain = p.wellbeing[1] - 7.0;
    CHECK(loss > gain);
    CHECK(gain > 0.0);
    // 7 - loss_drop is below the out-of-work set point, so nothing pulls it back up.
    CHECK(loss == Approx(params.loss_drop).epsilon(1e-6));
    CHECK(p.wellbeing[1] > p.wellbeing[3]);  // the entry gain on top of the drift
    CHECK(p.wellbeing[0] < p.wellbeing[2]);
}

TEST_CASE("wellbeing: no adaptation out of work, recovery in work, even at a few hours",
          "[mechanism][wellbeing]") {
    const Scenario scenario = testing::small_scenario(3, 1);
    const auto& params = scenario.labour_market.wellbeing;
    World world = testing::tiny_world(scenario, 3);
    Persons& p = world.persons;
    p.spell_weeks[0] = 10;
    testing::employ(world, 1, 0, 12.0f, 37);
    testing::employ(world, 2, 0, 12.0f, 4);  // a few hours a week (W1)
    for (std::uint32_t i = 0; i < 3; ++i) {
        p.wellbeing[i] = 5.0f;
        p.tenure_weeks[i] = 10;
    }
    for (Week week = 0; week < 52; ++week) {
        (void)testing::run_step(&m::wellbeing, scenario, world, week, seed);
    }
    CHECK(p.wellbeing[0] == 5.0f);  // below the out-of-work set point: no recovery
    CHECK(p.wellbeing[1] > 6.0f);
    CHECK(p.wellbeing[2] == p.wellbeing[1]);
    CHECK(p.wellbeing[1] < params.set_point_in_work);
    CHECK(m::next_wellbeing(params, 5.0, false, false, false, 0.0, 0.0) == 5.0);
}

TEST_CASE("wellbeing: loneliness and debt lower it", "[mechanism][wellbeing]") {
    const auto& params = testing::small_scenario(1, 1).labour_market.wellbeing;
    const double free = m::next_wellbeing(params, 7.5, true, false, false, 0.0, 0.0);
    const double lonely = m::next_wellbeing(params, 7.5, true, false, false, 0.8, 0.0);
    const double indebted = m::next_wellbeing(params, 7.5, true, false, false, 0.0, 2000.0);
    CHECK(lonely < free);
    CHECK(indebted < free);
    CHECK(m::next_wellbeing(params, 7.0, false, false, false, 0.8, 2000.0) < 7.0);
}

TEST_CASE("wellbeing: confidence falls in long spells and rises in work",
          "[mechanism][wellbeing]") {
    const Scenario scenario = testing::small_scenario(3, 1);
    const auto& params = scenario.labour_market.wellbeing;
    World world = testing::tiny_world(scenario, 3);
    Persons& p = world.persons;
    p.spell_weeks[0] = static_cast<std::uint16_t>(params.confidence_grace_weeks + 5);
    p.spell_weeks[1] = 1;
    testing::employ(world, 2, 0, 12.0f);
    p.tenure_weeks[2] = 40;
    for (std::uint32_t i = 0; i < 3; ++i) {
        p.confidence[i] = 0.5f;
    }
    (void)testing::run_step(&m::wellbeing, scenario, world, 0, seed);
    CHECK(p.confidence[0] ==
          Approx(0.5 * (1.0 - params.confidence_weekly_loss_out_of_work)).epsilon(1e-6));
    CHECK(p.confidence[1] == 0.5f);
    CHECK(p.confidence[2] ==
          Approx(0.5 + params.confidence_weekly_gain_in_work * 0.5).epsilon(1e-6));
}

TEST_CASE("wellbeing: switched off, it changes nothing", "[mechanism][wellbeing]") {
    Scenario scenario = testing::small_scenario(1000, 2);
    scenario.labour_market.wellbeing.enabled = false;
    World world = testing::tiny_world(scenario, 1000);
    for (std::uint32_t i = 0; i < 1000; i += 2) {
        testing::employ(world, i, 0, 12.0f);
    }
    const auto before = testing::snapshot(world);
    const auto events = testing::run_step(&m::wellbeing, scenario, world, 0, seed);
    CHECK(events.empty());
    CHECK(testing::changed_columns(before, testing::snapshot(world)) == "");
}

TEST_CASE("wellbeing: same outcome at 1 and 4 threads", "[mechanism][wellbeing]") {
    const Scenario scenario = testing::small_scenario(20'000, 4);
    const auto prepared = testing::prepared_world(scenario, "wellbeing", 4, seed);
    const auto one =
        testing::outcome_of(&m::wellbeing, scenario, prepared.world, prepared.week, seed, 1);
    const auto four =
        testing::outcome_of(&m::wellbeing, scenario, prepared.world, prepared.week, seed, 4);
    CHECK(testing::outcome_differences(one, four) == "");
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), one.state) != "");
}

}  // namespace test_wellbeing
