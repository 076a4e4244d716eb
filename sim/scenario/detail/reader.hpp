// The loading visitor: walks describe() over a parameter struct and a tree block side by side,
// storing each valid value and collecting a Finding for every key that is missing, unknown,
// of the wrong type or out of range (for a list, every element out of range, under
// "key.<index>"). Values with a problem keep their defaults.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/core/message.hpp"
#include "sim/scenario/describe.hpp"
#include "sim/scenario/detail/tree.hpp"
#include "sim/scenario/detail/values.hpp"

namespace jobsim::scenario::detail {

/// Every key and block name of the schema, each with the paths where it is found:
/// "mentoring" -> {"regime.mentoring"}, "persons" -> {"population.persons"}.
using KeyHomes = std::unordered_map<std::string, std::vector<std::string>>;

/// The homes of every name in `schema_paths` (each path's keys and the blocks holding them).
[[nodiscard]] KeyHomes key_homes(const std::vector<std::string>& schema_paths);

/// What every Reader of one document shares.
struct ReadContext {
    std::vector<Finding> findings;
    /// Where each key of the schema lives, for suggesting a key that belongs in another block.
    KeyHomes homes;
};

/// "from 1 to 255 items", "at least 1 item", or "" when any number will do (item_count_text).
[[nodiscard]] std::string records_count_text(const RecordsSpec& spec);
/// "a list of blocks (from 1 to 255 items)".
[[nodiscard]] std::string expected_records(const RecordsSpec& spec);
/// "a block of keys".
[[nodiscard]] std::string expected_block();
/// "one of: a, b, c".
[[nodiscard]] std::string expected_choice(const std::vector<std::string>& allowed);
/// "unknown key 'persns'; did you mean 'persons'?" (or the keys expected there).
[[nodiscard]] std::string unknown_key_message(std::string_view key, std::string_view block_path,
                                              const std::vector<std::string>& known,
                                              const KeyHomes& homes);

class Reader {
public:
    /// `block` is the map being read, or nullptr when the block is absent (every key keeps its
    /// default); `position` is where missing keys are reported (the block's own key).
    Reader(ReadContext& context, const Node* block, std::string path, Position position)
        : context_(context), block_(block), path_(std::move(path)), position_(position) {}

    template <ScalarField T>
    void field(std::string_view key, T& value, const Spec& spec) {
        const Entry* entry = visit(key, spec.required, expected_for<T>(spec));
        if (entry == nullptr) {
            return;
        }
        if (auto problem = read_value(entry->value, value, spec)) {
            report(value_position(*entry), join_path(path_, key), std::move(*problem));
        }
    }

    template <ListField T>
    void field(std::string_view key, T& value, const Spec& spec) {
        const std::string expected = expected_for<T>(spec);
        const Entry* entry = visit(key, spec.required, expected);
        if (entry == nullptr) {
            return;
        }
        const std::string path = join_path(path_, key);
        const Node& node = entry->value;
        // On the command line one value stands for a one-element list: --set key=13.
        const bool single_override = node.is_scalar() && node.position.origin >= 0;
        if (!single_override) {
            if (auto problem = list_kind_problem(node, expected)) {
                report(value_position(*entry), path, std::move(*problem));
                return;
            }
        }
        const std::span<const Node> elements =
            single_override ? std::span<const Node>(&node, 1) : std::span<const Node>(node.items);
        T read_values;
        const bool all_read = read_elements(elements, path, !single_override, spec, read_values);
        if (auto problem =
                list_count_problem(elements.size(), spec.min_items, spec.max_items, expected)) {
            report(value_position(*entry), path, std::move(*problem));
            return;
        }
        if (all_read) {
            value = std::move(read_values);
        }
    }

