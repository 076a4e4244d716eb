// personal_budget: a budget spent at meetings on menu items that arrive after a delay and remove a
// barrier (or add work kit or skill). Joint control buys what is needed; a coach buys from the
// barriers disclosed plus a noisy guess, so low disclosure means more wrong items (which lower
// trust). Removing barriers raises the employer's assessment and so hiring.
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/mechanisms/employer_choice.hpp"
#include "sim/mechanisms/personal_budget.hpp"
#include "tests/support/mechanism_fixture.hpp"
#include "tests/support/support_fixture.hpp"

namespace test_personal_budget {

namespace {

using namespace jobsim;
namespace m = jobsim::mechanisms;
using testing::attend_all;
using testing::claimants_with;
using testing::mc_tolerance;

constexpr std::uint64_t seed = 14101;

}  // namespace

TEST_CASE("personal_budget: childcare removes the caring barrier and raises hiring",
          "[mechanism][personal_budget]") {
    constexpr std::uint32_t n = 20'000;
    Scenario scenario = testing::small_scenario(n, 4);
    std::vector<Regime> arms(2, scenario.regime);
    arms[0].personal_budget.enabled = true;
    arms[0].personal_budget.control = m::BudgetControl::joint;
    World world = claimants_with(scenario, n, barrier_caring);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.arm[i] = static_cast<std::uint8_t>(i % 2);
    }
    const std::uint32_t delay = arms[0].personal_budget.childcare.delay_weeks;
    std::size_t bought = 0;
    for (Week week = 0; week <= delay; ++week) {
        attend_all(world);
        const auto events =
            testing::run_step(&m::personal_budget, scenario, world, week, seed, 1, arms);
        for (const Event& e : testing::events_of(events, EventKind::budget_item)) {
            ++bought;
            CHECK(index(e.person) % 2 == 0);
            CHECK(static_cast<m::BudgetItem>(e.detail) == m::BudgetItem::childcare);
            CHECK(e.other == 1u);
        }
        for (const Event& e : testing::events_of(events, EventKind::public_cost)) {
            CHECK(static_cast<CostItem>(e.detail) == CostItem::personal_budget);
            CHECK(e.value == Approx(arms[0].personal_budget.childcare.price_gbp));
        }
    }
    CHECK(bought == n / 2);
    for (std::uint32_t i = 0; i < n; ++i) {
        INFO("person " << i);
        CHECK(world.persons.barriers[i] == (i % 2 == 0 ? 0 : barrier_caring));
    }

    // Everyone applies to a vacancy of their own: hiring follows the employer's assessment.
    testing::apply_to_own_vacancies(world);
    const auto hires =
        testing::run_step(&m::employer_choice, scenario, world, delay + 1, seed, 1, arms);
    std::vector<double> hired(2, 0.0);
    for (const Event& e : testing::events_of(hires, EventKind::hire)) {
        hired[index(e.person) % 2] += 1.0;
    }
    const auto& choice = scenario.labour_market.employer_choice;
    const double no_barrier = testing::hire_chance(choice, m::assessment(choice, 1.0, 0, 0));
    const double with_barrier =
        testing::hire_chance(choice, m::assessment(choice, 1.0, 0, barrier_caring));
    CHECK(hired[0] / (n / 2) == Approx(no_barrier).margin(mc_tolerance(no_barrier, n / 2)));
    CHECK(hired[1] / (n / 2) == Approx(with_barrier).margin(mc_tolerance(with_barrier, n / 2)));
    CHECK(hired[0] > hired[1]);
}

TEST_CASE("personal_budget: a coach who knows fewer barriers buys more wrong items",
          "[mechanism][personal_budget]") {
    constexpr std::uint32_t n = 40'000;
    Scenario scenario = testing::small_scenario(n, 4);
    auto& params = scenario.regime.personal_budget;
    params.enabled = true;
    params.control = m::BudgetControl::coach;
    World world = claimants_with(scenario, n, barrier_caring);
    for (std::uint32_t i = 0; i < n; i += 2) {
        world.persons.barriers_disclosed[i] = barrier_caring;  // even: disclosed
    }
    attend_all(world);
    const auto events = testing::run_step(&m::personal_budget, scenario, world, 0, seed);
    std::vector<double> wrong(2, 0.0);
    for (const Event& e : testing::events_of(events, EventKind::budget_item)) {
        const auto i = index(e.person);
        const auto item = static_cast<m::BudgetItem>(e.detail);
        const bool is_wrong = m::barrier_removed_by(item) != 0 && e.other == 0;
        INFO("person " << i);
        CHECK(is_wrong ==
              (item == m::BudgetItem::esol_course || item == m::BudgetItem::confidence_course));
        if (is_wrong) {
            wrong[i % 2] += 1.0;
            CHECK(world.persons.trust[i] == Approx(0.5 - params.wrong_item_trust_loss));
        } else {
            CHECK(world.persons.trust[i] == 0.5f);
        }
    }
    // The guess is one of three remediable barriers, two of them wrong; a disclosed barrier is
    // chosen half the time next to a wrong guess.
    const double guess = params.coach_misjudge_probability;
    const double undisclosed = guess * 2.0 / 3.0;
    const double disclosed = guess * 2.0 / 3.0 / 2.0;
    CHECK(wrong[1] / (n / 2) == Approx(undisclosed).margin(mc_tolerance(undisclosed, n / 2)));
    CHECK(wrong[0] / (n / 2) == Approx(disclosed).margin(mc_tolerance(disclosed, n / 2)));
    CHECK(wrong[1] > wrong[0]);

    // Jointly controlled, the budget buys only what is needed.
    params.control = m::BudgetControl::joint;
    World joint = claimants_with(scenario, n, barrier_caring);
    attend_all(joint);
    for (const Event& e :
         testing::events_of(testing::run_step(&m::personal_budget, scenario, joint, 0, seed),
                            EventKind::budget_item)) {
        CHECK(e.other == 1u);
    }
}

