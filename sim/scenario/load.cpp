// Loading a scenario: parse the YAML into a tree, apply --set overrides to the tree, read the
// tree through describe() (types, ranges, unknown and missing keys), then check the rules that
// span several keys. Every problem is collected and thrown together as one ScenarioError.
#include "sim/scenario/load.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <optional>
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

/// The most problems a ScenarioError lists: a file of thousands of mistakes (or not a scenario at
/// all) gets the first ones and a count of the rest, not thousands of lines.
constexpr std::size_t max_problems_shown = 50;

/// Turns findings into problems that name the file (the one loaded or one it extends), or the
/// override that caused them.
[[noreturn]] void throw_problems(const std::vector<Finding>& findings,
                                 std::span<const std::string> files,
                                 std::span<const Override> overrides) {
    std::vector<ScenarioProblem> problems;
    problems.reserve(findings.size());
    for (const Finding& finding : findings) {
        const int origin = finding.position.origin;
        const bool from_override =
            origin >= 0 && static_cast<std::size_t>(origin) < overrides.size();
        const auto file = static_cast<std::size_t>(finding.position.file);
        problems.push_back({.file = from_override
                                        ? overrides[static_cast<std::size_t>(origin)].origin
                                        : files[file < files.size() ? file : 0],
                            .line = from_override ? 0 : finding.position.line,
                            .column = from_override ? 0 : finding.position.column,
                            .key_path = finding.key_path,
                            .message = finding.message});
    }
    if (problems.size() > max_problems_shown) {
        // The ScenarioError orders problems by file and line: keep the first ones in that order.
        std::vector<ScenarioProblem> sorted = ScenarioError(std::move(problems)).problems();
        const std::size_t hidden = sorted.size() - max_problems_shown;
        sorted.resize(max_problems_shown);
        ScenarioProblem more = sorted.back();
        more.key_path.clear();
        more.message = message("and ", hidden, " more problems not shown; expected the ",
                               max_problems_shown, " above fixed first");
        sorted.push_back(std::move(more));
        problems = std::move(sorted);
    }
    throw ScenarioError(std::move(problems));
}

/// The message for a scenario larger than max_scenario_bytes, with the file's size when known.
std::string too_large_text(const std::filesystem::path& file) {
    std::error_code code;
    const std::uintmax_t size = std::filesystem::file_size(file, code);
    return message(
        "the scenario is ", code ? message("more than ", max_scenario_bytes) : message(size),
        " bytes; expected a scenario file of at most ", max_scenario_bytes, " bytes (",
        max_scenario_bytes / (std::size_t{1024} * 1024), " MiB), refused before reading it");
}

/// Reads a whole file; nullopt (with errno's message in `error`) when it cannot be read. Reads at
/// most max_scenario_bytes + 1 bytes, so a huge file (or /dev/zero) is refused without reading
/// it all; the caller sees the extra byte and refuses the text.
std::optional<std::string> read_text(const std::filesystem::path& file, std::string& error) {
    std::error_code code;
    if (std::filesystem::is_directory(file, code)) {
        error = "it is a directory; expected a YAML file";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = std::generic_category().message(errno);
        return std::nullopt;
    }
    std::string text(max_scenario_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        error = "read error";
        return std::nullopt;
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

/// Follows `extends:` from `root` (read from a file in `dir`): the base file's tree, with its own
/// extends resolved, gets `root` laid over it. `files` collects the labels of files read, so
/// findings can name them; `chain` catches a file that extends itself.
void resolve_extends(Node& root, const std::filesystem::path& dir, std::vector<std::string>& files,
                     std::vector<std::filesystem::path>& chain, std::vector<Finding>& findings) {
    if (!root.is_map()) {
        return;
    }
    const auto it = std::find_if(root.entries.begin(), root.entries.end(),
                                 [](const detail::Entry& e) { return e.key == "extends"; });
    if (it == root.entries.end()) {
        return;
    }
    const detail::Entry extends = *it;
    root.entries.erase(it);
    const Position where =
        extends.value.is_scalar() ? extends.value.position : extends.key_position;
    if (!extends.value.is_scalar() || extends.value.text.empty()) {
        findings.push_back({.position = where,
                            .key_path = "extends",
                            .message = message("found ", detail::describe_found(extends.value),
                                               "; expected the path of a scenario file")});
        return;
    }
    const std::filesystem::path base_path = dir / extends.value.text;
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(base_path);
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
        findings.push_back({.position = where,
                            .key_path = "extends",
                            .message = message("'", base_path.string(),
                                               "' extends itself (through a chain of extends:)")});
        return;
    }
    std::string error;
    const std::optional<std::string> text = read_text(base_path, error);
    if (!text) {
        findings.push_back(
            {.position = where,
             .key_path = "extends",
             .message = message("cannot read the scenario '", base_path.string(), "': ", error)});
        return;
    }
    if (text->size() > max_scenario_bytes) {
        findings.push_back(
            {.position = where,
             .key_path = "extends",
             .message = message("'", base_path.string(), "': ", too_large_text(base_path))});
        return;
    }
    const int file = static_cast<int>(files.size());
    files.push_back(base_path.string());
    detail::ParsedYaml parsed = detail::parse_yaml(*text);
    for (Finding& finding : parsed.findings) {
        finding.position.file = file;
        findings.push_back(std::move(finding));
    }
    if (parsed.syntax_error) {
        return;
    }
    Node base = std::move(parsed.root);
    detail::set_file(base, file);
    if (!base.is_map()) {
        findings.push_back(
            {.position = base.position,
             .key_path = "extends",
             .message = message("'", base_path.string(), "' holds ", detail::describe_found(base),
                                "; expected a scenario (a block of keys)")});
        return;
    }
    chain.push_back(canonical);
    resolve_extends(base, base_path.parent_path(), files, chain, findings);
    chain.pop_back();
    detail::merge_over(base, std::move(root));
    root = std::move(base);
}

/// An arm's name becomes an HDF5 group and a table label: letters, digits, '_' and '-'.
bool valid_arm_name(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
    });
}

