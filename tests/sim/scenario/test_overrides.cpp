// --set key.path=value: overrides are applied to the file's YAML before validation, so they are
// checked like file content, and their problems name the override instead of a line.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/error.hpp"
#include "sim/scenario/load.hpp"
#include "tests/sim/scenario/scenario_test_support.hpp"

namespace test_overrides {

using Catch::Matchers::Contains;
using jobsim::ScenarioError;
using jobsim::ScenarioProblem;
using jobsim::scenario::load_scenario_text;
using jobsim::scenario::Override;
using jobsim::scenario::parse_override;
using jobsim::scenario::testing::minimal_yaml;
using jobsim::scenario::testing::only_problem;
using jobsim::scenario::testing::overrides_of;

namespace {

jobsim::Scenario load_with(const std::string& yaml, std::initializer_list<std::string_view> sets) {
    const std::vector<Override> overrides = overrides_of(sets);
    return load_scenario_text(yaml, "test.yaml", overrides);
}

ScenarioProblem only_problem_with(const std::string& yaml,
                                  std::initializer_list<std::string_view> sets) {
    const std::vector<Override> overrides = overrides_of(sets);
    return only_problem(yaml, overrides);
}

}  // namespace

TEST_CASE("overrides: parse_override splits at the first '='", "[scenario][overrides]") {
    const Override parsed = parse_override("description=a=b");
    CHECK(parsed.key_path == "description");
    CHECK(parsed.value == "a=b");
    CHECK(parsed.origin == "--set description=a=b");
    CHECK(parse_override("weeks=").value.empty());
}

TEST_CASE("overrides: text without '=' or without a key is rejected", "[scenario][overrides]") {
    for (const std::string_view text : {"weeks", "=5", "population..persons=5", ".weeks=5"}) {
        try {
            (void)parse_override(text);
            FAIL("expected a ScenarioError for " << text);
        } catch (const ScenarioError& error) {
            REQUIRE(error.problems().size() == 1);
            CHECK(error.problems()[0].file == "--set " + std::string(text));
            CHECK_THAT(error.problems()[0].message, Contains("expected"));
        }
    }
}

TEST_CASE("overrides: a value replaces the file's value", "[scenario][overrides]") {
    const jobsim::Scenario loaded =
        load_with(minimal_yaml, {"population.persons=20000", "weeks=26", "name=my run"});
    CHECK(loaded.population.persons == 20000);
    CHECK(loaded.weeks == 26);
    CHECK(loaded.name == "my run");
}

TEST_CASE("overrides: a key absent from the file is added, blocks included",
          "[scenario][overrides]") {
    const jobsim::Scenario loaded =
        load_with(minimal_yaml, {"regime.conditionality.enabled=false",
                                 "labour_market.job_search.max_applications_per_week=7"});
    CHECK_FALSE(loaded.regime.conditionality.enabled);
    CHECK(loaded.labour_market.job_search.max_applications_per_week == 7);
}

TEST_CASE("overrides: the last override of a key wins", "[scenario][overrides]") {
    const jobsim::Scenario loaded = load_with(minimal_yaml, {"weeks=5", "weeks=6"});
    CHECK(loaded.weeks == 6);
}

TEST_CASE("overrides: a bad value is reported against the override, with no line",
          "[scenario][overrides]") {
    const ScenarioProblem problem = only_problem_with(minimal_yaml, {"population.persons=-5"});
    CHECK(problem.file == "--set population.persons=-5");
    CHECK(problem.line == 0);
    CHECK(problem.key_path == "population.persons");
    CHECK(problem.message ==
          "-5 is negative; expected a whole number from 1 to 50000000 (persons)");
    const std::string text = jobsim::format_problem(problem);
    CHECK(text ==
          "--set population.persons=-5: population.persons: -5 is negative; expected a "
          "whole number from 1 to 50000000 (persons)");
}

TEST_CASE("overrides: an unknown path gets the same suggestion as in a file",
          "[scenario][overrides]") {
    const ScenarioProblem problem = only_problem_with(minimal_yaml, {"population.persns=5"});
    CHECK(problem.file == "--set population.persns=5");
    CHECK(problem.key_path == "population.persns");
    CHECK_THAT(problem.message, Contains("did you mean 'persons'?"));
    const ScenarioProblem top = only_problem_with(minimal_yaml, {"wekes=5"});
    CHECK_THAT(top.message, Contains("did you mean 'weeks'?"));
}

TEST_CASE("overrides: a path through a value reports the value's expected type",
          "[scenario][overrides]") {
    const ScenarioProblem problem = only_problem_with(minimal_yaml, {"weeks.count=5"});
    CHECK(problem.file == "--set weeks.count=5");
    CHECK(problem.key_path == "weeks");
    CHECK_THAT(problem.message, Contains("expected a whole number"));
}

TEST_CASE("overrides: an item of the default list is addressed by its number",
          "[scenario][overrides]") {
    const jobsim::Scenario defaults = jobsim::default_scenario();
    REQUIRE(defaults.labour_market.sectors.size() >= 2);
    const double first = defaults.labour_market.sectors[0].employment_share;
    const double second = defaults.labour_market.sectors[1].employment_share;
    const std::string new_first = std::to_string(first + 0.05);
    const std::string new_second = std::to_string(second - 0.05);
    const jobsim::Scenario loaded =
        load_with(minimal_yaml, {"labour_market.sectors.0.employment_share=" + new_first,
                                 "labour_market.sectors.1.employment_share=" + new_second,
                                 "labour_market.sectors.1.name=renamed"});
    REQUIRE(loaded.labour_market.sectors.size() == defaults.labour_market.sectors.size());
    CHECK(loaded.labour_market.sectors[0].employment_share == Approx(first + 0.05));
    CHECK(loaded.labour_market.sectors[0].name == defaults.labour_market.sectors[0].name);
    CHECK(loaded.labour_market.sectors[1].name == "renamed");
    CHECK(loaded.labour_market.sectors[2].name == defaults.labour_market.sectors[2].name);
}

TEST_CASE("overrides: an item of the file's list is addressed by its number",
          "[scenario][overrides]") {
    const std::string yaml = minimal_yaml +
                             "labour_market:\n"
                             "  sectors:\n"
                             "    - name: a\n"
                             "      employment_share: 0.5\n"
                             "    - name: b\n"
                             "      employment_share: 0.5\n";
    const jobsim::Scenario loaded = load_with(yaml, {"labour_market.sectors.1.skill_need=0.8"});
    REQUIRE(loaded.labour_market.sectors.size() == 2);
    CHECK(loaded.labour_market.sectors[1].skill_need == 0.8);
    CHECK(loaded.labour_market.sectors[1].name == "b");
}

TEST_CASE("overrides: an item number beyond the list is reported", "[scenario][overrides]") {
    const ScenarioProblem problem =
        only_problem_with(minimal_yaml, {"labour_market.sectors.9.skill_need=0.5"});
    CHECK(problem.file == "--set labour_market.sectors.9.skill_need=0.5");
    CHECK(problem.key_path == "labour_market.sectors.9");
    CHECK_THAT(problem.message, Contains("item 9 does not exist"));
    CHECK_THAT(problem.message, Contains("expected an item number from 0 to"));
    const ScenarioProblem word =
        only_problem_with(minimal_yaml, {"labour_market.sectors.first.skill_need=0.5"});
    CHECK_THAT(word.message, Contains("'first' is not an item number"));
}

TEST_CASE("overrides: a whole list can be given in flow style", "[scenario][overrides]") {
    const jobsim::Scenario loaded =
        load_with(minimal_yaml, {"labour_market.sectors=[{name: all, employment_share: 1}]"});
    REQUIRE(loaded.labour_market.sectors.size() == 1);
    CHECK(loaded.labour_market.sectors[0].name == "all");
}

TEST_CASE("overrides: a value that is not valid YAML is reported", "[scenario][overrides]") {
    const ScenarioProblem problem = only_problem_with(minimal_yaml, {"name=[unclosed"});
    CHECK(problem.file == "--set name=[unclosed");
    CHECK_THAT(problem.message, Contains("cannot read the value '[unclosed'"));
}

TEST_CASE("overrides: consistency problems caused by an override name it",
          "[scenario][overrides]") {
    const ScenarioProblem problem =
        only_problem_with(minimal_yaml, {"labour_market.sectors.0.employment_share=0.9"});
    CHECK(problem.file == "--set labour_market.sectors.0.employment_share=0.9");
    CHECK(problem.key_path == "labour_market.sectors");
}

TEST_CASE("overrides: problems in the file and in overrides are reported together",
          "[scenario][overrides]") {
    const std::vector<Override> overrides = overrides_of({"population.areas=0"});
    const auto problems =
        jobsim::scenario::testing::problems_of("weeks: 0\npopulation:\n  persons: 10\n", overrides);
    REQUIRE(problems.size() == 2);
}

}  // namespace test_overrides
