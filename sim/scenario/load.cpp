// Loading a scenario: parse the YAML into a tree, apply --set overrides to the tree, read the
// tree through describe() (types, ranges, unknown and missing keys), then check the rules that
// span several keys. Every problem is collected and thrown together as one ScenarioError.
#include "sim/scenario/load.hpp"

#include <cerrno>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/scenario/detail/key_table.hpp"
#include "sim/scenario/detail/overrides.hpp"
#include "sim/scenario/detail/reader.hpp"
#include "sim/scenario/detail/writer.hpp"
#include "sim/scenario/detail/yaml_io.hpp"

namespace jobsim::scenario {

namespace {

using detail::Finding;
using detail::Node;
using detail::Position;

/// Turns findings into problems that name the file, or the override that caused them.
[[noreturn]] void throw_problems(const std::vector<Finding>& findings, std::string_view file_label,
                                 std::span<const Override> overrides) {
    std::vector<ScenarioProblem> problems;
    problems.reserve(findings.size());
    for (const Finding& finding : findings) {
        const int origin = finding.position.origin;
        const bool from_override =
            origin >= 0 && static_cast<std::size_t>(origin) < overrides.size();
        problems.push_back({.file = from_override
                                        ? overrides[static_cast<std::size_t>(origin)].origin
                                        : std::string(file_label),
                            .line = from_override ? 0 : finding.position.line,
                            .column = from_override ? 0 : finding.position.column,
                            .key_path = finding.key_path,
                            .message = finding.message});
    }
    throw ScenarioError(std::move(problems));
}

/// The position of a key path in the tree, or of its nearest ancestor that is there.
Position locate(const Node& root, const std::string& key_path) {
    Position found = root.position;
    const Node* current = &root;
    for (const std::string& segment : detail::split_path(key_path)) {
        if (current->is_map()) {
            const detail::Entry* entry = current->find(segment);
            if (entry == nullptr) {
                return found;
            }
            found = entry->key_position;
            current = &entry->value;
        } else if (current->is_sequence()) {
            std::size_t index = 0;
            const auto [end, error] =
                std::from_chars(segment.data(), segment.data() + segment.size(), index);
            if (error != std::errc{} || end != segment.data() + segment.size() ||
                index >= current->items.size()) {
                return found;
            }
            current = &current->items[index];
            found = current->position;
        } else {
            return found;
        }
    }
    return found;
}

std::string required_keys_text(Scenario& scenario) {
    std::string keys;
    for (const detail::KeyBlock& block : detail::KeyTable::of(scenario, "")) {
        for (const detail::KeyRow& row : block.rows) {
            if (row.required && row.path.find("<i>") == std::string::npos) {
                keys += message(keys.empty() ? "'" : ", '", row.path, "'");
            }
        }
    }
    return keys;
}

}  // namespace

Scenario load_scenario_text(std::string_view yaml, std::string_view file_label,
                            std::span<const Override> overrides) {
    detail::ParsedYaml parsed = detail::parse_yaml(yaml);
    std::vector<Finding> findings = std::move(parsed.findings);
    if (parsed.syntax_error) {
        throw_problems(findings, file_label, overrides);
    }
    Scenario scenario = default_scenario();
    Node& root = parsed.root;
    if (!parsed.has_document || root.is_null()) {
        findings.push_back({.position = {.line = 1, .column = 1},
                            .key_path = "",
                            .message = message("the scenario is empty; expected a block of keys "
                                               "with at least ",
                                               required_keys_text(scenario))});
        throw_problems(findings, file_label, overrides);
    }
    if (!root.is_map()) {
        findings.push_back({.position = root.position,
                            .key_path = "",
                            .message = message("the scenario is ", detail::describe_found(root),
                                               "; expected a block of keys (name: value) at the "
                                               "top level")});
        throw_problems(findings, file_label, overrides);
    }

    Scenario defaults_copy = scenario;
    const Node defaults = detail::Writer::to_tree(defaults_copy);
    detail::apply_overrides(root, overrides, defaults, findings);

    detail::ReadContext context;
    context.schema_paths = detail::KeyTable::paths(defaults_copy);
    detail::Reader top(context, &root, "", root.position);
    describe(top, scenario);
    top.finish();
    findings.insert(findings.end(), context.findings.begin(), context.findings.end());

    // Rules across keys are only meaningful once every key holds a valid value of its own.
    if (findings.empty()) {
        for (const ConsistencyProblem& problem : check_consistency(scenario)) {
            findings.push_back({.position = locate(root, problem.key_path),
                                .key_path = problem.key_path,
                                .message = problem.message});
        }
    }
    if (!findings.empty()) {
        throw_problems(findings, file_label, overrides);
    }
    return scenario;
}

Scenario load_scenario_file(const std::filesystem::path& file,
                            std::span<const Override> overrides) {
    std::error_code error;
    if (std::filesystem::is_directory(file, error)) {
        throw UsageError(message("cannot read the scenario '", file.string(),
                                 "': it is a directory; expected a YAML file"));
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw UsageError(message("cannot read the scenario '", file.string(),
                                 "': ", std::generic_category().message(errno)));
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        throw UsageError(message("cannot read the scenario '", file.string(), "'"));
    }
    return load_scenario_text(text.str(), file.string(), overrides);
}

}  // namespace jobsim::scenario
