// Loading a scenario: every kind of problem is reported with file, line, column, key path, the
// value as written and what was expected; valid files fill a Scenario on top of the defaults.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "sim/core/error.hpp"
#include "sim/scenario/load.hpp"
#include "tests/sim/scenario/scenario_test_support.hpp"

namespace test_load {

using Catch::Matchers::Contains;
using jobsim::ScenarioError;
using jobsim::ScenarioProblem;
using jobsim::UsageError;
using jobsim::scenario::load_scenario_file;
using jobsim::scenario::load_scenario_text;
using jobsim::scenario::testing::minimal_yaml;
using jobsim::scenario::testing::only_problem;
using jobsim::scenario::testing::problems_of;

TEST_CASE("load: a minimal scenario takes defaults for every key it leaves out", "[scenario]") {
    const jobsim::Scenario loaded = load_scenario_text(minimal_yaml, "test.yaml");
    const jobsim::Scenario defaults = jobsim::default_scenario();
    CHECK(loaded.weeks == 10);
    CHECK(loaded.population.persons == 1000);
    CHECK(loaded.population.areas == defaults.population.areas);
    CHECK(loaded.labour_market.sectors.size() == defaults.labour_market.sectors.size());
    CHECK(loaded.regime.conditionality.first_sanction_weeks ==
          defaults.regime.conditionality.first_sanction_weeks);
}

TEST_CASE("load: values of every type are read", "[scenario]") {
    const jobsim::Scenario loaded = load_scenario_text(minimal_yaml +
                                                           "name: trial_a\n"
                                                           "seed: 18446744073709551615\n"
                                                           "labour_market:\n"
                                                           "  area_spacing_km: 7.5\n"
                                                           "  vacancy_flow:\n"
                                                           "    enabled: false\n",
                                                       "test.yaml");
    CHECK(loaded.name == "trial_a");
    CHECK(loaded.seed == 18446744073709551615ULL);
    CHECK(loaded.labour_market.area_spacing_km == 7.5);
    CHECK_FALSE(loaded.labour_market.vacancy_flow.enabled);
}

TEST_CASE("load: a message reads file:line:column: key: what is wrong; expected ...",
          "[scenario]") {
    try {
        (void)load_scenario_text("weeks: 10\npopulation:\n  persons: -5\n", "my.yaml");
        FAIL("expected a ScenarioError");
    } catch (const ScenarioError& error) {
        CHECK(std::string(error.what()) ==
              "my.yaml:3:12: population.persons: -5 is negative; expected a whole number from 1 "
              "to 50000000 (persons)");
    }
}

TEST_CASE("load: an unknown key is reported with a suggestion", "[scenario]") {
    const ScenarioProblem problem =
        only_problem("weeks: 10\npopulation:\n  persons: 10\n  persns: 5\n");
    CHECK(problem.file == "test.yaml");
    CHECK(problem.line == 4);
    CHECK(problem.column == 3);
    CHECK(problem.key_path == "population.persns");
    CHECK_THAT(problem.message, Contains("unknown key 'persns'; did you mean 'persons'?"));
}

TEST_CASE("load: an unknown key with no close match lists the keys expected there", "[scenario]") {
    const ScenarioProblem problem = only_problem(minimal_yaml + "service:\n  colour: blue\n");
    CHECK(problem.key_path == "service.colour");
    CHECK_THAT(problem.message, Contains("expected one of: coaches_per_area"));
}

TEST_CASE("load: a key written in the wrong block points to where it belongs", "[scenario]") {
    const ScenarioProblem problem = only_problem(minimal_yaml + "coaches_per_area: 3\n");
    CHECK(problem.line == 4);
    CHECK_THAT(problem.message, Contains("did you mean 'service.coaches_per_area'?"));
}

TEST_CASE("load: text where a number is expected is reported with the expected type",
          "[scenario]") {
    const ScenarioProblem problem = only_problem("weeks: abc\npopulation:\n  persons: 10\n");
    CHECK(problem.line == 1);
    CHECK(problem.column == 8);
    CHECK(problem.key_path == "weeks");
    CHECK(problem.message ==
          "'abc' is not a number; expected a whole number from 1 to 5200 (weeks)");
}

TEST_CASE("load: a fraction where a whole number is expected is reported", "[scenario]") {
    const ScenarioProblem problem = only_problem("weeks: 1.5\npopulation:\n  persons: 10\n");
    CHECK(problem.message ==
          "1.5 is not a whole number; expected a whole number from 1 to 5200 "
          "(weeks)");
}

TEST_CASE("load: a negative count is reported as negative with the allowed range", "[scenario]") {
    const ScenarioProblem problem =
        only_problem("weeks: 10\npopulation:\n  areas: -2\n  persons: 10\n");
    CHECK(problem.key_path == "population.areas");
    CHECK(problem.message == "-2 is negative; expected a whole number from 1 to 65000 (areas)");
}

TEST_CASE("load: a value beyond the type's range is reported, not wrapped", "[scenario]") {
    SECTION("above a 64-bit seed") {
        const ScenarioProblem problem = only_problem(minimal_yaml + "seed: 18446744073709551616\n");
        CHECK(problem.message ==
              "18446744073709551616 is out of range; expected a whole number "
              "from 0 to 18446744073709551615");
    }
    SECTION("above the key's own maximum") {
        const ScenarioProblem problem =
            only_problem("weeks: 99999999999\npopulation:\n  persons: 10\n");
        CHECK(problem.message ==
              "99999999999 is out of range; expected a whole number from 1 to "
              "5200 (weeks)");
    }
}

TEST_CASE("load: a probability above 1 quotes the value, the range and the unit", "[scenario]") {
    const ScenarioProblem problem = only_problem(
        minimal_yaml + "regime:\n  conditionality:\n    shortfall_detection_probability: 1.2\n");
    CHECK(problem.line == 6);
    CHECK(problem.key_path == "regime.conditionality.shortfall_detection_probability");
    CHECK(problem.message == "1.2 is out of range; expected a number from 0 to 1 (probability)");
}

TEST_CASE("load: only true and false are booleans", "[scenario]") {
    for (const std::string word : {"yes", "no", "on", "1"}) {
        const ScenarioProblem problem =
            only_problem(minimal_yaml + "regime:\n  conditionality:\n    enabled: " + word + "\n");
        CHECK(problem.key_path == "regime.conditionality.enabled");
        CHECK(problem.message == "'" + word + "' is not a boolean; expected true or false");
    }
    const jobsim::Scenario loaded = load_scenario_text(
        minimal_yaml + "regime:\n  conditionality:\n    enabled: false\n", "test.yaml");
    CHECK_FALSE(loaded.regime.conditionality.enabled);
}

TEST_CASE("load: a quoted number is text, not a number", "[scenario]") {
    const ScenarioProblem problem = only_problem("weeks: \"52\"\npopulation:\n  persons: 10\n");
    CHECK(problem.message ==
          "\"52\" is text in quotes; expected a whole number from 1 to 5200 "
          "(weeks)");
}

TEST_CASE("load: a number is accepted as text where text is expected", "[scenario]") {
    const jobsim::Scenario loaded = load_scenario_text(minimal_yaml + "name: 2024\n", "test.yaml");
    CHECK(loaded.name == "2024");
}

TEST_CASE("load: a list where a block is expected is reported", "[scenario]") {
    const ScenarioProblem problem = only_problem("weeks: 10\npopulation:\n  - persons: 10\n");
    CHECK(problem.key_path == "population");
    CHECK(problem.line == 2);  // the key: the list starts on the next line
    CHECK(problem.message == "found a list; expected a block of keys");
}

TEST_CASE("load: a block given as a single value is reported", "[scenario]") {
    const ScenarioProblem problem = only_problem(minimal_yaml + "service: 3\n");
    CHECK(problem.key_path == "service");
    CHECK(problem.line == 4);
    CHECK(problem.message == "found '3'; expected a block of keys");
}

TEST_CASE("load: a block with nothing under it keeps its defaults", "[scenario]") {
    const jobsim::Scenario loaded = load_scenario_text(minimal_yaml + "service:\n", "test.yaml");
    CHECK(loaded.service.coaches_per_area == jobsim::default_scenario().service.coaches_per_area);
}

TEST_CASE("load: a missing required key is reported at its parent's position", "[scenario]") {
    SECTION("at the top level: the first key of the file") {
        const ScenarioProblem problem =
            only_problem("# a comment\nname: x\npopulation:\n  persons: 10\n");
        CHECK(problem.key_path == "weeks");
        CHECK(problem.line == 2);
        CHECK(problem.message ==
              "required key is missing; expected a whole number from 1 to 5200 (weeks)");
    }
    SECTION("in a block: the block's key") {
        const ScenarioProblem problem = only_problem("weeks: 10\npopulation:\n  areas: 2\n");
        CHECK(problem.key_path == "population.persons");
        CHECK(problem.line == 2);
        CHECK(problem.column == 1);
    }
    SECTION("in a block that is absent: the top level") {
        const ScenarioProblem problem = only_problem("weeks: 10\nname: x\n");
        CHECK(problem.key_path == "population.persons");
        CHECK(problem.line == 1);
    }
}

TEST_CASE("load: a duplicate key is reported at its second occurrence", "[scenario]") {
    const ScenarioProblem problem =
        only_problem("weeks: 10\npopulation:\n  persons: 10\n  areas: 2\n  persons: 20\n");
    CHECK(problem.line == 5);
    CHECK(problem.column == 3);
    CHECK(problem.key_path == "population.persons");
    CHECK_THAT(problem.message, Contains("duplicate key 'persons' (first given at line 3)"));
}

TEST_CASE("load: a syntax error gives one problem with line, column and the block it is in",
          "[scenario]") {
    SECTION("an unclosed bracket") {
        const ScenarioProblem problem =
            only_problem("weeks: 10\nname: [a, b\npopulation:\n  persons: 10\n");
        CHECK(problem.line == 2);  // where the '[' is, not where the parser gave up
        CHECK(problem.column == 7);
        CHECK_THAT(problem.message, Contains("YAML syntax error"));
        CHECK_THAT(problem.message, Contains("expected a matching ']'"));
    }
    SECTION("a key indented too far") {
        const ScenarioProblem problem =
            only_problem("weeks: 10\npopulation:\n  persons: 10\n   areas: 3\n");
        CHECK(problem.line == 4);
        CHECK(problem.key_path == "population");
        CHECK_THAT(problem.message, Contains("YAML syntax error"));
    }
}

TEST_CASE("load: a tab used for indentation is named in the message", "[scenario]") {
    const ScenarioProblem problem = only_problem("weeks: 10\npopulation:\n\tpersons: 10\n");
    CHECK(problem.line == 3);
    CHECK(problem.key_path == "population");
    CHECK_THAT(problem.message, Contains("a tab indents this line"));
}

TEST_CASE("load: an empty or comments-only file is reported", "[scenario]") {
    for (const std::string text : {"", "# only\n# comments\n", "~\n", "---\n"}) {
        const ScenarioProblem problem = only_problem(text);
        CHECK(problem.line == 1);
        CHECK_THAT(problem.message,
                   Contains("the scenario is empty; expected a block of keys with at least "
                            "'weeks', 'population.persons'"));
    }
}

TEST_CASE("load: a list or a value at the top level is reported", "[scenario]") {
    const ScenarioProblem list = only_problem("- weeks: 10\n- population: 3\n");
    CHECK(list.line == 1);
    CHECK_THAT(list.message, Contains("the scenario is a list; expected a block of keys"));
    const ScenarioProblem scalar = only_problem("just words\n");
    CHECK_THAT(scalar.message, Contains("the scenario is 'just words'"));
}

TEST_CASE("load: a second YAML document is reported", "[scenario]") {
    const ScenarioProblem problem = only_problem(minimal_yaml + "---\nweeks: 3\n");
    CHECK(problem.line == 4);
    CHECK_THAT(problem.message, Contains("a second YAML document"));
}

TEST_CASE("load: every problem in a file is reported at once, sorted by line", "[scenario]") {
    const auto problems = problems_of(
        "weeks: 0\n"
        "population:\n"
        "  persns: 10\n"
        "  share_aged_16_24: 2\n"
        "regime:\n"
        "  coach_meeting:\n"
        "    interval_weeks: fortnightly\n"
        "colour: red\n");
    // A misspelt required key is one mistake: "persns" is reported, "persons" missing is not.
    REQUIRE(problems.size() == 5);
    CHECK(problems[0].key_path == "weeks");
    CHECK(problems[1].key_path == "population.persns");
    CHECK_THAT(problems[1].message, Contains("did you mean 'persons'? ('persons' is required)"));
    CHECK(problems[2].key_path == "population.share_aged_16_24");
    CHECK(problems[3].key_path == "regime.coach_meeting.interval_weeks");
    CHECK(problems[4].key_path == "colour");
    for (std::size_t i = 1; i < problems.size(); ++i) {
        CHECK(problems[i - 1].line <= problems[i].line);
    }
}

TEST_CASE("load: a list in the file replaces the default list", "[scenario]") {
    const jobsim::Scenario loaded = load_scenario_text(minimal_yaml +
                                                           "labour_market:\n"
                                                           "  sectors:\n"
                                                           "    - name: everything\n"
                                                           "      employment_share: 1\n",
                                                       "test.yaml");
    REQUIRE(loaded.labour_market.sectors.size() == 1);
    CHECK(loaded.labour_market.sectors[0].name == "everything");
    // Keys an item leaves out take the item defaults (SectorSpec's), not the default list's.
    CHECK(loaded.labour_market.sectors[0].median_wage_per_hour ==
          jobsim::SectorSpec{}.median_wage_per_hour);
}

TEST_CASE("load: list items need their required keys", "[scenario]") {
    const ScenarioProblem problem = only_problem(minimal_yaml +
                                                 "labour_market:\n"
                                                 "  sectors:\n"
                                                 "    - employment_share: 1\n");
    CHECK(problem.key_path == "labour_market.sectors.0.name");
    CHECK(problem.line == 6);
    CHECK(problem.message == "required key is missing; expected text");
}

TEST_CASE("load: a list with too few items is reported with the allowed count", "[scenario]") {
    const ScenarioProblem problem = only_problem(minimal_yaml + "labour_market:\n  sectors: []\n");
    CHECK(problem.key_path == "labour_market.sectors");
    CHECK(problem.line == 5);
    CHECK(problem.message ==
          "the list has 0 items; expected a list of blocks (from 1 to 255 items)");
}

TEST_CASE("load: an item that is not a block is reported", "[scenario]") {
    const ScenarioProblem problem =
        only_problem(minimal_yaml + "labour_market:\n  sectors:\n    - retail\n");
    CHECK(problem.key_path == "labour_market.sectors.0");
    CHECK(problem.line == 6);
    CHECK(problem.message == "found 'retail'; expected a block of keys");
}

TEST_CASE("load: a consistency problem points at the key it is about", "[scenario]") {
    const ScenarioProblem problem = only_problem(minimal_yaml +
                                                 "labour_market:\n"
                                                 "  sectors:\n"
                                                 "    - name: a\n"
                                                 "      employment_share: 0.5\n"
                                                 "    - name: b\n"
                                                 "      employment_share: 0.7\n");
    CHECK(problem.key_path == "labour_market.sectors");
    CHECK(problem.line == 5);
    CHECK_THAT(problem.message, Contains("sum to 1.2"));
}

TEST_CASE("load: a consistency problem about an absent key points at its nearest ancestor",
          "[scenario]") {
    // The two age shares exceed 1: the problem is about share_aged_50_plus, left out of the file.
    const ScenarioProblem problem =
        only_problem("weeks: 10\npopulation:\n  persons: 1000\n  share_aged_16_24: 0.9\n");
    CHECK(problem.key_path == "population.share_aged_50_plus");
    CHECK(problem.line == 2);
}

TEST_CASE("load: nobody holding sanction power needs conditionality off", "[scenario]") {
    const ScenarioProblem problem =
        only_problem(minimal_yaml + "regime:\n  working_alliance:\n    sanction_power: none\n");
    CHECK(problem.key_path == "regime.working_alliance.sanction_power");
    CHECK_THAT(problem.message, Contains("conditionality is enabled"));
    const jobsim::Scenario loaded = load_scenario_text(
        minimal_yaml +
            "regime:\n  conditionality:\n    enabled: false\n  working_alliance:\n"
            "    sanction_power: none\n",
        "test.yaml");
    CHECK(loaded.regime.working_alliance.sanction_power == jobsim::mechanisms::SanctionPower::none);
}

TEST_CASE("load: consistency is checked only once every key is valid on its own", "[scenario]") {
    // The bad share alone is reported, not also the sum it spoils.
    const auto problems = problems_of(minimal_yaml +
                                      "labour_market:\n"
                                      "  sectors:\n"
                                      "    - name: a\n"
                                      "      employment_share: lots\n");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].key_path == "labour_market.sectors.0.employment_share");
}