    template <class Enum, class Names>
    void choice(std::string_view key, Enum& value, const Names& names, const Spec& spec) {
        std::vector<std::string> allowed;
        allowed.reserve(std::size(names));
        for (const auto& name : names) {
            allowed.emplace_back(name.name);
        }
        const Entry* entry = visit(key, spec.required, expected_choice(allowed));
        if (entry == nullptr) {
            return;
        }
        const Node& node = entry->value;
        if (node.is_scalar()) {
            for (const auto& name : names) {
                if (node.text == name.name) {
                    value = name.value;
                    return;
                }
            }
        }
        report(value_position(*entry), join_path(path_, key), choice_problem(node, allowed));
    }

    template <class Params>
    void section(std::string_view key, Params& params, std::string_view /*doc*/) {
        const Entry* entry = visit(key, false, expected_block());
        const std::string path = join_path(path_, key);
        if (entry == nullptr) {
            // Absent: defaults stand, but required keys inside must still be reported.
            Reader inner(context_, nullptr, path, position_);
            describe(inner, params);
            return;
        }
        read_block(entry->value, path, entry->key_position, params);
    }

    template <class Record>
    void records(std::string_view key, std::vector<Record>& items, const RecordsSpec& spec) {
        const Entry* entry = visit(key, spec.required, expected_records(spec));
        if (entry == nullptr) {
            return;
        }
        const std::string path = join_path(path_, key);
        const Node& list = entry->value;
        if (!list.is_sequence()) {
            report(value_position(*entry), path,
                   message("found ", describe_found(list), "; expected ", expected_records(spec)));
            return;
        }
        // The file's list replaces the default list; items start from a default Record.
        std::vector<Record> read_items;
        read_items.reserve(list.items.size());
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            Record item{};
            const Node& node = list.items[i];
            read_block(node, join_path(path, std::to_string(i)), node.position, item);
            read_items.push_back(std::move(item));
        }
        if (auto problem = list_count_problem(list.items.size(), spec.min_items, spec.max_items,
                                              expected_records(spec))) {
            report(value_position(*entry), path, std::move(*problem));
            return;
        }
        items = std::move(read_items);
    }

    /// Reports every key of the block that describe() did not name.
    void finish();

    /// Reads `node` (a block, or null for an empty block) into `params`.
    template <class Params>
    void read_block(const Node& node, const std::string& path, Position position, Params& params) {
        if (!node.is_map() && !node.is_null()) {
            report(node.position.origin >= 0 ? node.position : position, path,
                   message("found ", describe_found(node), "; expected ", expected_block()));
            return;
        }
        Reader inner(context_, node.is_map() ? &node : nullptr, path, position);
        describe(inner, params);
        inner.finish();
    }

private:
    /// Reads each element into `values`, reporting each bad one at its position under
    /// "path.<index>" (or `path` when `indexed` is false); true when all were read.
    template <class List>
    bool read_elements(std::span<const Node> elements, const std::string& path, bool indexed,
                       const Spec& spec, List& values) {
        bool all_read = true;
        values.reserve(elements.size());
        for (std::size_t i = 0; i < elements.size(); ++i) {
            typename List::value_type element{};
            if (auto problem = read_value(elements[i], element, spec)) {
                report(elements[i].position, indexed ? join_path(path, std::to_string(i)) : path,
                       std::move(*problem));
                all_read = false;
            }
            values.push_back(element);
        }
        return all_read;
    }

    /// Records `key` as known; returns its entry, or nullptr (reporting it if required).
    const Entry* visit(std::string_view key, bool required, const std::string& expected);
    void report(Position position, std::string key_path, std::string text);
    void drop_missing(const std::string& key);
    [[nodiscard]] static Position value_position(const Entry& entry);
    [[nodiscard]] static std::string choice_problem(const Node& node,
                                                    const std::vector<std::string>& allowed);

    ReadContext& context_;
    const Node* block_;
    std::string path_;
    Position position_;
    std::vector<std::string> known_;    ///< keys describe() named, for unknown-key checks
    std::vector<std::string> missing_;  ///< required keys not found
};

}  // namespace jobsim::scenario::detail
