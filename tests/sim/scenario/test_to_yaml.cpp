// to_yaml: the fully resolved scenario, every key, loading back to an equal scenario.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/scenario/detail/key_table.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "sim/scenario/load.hpp"
#include "tests/sim/scenario/scenario_test_support.hpp"

namespace test_to_yaml {

using jobsim::scenario::load_scenario_text;
using jobsim::scenario::to_yaml;
using jobsim::scenario::testing::minimal_yaml;
using jobsim::scenario::testing::overrides_of;

namespace {

/// Every leaf key path present in a tree ("labour_market.sectors.0.name", ...).
void collect_paths(const jobsim::scenario::detail::Node& node, const std::string& path,
                   std::vector<std::string>& paths) {
    for (const auto& entry : node.entries) {
        const std::string child = path.empty() ? entry.key : path + "." + entry.key;
        if (entry.value.is_map()) {
            collect_paths(entry.value, child, paths);
        } else if (entry.value.is_sequence()) {
            paths.push_back(child);
            for (std::size_t i = 0; i < entry.value.items.size(); ++i) {
                collect_paths(entry.value.items[i], child + "." + std::to_string(i), paths);
            }
        } else {
            paths.push_back(child);
        }
    }
}

}  // namespace

TEST_CASE("to_yaml: the default scenario loads back unchanged", "[scenario][to_yaml]") {
    const jobsim::Scenario defaults = jobsim::default_scenario();
    const std::string yaml = to_yaml(defaults);
    const jobsim::Scenario loaded = load_scenario_text(yaml, "resolved.yaml");
    CHECK(to_yaml(loaded) == yaml);
    CHECK(loaded.weeks == defaults.weeks);
    CHECK(loaded.population.share_aged_50_plus == defaults.population.share_aged_50_plus);
    CHECK(loaded.labour_market.wage_progression.weekly_review_probability ==
          defaults.labour_market.wage_progression.weekly_review_probability);
    REQUIRE(loaded.labour_market.sectors.size() == defaults.labour_market.sectors.size());
    for (std::size_t i = 0; i < defaults.labour_market.sectors.size(); ++i) {
        CHECK(loaded.labour_market.sectors[i].name == defaults.labour_market.sectors[i].name);
        CHECK(loaded.labour_market.sectors[i].employment_share ==
              defaults.labour_market.sectors[i].employment_share);
    }
}

TEST_CASE("to_yaml: a scenario with overrides loads back unchanged, doubles exactly",
          "[scenario][to_yaml]") {
    const auto overrides = overrides_of({
        "name=true",  // text that looks like a boolean stays text
        "description='line one: \"quoted\" # not a comment'",
        "seed=18446744073709551615",
        "population.share_aged_16_24=0.1234567890123456789",
        "labour_market.area_spacing_km=1e-300",
        "labour_market.employer_choice.hiring_threshold=-2.5",
        "labour_market.vacancy_flow.weekly_vacancies_per_job=0.30000000000000004",
        "regime.coach_meeting.enabled=false",
    });
    const jobsim::Scenario original = load_scenario_text(minimal_yaml, "test.yaml", overrides);
    CHECK(original.name == "true");
    CHECK(original.description == "line one: \"quoted\" # not a comment");
    const std::string yaml = to_yaml(original);
    const jobsim::Scenario loaded = load_scenario_text(yaml, "resolved.yaml");
    CHECK(to_yaml(loaded) == yaml);
    CHECK(loaded.name == "true");
    CHECK(loaded.description == original.description);
    CHECK(loaded.seed == 18446744073709551615ULL);
    CHECK(loaded.population.share_aged_16_24 == original.population.share_aged_16_24);
    CHECK(loaded.labour_market.area_spacing_km == 1e-300);
    CHECK(loaded.labour_market.employer_choice.hiring_threshold == -2.5);
    CHECK(loaded.labour_market.vacancy_flow.weekly_vacancies_per_job == 0.1 + 0.2);
    CHECK_FALSE(loaded.regime.coach_meeting.enabled);
}

TEST_CASE("to_yaml: doubles are written in their shortest exact form", "[scenario][to_yaml]") {
    jobsim::Scenario scenario = jobsim::default_scenario();
    scenario.population.share_aged_16_24 = 0.15;
    scenario.labour_market.wage_progression.weekly_review_probability = 1.0 / 52.0;
    const std::string yaml = to_yaml(scenario);
    CHECK(yaml.find("share_aged_16_24: 0.15\n") != std::string::npos);
    CHECK(yaml.find("weekly_review_probability: 0.019230769230769232\n") != std::string::npos);
}

TEST_CASE("to_yaml: every key of the schema is written, in describe() order",
          "[scenario][to_yaml]") {
    jobsim::Scenario defaults = jobsim::default_scenario();
    const auto parsed = jobsim::scenario::detail::parse_yaml(to_yaml(defaults));
    REQUIRE(parsed.findings.empty());
    std::vector<std::string> written;
    collect_paths(parsed.root, "", written);
    std::vector<std::string> expected;
    for (const auto& block : jobsim::scenario::detail::KeyTable::of(defaults, "")) {
        for (const auto& row : block.rows) {
            if (row.path.find("<i>") == std::string::npos) {
                expected.push_back(row.path);
            }
        }
    }
    // Every schema key outside list items, in order, appears among the written paths.
    std::size_t next = 0;
    for (const std::string& path : written) {
        if (next < expected.size() && path == expected[next]) {
            ++next;
        }
    }
    CHECK(next == expected.size());
    CHECK(written.size() > expected.size());  // plus every key of every sector
}

}  // namespace test_to_yaml