TEST_CASE("personal_budget: spending stops at the budget, which lapses with the claim",
          "[mechanism][personal_budget]") {
    constexpr std::uint32_t n = 2000;
    Scenario scenario = testing::small_scenario(n, 1);
    auto& params = scenario.regime.personal_budget;
    params.enabled = true;
    params.control = m::BudgetControl::person;
    const auto all = static_cast<std::uint8_t>(barrier_caring | barrier_basic_skills |
                                               barrier_confidence | barrier_health);
    World world = claimants_with(scenario, n, all);
    std::vector<double> spent(n, 0.0);
    for (Week week = 0; week < 40; ++week) {
        attend_all(world);
        for (const Event& e :
             testing::events_of(testing::run_step(&m::personal_budget, scenario, world, week, seed),
                                EventKind::public_cost)) {
            spent[index(e.person)] += e.value;
        }
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        INFO("person " << i);
        CHECK(spent[i] > 0.0);
        CHECK(spent[i] + world.persons.budget_left_gbp[i] == Approx(params.budget_gbp));
        CHECK((world.persons.barriers[i] & barrier_health) != 0);  // no budget item for health
    }
    // The claim ends: what is left lapses.
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.claim[i] = ClaimState::none;
        world.persons.coach[i] = none<CoachId>;
    }
    (void)testing::run_step(&m::personal_budget, scenario, world, 40, seed);
    for (std::uint32_t i = 0; i < n; ++i) {
        CHECK(world.persons.budget_left_gbp[i] == 0);
    }
}

TEST_CASE("personal_budget: only the most co-operative get one when eligibility says so",
          "[mechanism][personal_budget]") {
    constexpr std::uint32_t n = 1000;
    Scenario scenario = testing::small_scenario(n, 1);
    auto& params = scenario.regime.personal_budget;
    params.enabled = true;
    params.eligibility = m::BudgetEligibility::most_cooperative;
    World world = claimants_with(scenario, n, barrier_caring);
    for (std::uint32_t i = 0; i < n; ++i) {
        world.persons.alliance[i] = i % 2 == 0 ? 0.9f : 0.3f;
    }
    attend_all(world);
    const auto events = testing::run_step(&m::personal_budget, scenario, world, 0, seed);
    CHECK(testing::count_events(events, EventKind::budget_item) == n / 2);
    for (const Event& e : events) {
        CHECK(index(e.person) % 2 == 0);
    }
}

TEST_CASE("personal_budget: switched off, nothing changes", "[mechanism][personal_budget]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.personal_budget.enabled = true;
    const auto prepared = testing::prepared_world(scenario, "personal_budget", 8, seed);
    Scenario off = scenario;
    off.regime.personal_budget.enabled = false;
    testing::check_switched_off_changes_nothing(&m::personal_budget, scenario, off, prepared.world,
                                                prepared.week, seed, EventKind::budget_item);
}

TEST_CASE("personal_budget: the same key gives the same result, at any thread count",
          "[mechanism][personal_budget]") {
    Scenario scenario = testing::small_scenario(20'000);
    scenario.regime.personal_budget.enabled = true;
    scenario.regime.personal_budget.control = m::BudgetControl::coach;
    const auto prepared = testing::prepared_world(scenario, "personal_budget", 8, seed);
    const auto reference =
        testing::outcome_of(&m::personal_budget, scenario, prepared.world, prepared.week, seed, 1);
    REQUIRE(testing::count_events(reference.events, EventKind::budget_item) > 0);
    const int threads = GENERATE(1, 2, 4);
    INFO("threads " << threads);
    testing::check_same_key_same_outcome(reference, &m::personal_budget, scenario, prepared.world,
                                         prepared.week, seed, threads);
}

}  // namespace test_personal_budget
