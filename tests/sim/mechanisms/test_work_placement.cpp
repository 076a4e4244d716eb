// work_placement: claimants out of work long enough start paid placements at meetings (a public
// cost); a placement takes search time, adds skill when it ends, and may convert into a job at an
// employer in the home area with an open vacancy (hire channel "placement").
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/support_effects.hpp"
#include "sim/mechanisms/work_placement.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/support_fixture.hpp"

namespace test_work_placement {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::attend_all;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 14301;
constexpr std::uint32_t n = 4000;

struct Run {
    World world;
    std::vector<Event> events;
};

/// Claimants out of work for 30 weeks, all offered a placement; one open vacancy per person in
/// their area; runs the placement through to its end.
Run run_placements(Scenario scenario, double conversion) {
    auto& params = scenario.regime.work_placement;
    params.enabled = true;
    params.offer_probability = 1.0;
    params.conversion_probability = conversion;
    World world = testing::claimants_with(scenario, n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.spell_weeks[i] = 30;
        const std::uint32_t employers_per_area = scenario.labour_market.employers_per_area;
        testing::add_vacancy(world, index(world.persons.area[i]) * employers_per_area, 12.0f);
    }
    testing::index_vacancies(world);
    attend_all(world);
    Run run;
    for (Week week = 0; week <= params.weeks; ++week) {
        auto events = testing::run_step(&m::work_placement, scenario, world, week, seed);
        run.events.insert(run.events.end(), events.begin(), events.end());
        if (week == 0) {
            for (std::uint32_t i = 0; i < n; ++i) {
                CHECK(m::support_effort_factor(scenario.regime, world.persons, i) ==
                      Approx(1.0 - params.search_time_loss));
                world.persons.meeting_this_week[i] = MeetingOutcome::none;
            }
        }
    }
    run.world = std::move(world);
    return run;
}

}  // namespace

TEST_CASE("work_placement: placements cost, add skill and convert into jobs",
          "[mechanism][work_placement]") {
    Scenario scenario = testing::small_scenario(n, 4);
    const auto& params = scenario.regime.work_placement;
    const Run low = run_placements(scenario, 0.3);
    CHECK(testing::count_events(low.events, EventKind::placement_start) == n);
    for (const Event& e : testing::events_of(low.events, EventKind::public_cost)) {
        CHECK(static_cast<CostItem>(e.detail) == CostItem::placement);
        CHECK(e.value == Approx(params.weekly_wage_gbp * params.weeks));
    }
    std::size_t hires = 0;
    for (const Event& e : testing::events_of(low.events, EventKind::hire)) {
        ++hires;
        CHECK(static_cast<HireChannel>(e.detail) == HireChannel::placement);
        CHECK(low.world.persons.status[index(e.person)] == LabourStatus::employed);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        CHECK(low.world.persons.placement_weeks[i] == 0);
        CHECK(low.world.persons.skill[i] == Approx(0.5 + params.skill_gain));
    }
    // Conversions that want a vacancy already taken fail, so hires stay below the conversion
    // share; a higher conversion chance gives more hires.
    CHECK(static_cast<double>(hires) / n < 0.3 + mc_tolerance(0.3, n));
    CHECK(hires > 0);
    const Run high = run_placements(scenario, 0.6);
    CHECK(testing::count_events(high.events, EventKind::hire) > hires);
}

TEST_CASE("work_placement: a job ends the placement; short spells are not offered one",
          "[mechanism][work_placement]") {
    Scenario scenario = testing::small_scenario(100, 1);
    scenario.regime.work_placement.enabled = true;
    scenario.regime.work_placement.offer_probability = 1.0;
    World world = testing::claimants_with(scenario, 100, 0);
    attend_all(world);
    for (std::uint32_t i = 0; i < 100; ++i) {
        world.persons.spell_weeks[i] = 10;  // below min_spell_weeks
        if (i % 2 == 0) {
            world.persons.placement_weeks[i] = 4;
            testing::employ(world, i, 0, 12.0f);
        }
    }
    const auto events = testing::run_step(&m::work_placement, scenario, world, 0, seed);
    CHECK(events.empty());
    for (std::uint32_t i = 0; i < 100; ++i) {
        CHECK(world.persons.placement_weeks[i] == 0);
    }
}

TEST_CASE("work_placement: switched off, nothing changes", "[mechanism][work_placement]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.work_placement.enabled = true;
    scenario.regime.work_placement.min_spell_weeks = 0;
    scenario.regime.work_placement.offer_probability = 0.5;
    const auto prepared = testing::prepared_world(scenario, "work_placement", 6, seed);
    Scenario off = scenario;
    off.regime.work_placement.enabled = false;
    testing::check_switched_off_changes_nothing(&m::work_placement, scenario, off, prepared.world,
                                                prepared.week, seed, EventKind::placement_start);
}

TEST_CASE("work_placement: the same key gives the same result, at any thread count",
          "[mechanism][work_placement]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.work_placement.enabled = true;
    scenario.regime.work_placement.min_spell_weeks = 0;
    scenario.regime.work_placement.offer_probability = 0.5;
    scenario.regime.work_placement.weeks = 2;
    const auto prepared = testing::prepared_world(scenario, "work_placement", 6, seed);
    const auto reference =
        testing::outcome_of(&m::work_placement, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::placement_start) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::work_placement, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_work_placement
