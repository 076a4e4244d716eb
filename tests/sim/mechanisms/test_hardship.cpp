// hardship: weeks without benefit (a payment delay on a new claim, a sanction) build debt, new
// debt lowers wellbeing, debt lowers search, and debt is repaid slowly in work.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/hardship.hpp"
#include "sim/mechanisms/job_search.hpp"
#include "tests/support/mechanism_fixture.hpp"

namespace test_hardship {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;

constexpr std::uint64_t seed = 12211;

/// Total debt of everyone after `weeks` weekly hardship steps on new claimants.
double debt_after_new_claims(const Scenario& scenario, std::uint32_t weeks) {
    World world = testing::tiny_world(scenario, 10);
    for (std::uint32_t i = 0; i < 10; ++i) {
        testing::start_claim(world, i, 0);
    }
    for (Week week = 0; week < weeks; ++week) {
        (void)testing::run_step(&m::hardship, scenario, world, week, seed);
        for (std::uint32_t i = 0; i < 10; ++i) {
            ++world.persons.claim_weeks[i];  // what durations does at the week's end
        }
    }
    double total = 0.0;
    for (const float debt : world.persons.debt_gbp) {
        total += debt;
    }
    return total;
}

}  // namespace

TEST_CASE("hardship: a longer wait for the first payment leaves more debt",
          "[mechanism][hardship]") {
    Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.hardship;
    auto& claim = scenario.regime.benefit_claim;
    claim.first_payment_delay_weeks = 0;
    CHECK(debt_after_new_claims(scenario, 8) == 0.0);
    claim.first_payment_delay_weeks = 5;
    const double five = debt_after_new_claims(scenario, 8);
    CHECK(five ==
          Approx(10 * 5 * params.weekly_essential_costs_gbp * params.borrowed_share_of_shortfall));
    claim.first_payment_delay_weeks = 7;
    CHECK(debt_after_new_claims(scenario, 8) > five);
}

TEST_CASE("hardship: a sanction builds debt and lowers wellbeing; work repays debt slowly",
          "[mechanism][hardship]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.hardship;
    World world = testing::tiny_world(scenario, 3);
    Persons& p = world.persons;
    for (std::uint32_t i = 0; i < 3; ++i) {
        testing::start_claim(world, i, 30);
        p.wellbeing[i] = 6.0f;
    }
    p.claim[0] = ClaimState::sanctioned;  // no benefit this week
    testing::employ(world, 2, 0, 12.0f);
    p.debt_gbp[2] = 25.0f;
    (void)testing::run_step(&m::hardship, scenario, world, 0, seed);
    const double borrowed = params.weekly_essential_costs_gbp * params.borrowed_share_of_shortfall;
    CHECK(p.debt_gbp[0] == Approx(borrowed));
    CHECK(p.wellbeing[0] == Approx(6.0 - params.wellbeing_loss_per_100_gbp * borrowed / 100.0));
    CHECK(p.debt_gbp[1] == 0.0f);  // paid: benefit covers essential costs
    CHECK(p.wellbeing[1] == 6.0f);
    CHECK(p.debt_gbp[2] == Approx(25.0 - params.in_work_repayment_gbp_per_week));
    for (Week week = 1; week < 4; ++week) {
        (void)testing::run_step(&m::hardship, scenario, world, week, seed);
    }
    CHECK(p.debt_gbp[2] == 0.0f);
}

TEST_CASE("hardship: debt lowers search", "[mechanism][hardship]") {
    const Scenario scenario = testing::small_scenario();
    const auto& params = scenario.labour_market.hardship;
    CHECK(m::debt_search_factor(params, 0.0f) == 1.0);
    CHECK(m::debt_search_factor(params, static_cast<float>(params.debt_for_half_search_loss_gbp)) ==
          Approx(1.0 - params.max_search_loss / 2));
    CHECK(m::debt_search_factor(params, 5000.0f) < m::debt_search_factor(params, 500.0f));

    constexpr std::uint32_t n = 40'000;
    World world = testing::tiny_world(scenario, n);
    for (std::uint32_t i = 0; i < n; i += 2) {
        world.persons.debt_gbp[i] = 2000.0f;
    }
    (void)testing::run_step(&m::job_search, scenario, world, 0, seed);
    double in_debt = 0.0;
    double free = 0.0;
    for (std::uint32_t i = 0; i < n; ++i) {
        (i % 2 == 0 ? in_debt : free) += world.persons.applications[i];
    }
    const double ratio = m::debt_search_factor(params, 2000.0f);
    const double expected = scenario.labour_market.job_search.applications_per_week * (n / 2);
    CHECK(free == Approx(expected).margin(testing::mc_tolerance_of_mean(expected, 1.0)));
    CHECK(in_debt ==
          Approx(expected * ratio).margin(testing::mc_tolerance_of_mean(expected * ratio, 1.0)));
}

TEST_CASE("hardship: switched off, debt and wellbeing do not move", "[mechanism][hardship]") {
    Scenario scenario = testing::small_scenario(8000);
    const auto prepared = testing::prepared_world(scenario, "hardship", 8, seed);
    const auto on =
        testing::outcome_of(&m::hardship, scenario, prepared.world, prepared.week, seed);
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), on.state) != "");

    scenario.labour_market.hardship.enabled = false;
    const auto off =
        testing::outcome_of(&m::hardship, scenario, prepared.world, prepared.week, seed);
    CHECK(off.events.empty());
    CHECK(testing::changed_columns(testing::snapshot(prepared.world), off.state) == "");
    CHECK(m::debt_search_factor(scenario.labour_market.hardship, 2000.0f) == 1.0);
}

TEST_CASE("hardship: the same world gives the same result at any thread count (no draws)",
          "[mechanism][hardship]") {
    const Scenario scenario = testing::small_scenario(8000);
    const auto prepared = testing::prepared_world(scenario, "hardship", 8, seed);
    const auto reference =
        testing::outcome_of(&m::hardship, scenario, prepared.world, prepared.week, seed, 1);
    const auto four =
        testing::outcome_of(&m::hardship, scenario, prepared.world, prepared.week, seed, 4);
    CHECK(testing::outcome_differences(reference, four) == "");
    // No randomness: another seed gives the same result too.
    const auto other =
        testing::outcome_of(&m::hardship, scenario, prepared.world, prepared.week, seed + 1, 4);
    CHECK(testing::outcome_differences(reference, other) == "");
}

}  // namespace test_hardship
