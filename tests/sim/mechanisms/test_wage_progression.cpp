// wage_progression: people in work get occasional pay reviews with an exponentially distributed
// raise (plus a bonus if low paid), and the low-pay flag follows the new wage.
#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>

#include "sim/mechanisms/wage_progression.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_wage_progression {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::mc_tolerance;
using testing::mc_tolerance_of_mean;

constexpr std::uint64_t seed = 7601;

/// Everyone employed at `wage` GBP/h.
World employed_world(const Scenario& scenario, std::uint32_t persons, float wage) {
    World world = testing::tiny_world(scenario, persons);
    for (std::uint32_t i = 0; i < persons; ++i) {
        testing::employ(world, i, i % world.employers.size(), wage);
        world.persons.tenure_weeks[i] = 30;
    }
    return world;
}

}  // namespace

TEST_CASE("wage_progression: reviews come at the weekly rate and raise pay by the mean raise",
          "[mechanism][wage_progression]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.wage_progression;
    constexpr std::uint32_t n = 200'000;
    World world = employed_world(scenario, n, 15.0f);
    const auto events = testing::run_step(&m::wage_progression, scenario, world, 0, seed);
    CHECK(events.empty());

    double reviewed = 0.0;
    double raise_sum = 0.0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const float wage = world.persons.wage_per_hour[i];
        CHECK(wage >= 15.0f);  // pay never falls
        if (wage != 15.0f) {
            reviewed += 1.0;
            raise_sum += wage / 15.0 - 1.0;
        }
    }
    const double p = params.weekly_review_probability;
    CHECK(reviewed / n == Approx(p).margin(mc_tolerance(p, n)));
    // An exponential raise has standard deviation equal to its mean.
    const double mean = params.mean_raise;
    CHECK(raise_sum / reviewed == Approx(mean).margin(mc_tolerance_of_mean(mean * mean, reviewed)));
}

TEST_CASE("wage_progression: reviews raise pay and can lift people out of low pay",
          "[mechanism][wage_progression]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.wage_progression;
    params.weekly_review_probability = 0.5;  // many reviews in one call
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    // Everyone is low paid, just under the line: 0.1% below it.
    const float threshold = world.low_pay_threshold_per_hour;
    const float wage = threshold * 0.999f;
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::employ(world, i, i % world.employers.size(), wage);
    }
    REQUIRE(world.persons.low_paid[0] == 1);
    (void)testing::run_step(&m::wage_progression, scenario, world, 0, seed);

    double reviewed = 0.0;
    double lifted = 0.0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const Persons& p = world.persons;
        INFO("person " << i);
        CHECK((p.low_paid[i] != 0) == (p.wage_per_hour[i] < threshold));  // the flag follows pay
        if (p.wage_per_hour[i] != wage) {
            reviewed += 1.0;
            lifted += p.low_paid[i] == 0;
        }
    }
    CHECK(reviewed / n == Approx(0.5).margin(mc_tolerance(0.5, n)));
    // A review lifts a person if the raise exceeds the gap: P(Exp(mean) > gap) = exp(-gap / mean).
    const double gap = static_cast<double>(threshold) / static_cast<double>(wage) - 1.0;
    const double p_lift = std::exp(-gap / params.mean_raise);
    CHECK(lifted / reviewed == Approx(p_lift).margin(mc_tolerance(p_lift, reviewed)));
    CHECK(lifted > 0.0);
}

