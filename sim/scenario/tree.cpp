#include "sim/scenario/detail/tree.hpp"

#include <algorithm>

#include "sim/core/message.hpp"

namespace jobsim::scenario::detail {

const Entry* Node::find(std::string_view key) const {
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [key](const Entry& entry) { return entry.key == key; });
    return found == entries.end() ? nullptr : &*found;
}

Entry* Node::find(std::string_view key) {
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [key](const Entry& entry) { return entry.key == key; });
    return found == entries.end() ? nullptr : &*found;
}

Node Node::scalar(std::string text, bool quoted, Position position) {
    Node node;
    node.kind = Kind::scalar;
    node.text = std::move(text);
    node.quoted = quoted;
    node.position = position;
    return node;
}

Node Node::map(Position position) {
    Node node;
    node.kind = Kind::map;
    node.position = position;
    return node;
}

Node Node::sequence(Position position) {
    Node node;
    node.kind = Kind::sequence;
    node.position = position;
    return node;
}

std::string describe_found(const Node& node) {
    switch (node.kind) {
        case Node::Kind::null:
            return "no value";
        case Node::Kind::scalar:
            return node.quoted ? message("\"", node.text, "\"") : message("'", node.text, "'");
        case Node::Kind::sequence:
            return "a list";
        case Node::Kind::map:
            return "a block of keys";
    }
    return "a value";
}

std::string join_path(std::string_view path, std::string_view key) {
    if (path.empty()) {
        return std::string(key);
    }
    return message(path, '.', key);
}

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        if (dot == std::string_view::npos) {
            segments.emplace_back(path.substr(start));
            return segments;
        }
        segments.emplace_back(path.substr(start, dot - start));
        start = dot + 1;
    }
}

void set_origin(Node& node, Position position) {
    node.position = position;
    for (Node& item : node.items) {
        set_origin(item, position);
    }
    for (Entry& entry : node.entries) {
        entry.key_position = position;
        set_origin(entry.value, position);
    }
}

void set_file(Node& node, int file) {
    node.position.file = file;
    for (Node& item : node.items) {
        set_file(item, file);
    }
    for (Entry& entry : node.entries) {
        entry.key_position.file = file;
        set_file(entry.value, file);
    }
}

void merge_over(Node& base, Node over) {
    if (!base.is_map() || !over.is_map()) {
        base = std::move(over);
        return;
    }
    for (Entry& entry : over.entries) {
        Entry* existing = base.find(entry.key);
        if (existing == nullptr) {
            base.entries.push_back(std::move(entry));
        } else {
            existing->key_position = entry.key_position;
            merge_over(existing->value, std::move(entry.value));
        }
    }
}

}  // namespace jobsim::scenario::detail