/// Reads `arms:`: each arm starts as a copy of the baseline regime and takes the keys it names.
void read_arms(const detail::Entry& arms, Scenario& scenario, detail::ReadContext& context) {
    if (!arms.value.is_map()) {
        context.findings.push_back(
            {.position = arms.value.is_null() ? arms.key_position : arms.value.position,
             .key_path = "arms",
             .message = message("found ", detail::describe_found(arms.value),
                                "; expected a block of arms, each a name with the regime keys "
                                "it changes (arms: {no_conditionality: {conditionality: "
                                "{enabled: false}}})")});
        return;
    }
    detail::Reader reader(context, &arms.value, "arms", arms.key_position);
    for (const detail::Entry& entry : arms.value.entries) {
        const std::string path = detail::join_path("arms", entry.key);
        if (!valid_arm_name(entry.key) || entry.key == scenario.regime.name) {
            context.findings.push_back(
                {.position = entry.key_position,
                 .key_path = path,
                 .message = entry.key == scenario.regime.name
                                ? message("the arm '", entry.key,
                                          "' has the name of the baseline regime (regime.name); "
                                          "expected a different name")
                                : message("'", entry.key,
                                          "' cannot name an arm; expected letters, digits, '_' "
                                          "and '-'")});
            continue;
        }
        if (entry.value.is_map() && entry.value.find("name") != nullptr) {
            context.findings.push_back({.position = entry.value.find("name")->key_position,
                                        .key_path = detail::join_path(path, "name"),
                                        .message = message("an arm's name is its key ('", entry.key,
                                                           "'); remove this line")});
            continue;
        }
        if (entry.value.is_null()) {
            // `treatment:` with nothing under it would silently be a copy of the baseline.
            context.findings.push_back(
                {.position = entry.key_position,
                 .key_path = path,
                 .message = message("the arm '", entry.key,
                                    "' names no regime keys; expected the regime keys it changes, "
                                    "e.g. ",
                                    entry.key, ": {conditionality: {enabled: false}}")});
            continue;
        }
        Regime arm = scenario.regime;
        reader.read_block(entry.value, path, entry.key_position, arm);
        arm.name = entry.key;
        scenario.arms.push_back(std::move(arm));
    }
    if (scenario.arms.size() + 1 > max_arms) {
        context.findings.push_back(
            {.position = arms.key_position,
             .key_path = "arms",
             .message = message("there are ", scenario.arms.size(), " arms; expected at most ",
                                max_arms - 1, " besides the baseline regime")});
    }
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
            // A value given by --set is located at the override, not at the file's key.
            found = entry->value.position.origin >= 0 ? entry->value.position : entry->key_position;
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

/// Rules across keys, for the baseline regime and for each arm (reported under arms.<name>).
void check_all_consistency(const Scenario& scenario, const Node& root,
                           std::vector<Finding>& findings) {
    for (const ConsistencyProblem& problem : check_consistency(scenario)) {
        findings.push_back({.position = locate(root, problem.key_path),
                            .key_path = problem.key_path,
                            .message = problem.message});
    }
    constexpr std::string_view regime_prefix = "regime.";
    for (const Regime& arm : scenario.arms) {
        Scenario as_arm = scenario;
        as_arm.regime = arm;
        as_arm.arms.clear();
        for (const ConsistencyProblem& problem : check_consistency(as_arm)) {
            if (!problem.key_path.starts_with(regime_prefix)) {
                continue;  // not about the regime: reported once above
            }
            const std::string path = detail::join_path(
                detail::join_path("arms", arm.name), problem.key_path.substr(regime_prefix.size()));
            findings.push_back(
                {.position = locate(root, path), .key_path = path, .message = problem.message});
        }
    }
}

}  // namespace

