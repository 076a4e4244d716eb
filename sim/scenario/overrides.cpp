// --set key.path=value: the one path syntax (dots, list items by index) shared with sweeps.
#include "sim/scenario/detail/overrides.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/scenario/detail/yaml_io.hpp"
#include "sim/scenario/did_you_mean.hpp"

namespace jobsim::scenario {

namespace {

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const std::size_t last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

[[noreturn]] void bad_override(const std::string& origin, std::string what) {
    throw ScenarioError({ScenarioProblem{
        .file = origin, .line = 0, .column = 0, .key_path = "", .message = std::move(what)}});
}

}  // namespace

Override parse_override(std::string_view text) {
    const std::string origin = message("--set ", text);
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) {
        bad_override(origin,
                     "no '=' in the override; expected key.path=value, e.g. --set "
                     "population.persons=20000");
    }
    const std::string_view key_path = trim(text.substr(0, equals));
    if (key_path.empty()) {
        bad_override(origin,
                     "no key before '='; expected key.path=value, e.g. --set "
                     "population.persons=20000");
    }
    for (const std::string& segment : detail::split_path(key_path)) {
        if (segment.empty()) {
            bad_override(origin, message("the key path '", key_path,
                                         "' has an empty part; expected names separated by "
                                         "single dots, e.g. labour_market.sectors.0.name"));
        }
    }
    return {.key_path = std::string(key_path),
            .value = std::string(text.substr(equals + 1)),
            .origin = origin};
}

namespace detail {

namespace {

/// A list index: digits only, no sign.
bool parse_index(const std::string& segment, std::size_t& index) {
    if (segment.empty() || segment.find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    const auto [end, error] =
        std::from_chars(segment.data(), segment.data() + segment.size(), index);
    return error == std::errc{} && end == segment.data() + segment.size();
}

/// The child of a defaults-tree node at one path segment, or nullptr.
const Node* default_child(const Node* node, const std::string& segment) {
    if (node == nullptr) {
        return nullptr;
    }
    if (node->is_map()) {
        const Entry* entry = node->find(segment);
        return entry == nullptr ? nullptr : &entry->value;
    }
    std::size_t index = 0;
    if (node->is_sequence() && parse_index(segment, index) && index < node->items.size()) {
        return &node->items[index];
    }
    return nullptr;
}

/// Reads the override's value text as a YAML scalar or flow node; nullopt on a syntax error.
std::optional<Node> parse_value(const Override& override_value, Position origin,
                                std::vector<Finding>& findings) {
    ParsedYaml parsed = parse_yaml(override_value.value);
    if (parsed.syntax_error || !parsed.findings.empty()) {
        findings.push_back({.position = origin,
                            .key_path = override_value.key_path,
                            .message = message("cannot read the value '", override_value.value,
                                               "': ", parsed.findings.front().message)});
        return std::nullopt;
    }
    Node value = parsed.has_document ? std::move(parsed.root) : Node{};
    set_origin(value, origin);
    return value;
}

/// A --set under `arms.<name>` changes an arm the file has; a misspelt name would otherwise add a
/// new arm silently. Reports the problem and returns the unknown name ("" when the arm exists).
std::string unknown_arm(const Node& root, const std::vector<std::string>& segments, Position origin,
                        std::vector<Finding>& findings) {
    if (segments.size() < 2 || segments.front() != "arms") {
        return {};
    }
    const Entry* arms = root.is_map() ? root.find("arms") : nullptr;
    std::vector<std::string> names;
    if (arms != nullptr && arms->value.is_map()) {
        for (const Entry& arm : arms->value.entries) {
            names.push_back(arm.key);
        }
    }
    const std::string& name = segments[1];
    if (std::find(names.begin(), names.end(), name) != names.end()) {
        return {};
    }
    std::string text = message("the scenario has no arm '", name, "'");
    if (const auto suggestion = did_you_mean(name, names)) {
        text += message("; did you mean '", *suggestion, "'?");
    }
    if (names.empty()) {
        text +=
            "; expected an arm written under `arms:` in the file (--set changes arms, it does "
            "not add them)";
    } else {
        std::string listed;
        for (const std::string& known : names) {
            listed += message(listed.empty() ? "" : ", ", known);
        }
        text += message(" (expected one of: ", listed,
                        "; --set changes arms written in the file, it does not add them)");
    }
    findings.push_back(
        {.position = origin, .key_path = join_path("arms", name), .message = std::move(text)});
    return name;
}

void apply_one(Node& root, const Override& override_value, Position origin, const Node& defaults,
               std::vector<Finding>& findings) {
    std::optional<Node> value = parse_value(override_value, origin, findings);
    if (!value) {
        return;
    }
    const std::vector<std::string> segments = split_path(override_value.key_path);
    if (!unknown_arm(root, segments, origin, findings).empty()) {
        return;
    }
    Node* current = &root;
    const Node* current_default = &defaults;
    std::string walked;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& segment = segments[i];
        const bool last = i + 1 == segments.size();
        const Node* child_default = default_child(current_default, segment);
        if (current->is_sequence()) {
            std::size_t index = 0;
            const std::size_t size = current->items.size();
            const std::string range = size == 0
                                          ? "the list is empty"
                                          : message("expected an item number from 0 to ", size - 1);
            if (!parse_index(segment, index)) {
                findings.push_back({.position = origin,
                                    .key_path = join_path(walked, segment),
                                    .message = message("'", segment, "' is not an item number of ",
                                                       "the list '", walked, "'; ", range)});
                return;
            }
            if (index >= size) {
                findings.push_back(
                    {.position = origin,
                     .key_path = join_path(walked, segment),
                     .message =
                         message("item ", index, " does not exist: the list '", walked, "' has ",
                                 size, size == 1 ? " item; " : " items; ", range)});
                return;
            }
            if (last) {
                current->items[index] = std::move(*value);
                return;
            }
            current = &current->items[index];
        } else {
            if (!current->is_map()) {
                // A value (or nothing) where the path needs a block: the override makes it a
                // block, and validation then reports it against the key's expected type.
                *current = Node::map(origin);
            }
            Entry* entry = current->find(segment);
            if (last) {
                if (entry == nullptr) {
                    current->entries.push_back(
                        {.key = segment, .key_position = origin, .value = std::move(*value)});
                } else {
                    entry->value = std::move(*value);
                }
                return;
            }
            if (entry == nullptr) {
                // A list the file leaves at its default is copied in, so an item can be changed.
                Node created = Node::map(origin);
                if (child_default != nullptr && child_default->is_sequence()) {
                    created = *child_default;
                    set_origin(created, origin);
                }
                current->entries.push_back(
                    {.key = segment, .key_position = origin, .value = std::move(created)});
                entry = &current->entries.back();
            }
            current = &entry->value;
        }
        walked = join_path(walked, segment);
        current_default = child_default;
    }
}

}  // namespace

void apply_overrides(Node& root, std::span<const Override> overrides, const Node& defaults,
                     std::vector<Finding>& findings) {
    for (std::size_t k = 0; k < overrides.size(); ++k) {
        const Position origin{.line = 0, .column = 0, .origin = static_cast<int>(k)};
        apply_one(root, overrides[k], origin, defaults, findings);
    }
}

}  // namespace detail

}  // namespace jobsim::scenario
