#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "sim/scenario/scenario.hpp"
#include "sim/schedule/scheduler.hpp"
#include "sim/schedule/week_context.hpp"
#include "sim/schedule/week_plan.hpp"

namespace test_week_plan {

using namespace jobsim;

TEST_CASE("week_plan: phases run in week order and names are unique", "[schedule]") {
    const auto plan = week_plan();
    REQUIRE(!plan.empty());
    std::set<std::string_view> names;
    for (std::size_t k = 0; k < plan.size(); ++k) {
        CHECK(names.insert(plan[k].name).second);
        CHECK(plan[k].run != nullptr);
        if (k > 0) {
            CHECK(plan[k - 1].phase <= plan[k].phase);
        }
    }
}

TEST_CASE("week_plan: every mechanism of issue 2 is scheduled", "[schedule]") {
    std::set<std::string> names;
    for (const auto& step : week_plan()) {
        names.insert(std::string(step.name));
    }
    for (const char* mechanism :
         {"vacancy_flow", "job_separation", "benefit_claim", "coach_meeting", "conditionality",
          "labour_force_participation", "job_search", "employer_choice", "wage_progression"}) {
        CHECK(names.count(mechanism) == 1);
    }
}

TEST_CASE("week_context: person streams are the same with or without the week's shared keys",
          "[schedule]") {
    // run_week hands mechanisms the person-week prefixes; a context without them (a mechanism
    // test) or a person past their end (an entry this week) hashes the full key instead.
    const Scenario scenario;
    const std::vector<Regime> arms{scenario.regime};
    const auto key = rng::ReplicationKey::make(5, 2);
    const WeekContext plain{scenario, arms, key, 11};
    const std::vector<rng::EntityWeekKey> keys = person_week_keys(key, 11, 1000);
    WeekContext keyed = plain;
    keyed.person_keys = keys;
    for (const std::uint32_t person : {0u, 1u, 500u, 999u, 1000u, 5000u}) {
        auto from_plain = plain.person_stream(person, rng::Purpose::wage_progression);
        auto from_keys = keyed.person_stream(person, rng::Purpose::wage_progression);
        for (int k = 0; k < 5; ++k) {
            REQUIRE(from_plain() == from_keys());
        }
    }
}

TEST_CASE("week_context: any_arm_enables sees a lever switched on in any arm", "[schedule]") {
    // Mechanisms skip their whole pass on false, so a lever on in a later arm must count.
    const Scenario scenario;
    std::vector<Regime> arms{scenario.regime, scenario.regime};
    arms[0].personal_budget.enabled = false;
    arms[1].personal_budget.enabled = false;
    const WeekContext context{scenario, arms, rng::ReplicationKey::make(1, 0), 0};
    CHECK_FALSE(context.any_arm_enables(&Regime::personal_budget));
    arms[1].personal_budget.enabled = true;
    CHECK(context.any_arm_enables(&Regime::personal_budget));
    arms[0].personal_budget.enabled = true;
    arms[1].personal_budget.enabled = false;
    CHECK(context.any_arm_enables(&Regime::personal_budget));
    const std::vector<Regime> none;
    const WeekContext empty{scenario, none, rng::ReplicationKey::make(1, 0), 0};
    CHECK_FALSE(empty.any_arm_enables(&Regime::personal_budget));
}

}  // namespace test_week_plan