Scenario load_scenario_text(std::string_view yaml, std::string_view file_label,
                            std::span<const Override> overrides, const ScenarioCheck& check) {
    std::vector<std::string> files{std::string(file_label)};
    if (yaml.size() > max_scenario_bytes) {
        throw_problems(
            {{.position = {.line = 1, .column = 1},
              .key_path = "",
              .message = message("the scenario is ", yaml.size(), " bytes; expected at most ",
                                 max_scenario_bytes, " bytes (",
                                 max_scenario_bytes / (std::size_t{1024} * 1024), " MiB)")}},
            files, overrides);
    }
    detail::ParsedYaml parsed = detail::parse_yaml(yaml);
    std::vector<Finding> findings = std::move(parsed.findings);
    if (parsed.syntax_error) {
        throw_problems(findings, files, overrides);
    }
    Scenario scenario = default_scenario();
    Node& root = parsed.root;
    if (!parsed.has_document || root.is_null()) {
        findings.push_back({.position = {.line = 1, .column = 1},
                            .key_path = "",
                            .message = message("the scenario is empty; expected a block of keys "
                                               "with at least ",
                                               required_keys_text(scenario))});
        throw_problems(findings, files, overrides);
    }
    if (!root.is_map()) {
        findings.push_back({.position = root.position,
                            .key_path = "",
                            .message = message("the scenario is ", detail::describe_found(root),
                                               "; expected a block of keys (name: value) at the "
                                               "top level")});
        throw_problems(findings, files, overrides);
    }
    std::vector<std::filesystem::path> chain{
        std::filesystem::weakly_canonical(std::filesystem::path(file_label))};
    resolve_extends(root, std::filesystem::path(file_label).parent_path(), files, chain, findings);
    if (!findings.empty()) {
        throw_problems(findings, files, overrides);
    }

    Scenario defaults_copy = scenario;
    const Node defaults = detail::Writer::to_tree(defaults_copy);
    detail::apply_overrides(root, overrides, defaults, findings);

    // `arms` holds regimes, read after the baseline regime they change.
    std::optional<detail::Entry> arms;
    const auto arms_at = std::find_if(root.entries.begin(), root.entries.end(),
                                      [](const detail::Entry& e) { return e.key == "arms"; });
    if (arms_at != root.entries.end()) {
        arms = *arms_at;
        root.entries.erase(arms_at);
    }

    detail::ReadContext context;
    context.homes = detail::key_homes(detail::KeyTable::paths(defaults_copy));
    detail::Reader top(context, &root, "", root.position);
    describe(top, scenario);
    top.finish();
    if (arms) {
        read_arms(*arms, scenario, context);
        root.entries.push_back(std::move(*arms));  // so problems in arms can be located
    }
    findings.insert(findings.end(), context.findings.begin(), context.findings.end());

    // Rules across keys are only meaningful once every key holds a valid value of its own.
    if (findings.empty()) {
        check_all_consistency(scenario, root, findings);
    }
    if (findings.empty() && check) {
        for (const ConsistencyProblem& problem : check(scenario)) {
            findings.push_back({.position = locate(root, problem.key_path),
                                .key_path = problem.key_path,
                                .message = problem.message});
        }
    }
    if (!findings.empty()) {
        throw_problems(findings, files, overrides);
    }
    return scenario;
}

Scenario load_scenario_file(const std::filesystem::path& file, std::span<const Override> overrides,
                            const ScenarioCheck& check) {
    std::string error;
    const std::optional<std::string> text = read_text(file, error);
    if (!text) {
        throw UsageError(message("cannot read the scenario '", file.string(), "': ", error));
    }
    if (text->size() > max_scenario_bytes) {
        throw ScenarioError({ScenarioProblem{.file = file.string(),
                                             .line = 1,
                                             .column = 1,
                                             .key_path = "",
                                             .message = too_large_text(file)}});
    }
    return load_scenario_text(*text, file.string(), overrides, check);
}

}  // namespace jobsim::scenario