TEST_CASE("wage_progression: the low-pay bonus raises low pay faster",
          "[mechanism][wage_progression]") {
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.wage_progression;
    params.weekly_review_probability = 0.5;
    params.low_paid_raise_bonus = 0.05;
    constexpr std::uint32_t n = 100'000;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; ++i) {
        testing::employ(world, i, 0, i % 2 == 0 ? 6.0f : 15.0f);  // even persons low paid
    }
    (void)testing::run_step(&m::wage_progression, scenario, world, 0, seed);

    std::array<double, 2> reviewed{};
    std::array<double, 2> raise_sum{};
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::size_t low = i % 2 == 0 ? 1 : 0;
        const double start = low != 0 ? 6.0 : 15.0;
        const double raise = world.persons.wage_per_hour[i] / start - 1.0;
        if (raise > 0.0) {
            reviewed[low] += 1.0;
            raise_sum[low] += raise;
        }
    }
    const double mean = params.mean_raise;
    const double paid_mean = raise_sum[0] / reviewed[0];
    const double low_mean = raise_sum[1] / reviewed[1];
    CHECK(paid_mean == Approx(mean).margin(mc_tolerance_of_mean(mean * mean, reviewed[0])));
    CHECK(low_mean == Approx(mean + params.low_paid_raise_bonus)
                          .margin(mc_tolerance_of_mean(mean * mean, reviewed[1])));
    CHECK(low_mean > paid_mean);
}

TEST_CASE("wage_progression: the low-pay bonus applies even when the mean raise is zero",
          "[mechanism][wage_progression]") {
    // The bonus is documented as a lever of its own ("extra raise for low-paid workers"), but the
    // mechanism returns early when mean_raise is 0, so the bonus is silently ignored.
    Scenario scenario = testing::small_scenario();
    auto& params = scenario.labour_market.wage_progression;
    params.weekly_review_probability = 1.0;
    params.mean_raise = 0.0;
    params.low_paid_raise_bonus = 0.05;
    World world = testing::tiny_world(scenario, 10);
    for (std::uint32_t i = 0; i < 10; ++i) {
        testing::employ(world, i, 0, 6.0f);
    }
    (void)testing::run_step(&m::wage_progression, scenario, world, 0, seed);
    std::size_t raised_by_bonus = 0;
    for (std::uint32_t i = 0; i < 10; ++i) {
        raised_by_bonus += world.persons.wage_per_hour[i] == Approx(6.0 * 1.05);
    }
    CHECK(raised_by_bonus == 10);
}

TEST_CASE("wage_progression: people out of work keep their last wage",
          "[mechanism][wage_progression]") {
    Scenario scenario = testing::small_scenario();
    scenario.labour_market.wage_progression.weekly_review_probability = 1.0;
    World world = testing::tiny_world(scenario, 2000);
    for (std::uint32_t i = 0; i < 2000; i += 2) {
        world.persons.status[i] = LabourStatus::inactive;
    }
    const World before = world;
    (void)testing::run_step(&m::wage_progression, scenario, world, 0, seed);
    CHECK(testing::changed_columns(testing::snapshot(before), testing::snapshot(world)) == "");
}

TEST_CASE("wage_progression: switched off, pay stays as hired", "[mechanism][wage_progression]") {
    Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "wage_progression", 6, seed);
    const auto before = testing::snapshot(prepared.world);
    const auto on =
        testing::outcome_of(&m::wage_progression, scenario, prepared.world, prepared.week, seed);
    // Switched on, pay (and perhaps the low-pay flag) moves and nothing else.
    const std::string changed = testing::changed_columns(before, on.state);
    CHECK((changed == "persons.wage_per_hour" ||
           changed == "persons.wage_per_hour persons.low_paid"));

    scenario.labour_market.wage_progression.enabled = false;
    const auto off =
        testing::outcome_of(&m::wage_progression, scenario, prepared.world, prepared.week, seed);
    CHECK(off.events.empty());
    CHECK(testing::changed_columns(before, off.state) == "");
}

TEST_CASE("wage_progression: the same key gives the same result, at any thread count",
          "[mechanism][wage_progression]") {
    const Scenario scenario = testing::small_scenario(20'000);
    const auto prepared = testing::prepared_world(scenario, "wage_progression", 6, seed);
    const auto reference =
        testing::outcome_of(&m::wage_progression, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::changed_columns(testing::snapshot(prepared.world), reference.state) != "");

    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::wage_progression, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_wage_progression
