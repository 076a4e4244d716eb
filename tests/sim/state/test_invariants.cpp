#include <catch2/catch.hpp>

#include "sim/core/error.hpp"
#include "sim/state/invariants.hpp"
#include "tests/support/simulate.hpp"

namespace test_invariants {

using namespace jobsim;

TEST_CASE("invariants: every week of a two-year run keeps the world consistent",
          "[state][system]") {
    Scenario scenario = testing::small_scenario(10000, 4);
    std::uint32_t checked = 0;
    const auto simulated = testing::simulate(scenario, 21, 104, 2, [&](Week, World& world) {
        REQUIRE_NOTHROW(check_invariants(world));
        ++checked;
    });
    REQUIRE_NOTHROW(check_invariants(simulated.world));
    CHECK(checked == 104);
}

TEST_CASE("invariants: a broken link is reported with the entity it concerns", "[state]") {
    const Scenario scenario = testing::small_scenario(2000, 2);
    const World good = testing::simulate(scenario, 3, 4).world;
    REQUIRE_NOTHROW(check_invariants(good));

    std::uint32_t worker = 0;
    while (good.persons.status[worker] != LabourStatus::employed) {
        ++worker;
    }
    World headcount_off = good;
    ++headcount_off.employers.headcount[index(good.persons.employer[worker])];
    CHECK_THROWS_WITH(check_invariants(headcount_off), Catch::Contains("employees but"));

    World no_employer = good;
    no_employer.persons.employer[worker] = none<EmployerId>;
    CHECK_THROWS_AS(check_invariants(no_employer), RunError);

    World stuck_sanction = good;
    stuck_sanction.persons.status[worker] = LabourStatus::employed;
    stuck_sanction.persons.claim[worker] = ClaimState::sanctioned;
    stuck_sanction.persons.coach[worker] = static_cast<CoachId>(0);
    stuck_sanction.persons.sanction_weeks_left[worker] = 0;
    CHECK_THROWS_WITH(check_invariants(stuck_sanction), Catch::Contains("sanctioned"));
}

}  // namespace test_invariants
