// The loader's limits and late checks (issue 6): oversized text, a flood of problems, --set on an
// arm the file does not have, and a caller's check (memory) located like the loader's own.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario_test_support.hpp"

namespace test_load_limits {

using Catch::Matchers::Contains;
using namespace jobsim::scenario;
using namespace jobsim::scenario::testing;

TEST_CASE("load limits: text over max_scenario_bytes is refused before parsing",
          "[scenario][limits]") {
    std::string yaml = minimal_yaml;
    yaml.append(max_scenario_bytes, '#');
    const jobsim::ScenarioProblem problem = only_problem(yaml);
    CHECK(problem.line == 1);
    CHECK_THAT(problem.message, Contains("expected at most 1048576 bytes"));
}

TEST_CASE("load limits: thousands of problems are cut to 50 and a count of the rest",
          "[scenario][limits]") {
    std::string yaml = minimal_yaml;
    for (int i = 0; i < 500; ++i) {
        yaml += "unknown_" + std::to_string(i) + ": 1\n";
    }
    const std::vector<jobsim::ScenarioProblem> problems = problems_of(yaml);
    REQUIRE(problems.size() == 51);
    CHECK(problems.front().line == 4);
    CHECK_THAT(problems.back().message, Contains("and 450 more problems not shown"));
}

TEST_CASE("load limits: --set on an arm the file does not have is refused, not a new arm",
          "[scenario][limits]") {
    const std::string yaml =
        minimal_yaml + "arms:\n  no_conditionality:\n    conditionality: {enabled: false}\n";
    const std::vector<Override> overrides{
        parse_override("arms.no_conditionalty.coach_meeting.interval_weeks=4")};
    const jobsim::ScenarioProblem problem = only_problem(yaml, overrides);
    CHECK(problem.key_path == "arms.no_conditionalty");
    CHECK_THAT(problem.message, Contains("did you mean 'no_conditionality'?"));
    CHECK_THAT(problem.file, Contains("--set arms.no_conditionalty"));

    const std::vector<Override> existing{
        parse_override("arms.no_conditionality.coach_meeting.interval_weeks=4")};
    CHECK(
        load_scenario_text(yaml, "test.yaml", existing).arms.front().coach_meeting.interval_weeks ==
        4);
}

TEST_CASE("load limits: a caller's check is located at the key in the file or at the --set",
          "[scenario][limits]") {
    const ScenarioCheck check = [](const jobsim::Scenario& scenario) {
        std::vector<jobsim::ConsistencyProblem> problems;
        if (scenario.population.persons > 5000) {
            problems.push_back({"population.persons", "too many for this test"});
        }
        return problems;
    };
    CHECK_NOTHROW(load_scenario_text(minimal_yaml, "test.yaml", {}, check));
    try {
        (void)load_scenario_text("weeks: 10\npopulation:\n  persons: 9000\n", "test.yaml", {},
                                 check);
        FAIL("the check's problem was not raised");
    } catch (const jobsim::ScenarioError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems().front().line == 3);
        CHECK(error.problems().front().key_path == "population.persons");
    }
    const std::vector<Override> overrides{parse_override("population.persons=9000")};
    try {
        (void)load_scenario_text(minimal_yaml, "test.yaml", overrides, check);
        FAIL("the check's problem was not raised");
    } catch (const jobsim::ScenarioError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems().front().file == "--set population.persons=9000");
    }
}

}  // namespace test_load_limits
