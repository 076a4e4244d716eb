// scenarios/baseline.yaml: the flagship scenario loads cleanly and names every key of the schema.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/scenario/detail/key_table.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "sim/scenario/load.hpp"

namespace test_baseline {

namespace {

const std::filesystem::path baseline_file =
    std::filesystem::path(JOBSIM_SOURCE_DIR) / "scenarios" / "baseline.yaml";

/// Whether the tree has a value at a key path ("<i>" stands for every item of a list).
bool has_path(const jobsim::scenario::detail::Node& node, const std::string& path) {
    const std::size_t dot = path.find('.');
    const std::string head = path.substr(0, dot);
    const std::string rest = dot == std::string::npos ? "" : path.substr(dot + 1);
    if (head == "<i>") {
        if (!node.is_sequence() || node.items.empty()) {
            return false;
        }
        for (const auto& item : node.items) {
            if (!has_path(item, rest)) {
                return false;
            }
        }
        return true;
    }
    const auto* entry = node.find(head);
    if (entry == nullptr) {
        return false;
    }
    return rest.empty() || has_path(entry->value, rest);
}

}  // namespace

TEST_CASE("baseline: scenarios/baseline.yaml loads without problems", "[scenario][baseline]") {
    const jobsim::Scenario baseline = jobsim::scenario::load_scenario_file(baseline_file);
    CHECK(baseline.name == "uk_baseline");
    CHECK(baseline.weeks == 52);
    CHECK(baseline.burn_in_weeks == 26);
    CHECK(baseline.population.persons == 20000);
    CHECK(baseline.regime.conditionality.enabled);
}

TEST_CASE("baseline: scenarios/baseline.yaml writes out every key of the schema",
          "[scenario][baseline]") {
    std::ifstream in(baseline_file);
    std::ostringstream text;
    text << in.rdbuf();
    const auto parsed = jobsim::scenario::detail::parse_yaml(text.str());
    REQUIRE(parsed.findings.empty());
    jobsim::Scenario scenario = jobsim::default_scenario();
    for (const std::string& path : jobsim::scenario::detail::KeyTable::paths(scenario)) {
        INFO(path << " is not written in scenarios/baseline.yaml");
        CHECK(has_path(parsed.root, path));
    }
}

}  // namespace test_baseline