TEST_CASE("load: anchors and aliases are expanded", "[scenario]") {
    const jobsim::Scenario loaded =
        load_scenario_text(minimal_yaml +
                               "labour_market:\n"
                               "  sectors:\n"
                               "    - &base {name: a, employment_share: 0.5, skill_need: 0.9}\n"
                               "    - name: b\n"
                               "      employment_share: 0.5\n"
                               "burn_in_weeks: &w 7\n"
                               "replications: *w\n",
                           "test.yaml");
    CHECK(loaded.labour_market.sectors[0].skill_need == 0.9);
    CHECK(loaded.replications == 7);
}

TEST_CASE("load: a merge key is reported as unsupported", "[scenario]") {
    const ScenarioProblem problem =
        only_problem(minimal_yaml + "service:\n  <<: {coaches_per_area: 3}\n");
    CHECK_THAT(problem.message, Contains("merge keys ('<<') are not supported"));
}

TEST_CASE("load: a file that cannot be read is a usage error", "[scenario]") {
    CHECK_THROWS_AS(load_scenario_file("/nonexistent/scenario.yaml"), UsageError);
    CHECK_THROWS_AS(load_scenario_file(std::filesystem::temp_directory_path()), UsageError);
}

TEST_CASE("load: problems in a file name the file as given", "[scenario]") {
    const std::filesystem::path file =
        std::filesystem::path(JOBSIM_TEST_DATA_DIR) / "bad" / "unknown_nested_key.yaml";
    try {
        (void)load_scenario_file(file);
        FAIL("expected a ScenarioError");
    } catch (const ScenarioError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems()[0].file == file.string());
    }
}

}  // namespace test_load
