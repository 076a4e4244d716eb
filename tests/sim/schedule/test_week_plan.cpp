#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "sim/schedule/week_plan.hpp"

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
