// The writing visitor: walks describe() over a parameter struct and builds the tree of every key
// with its current value, in describe() order. to_yaml() and the key reference use it.
#pragma once

#include <string_view>
#include <vector>

#include "sim/scenario/describe.hpp"
#include "sim/scenario/detail/tree.hpp"
#include "sim/scenario/detail/values.hpp"

namespace jobsim::scenario::detail {

class Writer {
public:
    explicit Writer(Node& block) : block_(block) {}

    template <FieldValue T>
    void field(std::string_view key, T& value, const Spec& /*spec*/) {
        add(key, to_node(value));
    }

    template <class Enum, class Names>
    void choice(std::string_view key, Enum& value, const Names& names, const Spec& /*spec*/) {
        for (const auto& name : names) {
            if (name.value == value) {
                add(key, Node::scalar(std::string(name.name), false));
                return;
            }
        }
        add(key, Node{});
    }

    template <class Params>
    void section(std::string_view key, Params& params, std::string_view /*doc*/) {
        add(key, to_tree(params));
    }

    template <class Record>
    void records(std::string_view key, std::vector<Record>& items, const RecordsSpec& /*spec*/) {
        Node list = Node::sequence();
        for (Record& item : items) {
            list.items.push_back(to_tree(item));
        }
        add(key, std::move(list));
    }

    /// The tree of every key of `params` with its value.
    template <class Params>
    [[nodiscard]] static Node to_tree(Params& params) {
        Node block = Node::map();
        Writer writer(block);
        describe(writer, params);
        return block;
    }

private:
    void add(std::string_view key, Node value) {
        block_.entries.push_back(
            {.key = std::string(key), .key_position = {}, .value = std::move(value)});
    }

    Node& block_;
};

}  // namespace jobsim::scenario::detail
