// The schema as rows: every key's path, type, default, range, unit, source and documentation,
// grouped by block. The key reference (reference.md) prints it; tests use it to check that every
// key is documented and that scenarios/baseline.yaml names every key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/core/message.hpp"
#include "sim/scenario/describe.hpp"
#include "sim/scenario/detail/reader.hpp"
#include "sim/scenario/detail/values.hpp"
#include "sim/scenario/detail/writer.hpp"
#include "sim/scenario/detail/yaml_io.hpp"

namespace jobsim::scenario::detail {

/// One key of the schema.
struct KeyRow {
    std::string path;  ///< "population.persons"; list items as "labour_market.sectors.<i>.name"
    std::string type;  ///< "integer", "number", "true/false", "text", "choice", "list of blocks",
                       ///< "list of numbers", "list of integers"
    std::string default_value;  ///< as YAML would show it
    std::string allowed;        ///< range, choices, item count; a list's "each from 0 to 1"
    std::string unit;
    std::string source;
    std::string doc;
    bool required = false;
};

/// One block of the schema and its own keys (not those of blocks inside it).
struct KeyBlock {
    std::string path;  ///< "" for the top level
    std::string doc;
    std::vector<KeyRow> rows;
    std::string default_items_yaml;  ///< for a list's item block: the default list as YAML
};

class KeyTable {
public:
    template <ScalarField T>
    void field(std::string_view key, T& value, const Spec& spec) {
        std::string allowed;
        if constexpr (IntegerField<T>) {
            allowed = integer_range_text(integer_range<T>(spec));
        } else if constexpr (NumberField<T>) {
            allowed = number_range_text(spec);
        } else if constexpr (std::same_as<T, bool>) {
            allowed = "true, false";
        }
        add_row(key, type_name<T>(), to_node(value), std::move(allowed), spec);
    }

    template <ListField T>
    void field(std::string_view key, T& values, const Spec& spec) {
        add_row(key, type_name<T>(), to_node(values), list_allowed_text<T>(spec), spec);
    }

    template <class Enum, class Names>
    void choice(std::string_view key, Enum& value, const Names& names, const Spec& spec) {
        std::string allowed;
        std::string current;
        for (const auto& name : names) {
            allowed += message(allowed.empty() ? "" : "; ", "`", name.name, "`: ", name.doc);
            if (name.value == value) {
                current = name.name;
            }
        }
        add_row(key, "choice", Node::scalar(current, false), std::move(allowed), spec);
    }

    template <class Params>
    void section(std::string_view key, Params& params, std::string_view doc) {
        enter(join_path(current_path(), key), std::string(doc), params);
    }

    template <class Record>
    void records(std::string_view key, std::vector<Record>& items, const RecordsSpec& spec) {
        const std::string path = join_path(current_path(), key);
        KeyRow row{.path = path,
                   .type = "list of blocks",
                   .default_value = message(items.size(), items.size() == 1 ? " item" : " items"),
                   .allowed = records_count_text(spec),
                   .unit = "",
                   .source = "",
                   .doc = std::string(spec.doc),
                   .required = spec.required};
        blocks_[current_].rows.push_back(std::move(row));
        // Item keys are documented with the defaults of an item written without them.
        Record item{};
        Node defaults = Node::sequence();
        for (Record& existing : items) {
            defaults.items.push_back(Writer::to_tree(existing));
        }
        Node wrapper = Node::map();
        wrapper.entries.push_back({.key = std::string(key), .key_position = {}, .value = defaults});
        const std::size_t item_block = blocks_.size();
        enter(join_path(path, "<i>"),
              message("Each item of `", path,
                      "`. Keys left out of an item take the defaults below; "
                      "the list in a scenario replaces the default list."),
              item);
        blocks_[item_block].default_items_yaml = items.empty() ? "" : emit_yaml(wrapper);
    }

    /// The table of every key of `params`, top level first, then each block in describe() order.
    template <class Params>
    [[nodiscard]] static std::vector<KeyBlock> of(Params& params, std::string top_doc) {
        KeyTable table;
        table.blocks_.push_back(
            {.path = "", .doc = std::move(top_doc), .rows = {}, .default_items_yaml = {}});
        describe(table, params);
        return std::move(table.blocks_);
    }

    /// Every key path in the schema, in describe() order.
    template <class Params>
    [[nodiscard]] static std::vector<std::string> paths(Params& params) {
        std::vector<std::string> all;
        for (const KeyBlock& block : of(params, "")) {
            for (const KeyRow& row : block.rows) {
                all.push_back(row.path);
            }
        }
        return all;
    }

private:
    template <class Params>
    void enter(std::string path, std::string doc, Params& params) {
        const std::size_t parent = current_;
        current_ = blocks_.size();
        blocks_.push_back(
            {.path = std::move(path), .doc = std::move(doc), .rows = {}, .default_items_yaml = {}});
        describe(*this, params);
        current_ = parent;
    }

    [[nodiscard]] const std::string& current_path() const { return blocks_[current_].path; }

    void add_row(std::string_view key, std::string type, const Node& value, std::string allowed,
                 const Spec& spec) {
        blocks_[current_].rows.push_back({.path = join_path(current_path(), key),
                                          .type = std::move(type),
                                          .default_value = default_text(value),
                                          .allowed = std::move(allowed),
                                          .unit = std::string(spec.unit),
                                          .source = std::string(spec.source),
                                          .doc = std::string(spec.doc),
                                          .required = spec.required});
    }

    /// A default as YAML shows it: "text" quoted, 0.25, or a list on one line: [13, 26, 52].
    [[nodiscard]] static std::string default_text(const Node& value) {
        if (value.is_sequence()) {
            std::string flow = emit_yaml(value);
            while (!flow.empty() && flow.back() == '\n') {
                flow.pop_back();
            }
            return flow;
        }
        return value.quoted ? message("\"", value.text, "\"") : value.text;
    }

    std::vector<KeyBlock> blocks_;
    std::size_t current_ = 0;
};

}  // namespace jobsim::scenario::detail
