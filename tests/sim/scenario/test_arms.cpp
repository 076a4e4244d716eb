// Arms and extends: an arm is the baseline regime with some levers changed; a scenario file can
// start from another and say only what differs. Problems name the file and line they are on.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/core/error.hpp"
#include "sim/scenario/load.hpp"
#include "tests/sim/scenario/scenario_test_support.hpp"

namespace test_arms {

using Catch::Matchers::Contains;
using jobsim::scenario::load_scenario_file;
using jobsim::scenario::load_scenario_text;
using jobsim::scenario::testing::minimal_yaml;
using jobsim::scenario::testing::only_problem;
using jobsim::scenario::testing::overrides_of;

namespace fs = std::filesystem;

namespace {

/// A directory of scenario files, removed at the end of the test.
struct ScenarioDir {
    fs::path path = fs::temp_directory_path() /
                    ("jobsim_arms_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    ScenarioDir() { fs::create_directories(path); }
    ~ScenarioDir() { fs::remove_all(path); }
    ScenarioDir(const ScenarioDir&) = delete;
    ScenarioDir& operator=(const ScenarioDir&) = delete;

    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
        return path / name;
    }
};

}  // namespace

TEST_CASE("arms: an arm copies the baseline regime and changes only what it names",
          "[scenario][arms]") {
    const jobsim::Scenario s = load_scenario_text(minimal_yaml +
                                                      "regime:\n"
                                                      "  coach_meeting: {interval_weeks: 1}\n"
                                                      "arms:\n"
                                                      "  relaxed:\n"
                                                      "    conditionality: {enabled: false}\n"
                                                      "  same: {}\n",
                                                  "test.yaml");
    REQUIRE(s.arms.size() == 2);
    const std::vector<jobsim::Regime> arms = jobsim::all_arms(s);
    REQUIRE(arms.size() == 3);
    CHECK(arms[0].name == "baseline");
    CHECK(arms[1].name == "relaxed");
    CHECK(arms[2].name == "same");
    CHECK_FALSE(arms[1].conditionality.enabled);
    CHECK(arms[1].coach_meeting.interval_weeks == 1);  // inherited from the baseline regime
    CHECK(arms[2].conditionality.enabled);
}

TEST_CASE("arms: problems inside an arm name the arm's key path and line", "[scenario][arms]") {
    const auto problem = only_problem(minimal_yaml +
                                      "arms:\n"
                                      "  relaxed:\n"
                                      "    conditionality: {enabled: maybe}\n");
    CHECK(problem.key_path == "arms.relaxed.conditionality.enabled");
    CHECK(problem.line == 6);
    const auto named = only_problem(minimal_yaml + "arms:\n  relaxed:\n    name: other\n");
    CHECK_THAT(named.message, Contains("an arm's name is its key"));
    const auto clash = only_problem(minimal_yaml + "arms:\n  baseline: {}\n");
    CHECK_THAT(clash.message, Contains("name of the baseline regime"));
    const auto bad_name = only_problem(minimal_yaml + "arms:\n  \"no way\": {}\n");
    CHECK_THAT(bad_name.message, Contains("cannot name an arm"));
    const auto not_block = only_problem(minimal_yaml + "arms: [a, b]\n");
    CHECK_THAT(not_block.message, Contains("expected a block of arms"));
}

TEST_CASE("arms: --set reaches a lever of an arm", "[scenario][arms]") {
    const auto overrides = overrides_of({"arms.relaxed.coach_meeting.interval_weeks=4"});
    const jobsim::Scenario s = load_scenario_text(
        minimal_yaml + "arms:\n  relaxed:\n    conditionality: {enabled: false}\n", "test.yaml",
        overrides);
    REQUIRE(s.arms.size() == 1);
    CHECK(s.arms[0].coach_meeting.interval_weeks == 4);
    CHECK(s.regime.coach_meeting.interval_weeks != 4);
}

TEST_CASE("extends: a file starts from another and lays its own keys over it", "[scenario][arms]") {
    const ScenarioDir dir;
    dir.write("base.yaml", minimal_yaml +
                               "name: base\n"
                               "regime:\n"
                               "  coach_meeting: {interval_weeks: 1, standard_minutes: 20}\n");
    const fs::path child = dir.write("child.yaml",
                                     "extends: base.yaml\n"
                                     "name: child\n"
                                     "regime:\n"
                                     "  coach_meeting: {standard_minutes: 30}\n");
    const jobsim::Scenario s = load_scenario_file(child);
    CHECK(s.name == "child");
    CHECK(s.weeks == 10);                                    // from the base
    CHECK(s.regime.coach_meeting.interval_weeks == 1);       // block merged key by key
    CHECK(s.regime.coach_meeting.standard_minutes == 30.0);  // the child's value wins
}

TEST_CASE("extends: a problem in the base file names the base file and its line",
          "[scenario][arms]") {
    const ScenarioDir dir;
    dir.write("base.yaml", minimal_yaml + "labour_market:\n  employers_per_area: -3\n");
    const fs::path child = dir.write("child.yaml", "extends: base.yaml\nname: child\n");
    try {
        (void)load_scenario_file(child);
        FAIL("expected a ScenarioError");
    } catch (const jobsim::ScenarioError& error) {
        REQUIRE(error.problems().size() == 1);
        const auto& problem = error.problems().front();
        CHECK_THAT(problem.file, Contains("base.yaml"));
        CHECK(problem.line == 5);
        CHECK(problem.key_path == "labour_market.employers_per_area");
    }
}

TEST_CASE("extends: a missing file and a cycle are reported at the extends line",
          "[scenario][arms]") {
    const ScenarioDir dir;
    const fs::path missing = dir.write("missing.yaml", "name: x\nextends: nowhere.yaml\n");
    const fs::path loop_a = dir.write("a.yaml", "extends: b.yaml\n");
    dir.write("b.yaml", "extends: a.yaml\n");
    for (const auto& [file, text] :
         {std::pair{missing, "cannot read the scenario"}, std::pair{loop_a, "extends itself"}}) {
        try {
            (void)load_scenario_file(file);
            FAIL("expected a ScenarioError");
        } catch (const jobsim::ScenarioError& error) {
            REQUIRE(error.problems().size() == 1);
            CHECK(error.problems().front().key_path == "extends");
            CHECK_THAT(error.problems().front().message, Contains(text));
        }
    }
}

TEST_CASE("arms: the resolved YAML writes every arm in full and loads back the same",
          "[scenario][arms]") {
    const jobsim::Scenario s = load_scenario_text(
        minimal_yaml + "arms:\n  relaxed:\n    conditionality: {enabled: false}\n", "test.yaml");
    const std::string resolved = jobsim::scenario::to_yaml(s);
    const jobsim::Scenario again = load_scenario_text(resolved, "resolved.yaml");
    CHECK(jobsim::scenario::to_yaml(again) == resolved);
    REQUIRE(again.arms.size() == 1);
    CHECK_FALSE(again.arms[0].conditionality.enabled);
}

}  // namespace test_arms
