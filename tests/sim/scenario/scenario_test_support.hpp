// Helpers for the scenario tests: load text and return the problems it raises; read text into a
// test-only parameter struct through describe().
#pragma once

#include <span>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/error.hpp"
#include "sim/scenario/detail/overrides.hpp"
#include "sim/scenario/detail/reader.hpp"
#include "sim/scenario/detail/writer.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::scenario::testing {

/// The smallest valid scenario: the two required keys.
inline const std::string minimal_yaml = "weeks: 10\npopulation:\n  persons: 1000\n";

/// Loads `yaml` expecting a ScenarioError; returns its problems (fails the test if it loads).
inline std::vector<ScenarioProblem> problems_of(const std::string& yaml,
                                                std::span<const Override> overrides = {}) {
    try {
        (void)load_scenario_text(yaml, "test.yaml", overrides);
    } catch (const ScenarioError& error) {
        return error.problems();
    }
    FAIL("expected a ScenarioError for:\n" << yaml);
    return {};
}

/// Loads `yaml` expecting exactly one problem and returns it.
inline ScenarioProblem only_problem(const std::string& yaml,
                                    std::span<const Override> overrides = {}) {
    const std::vector<ScenarioProblem> problems = problems_of(yaml, overrides);
    INFO("problems:\n" << ScenarioError(problems).what());
    REQUIRE(problems.size() == 1);
    return problems.front();
}

/// Parses every "--set" text.
inline std::vector<Override> overrides_of(std::initializer_list<std::string_view> texts) {
    std::vector<Override> overrides;
    for (const std::string_view text : texts) {
        overrides.push_back(parse_override(text));
    }
    return overrides;
}

/// Reads `yaml`, with `overrides` applied as the loader applies them, into `params` through its
/// describe() (the visitors alone, no Scenario); returns the findings. The values `params` holds
/// on entry are the defaults (what an override of a list item starts from).
template <class Params>
std::vector<detail::Finding> read_params(const std::string& yaml, Params& params,
                                         std::span<const Override> overrides = {}) {
    detail::ParsedYaml parsed = detail::parse_yaml(yaml);
    detail::ReadContext context;
    context.findings = parsed.findings;
    Params defaults = params;
    detail::apply_overrides(parsed.root, overrides, detail::Writer::to_tree(defaults),
                            context.findings);
    detail::Reader top(context, &parsed.root, "", parsed.root.position);
    top.read_block(parsed.root, "", parsed.root.position, params);
    return context.findings;
}

}  // namespace jobsim::scenario::testing
