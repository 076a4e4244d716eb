// yaml-cpp stays in this file: events from YAML::Parser build a Node tree that keeps every
// key's position and makes duplicate keys visible (yaml-cpp's own nodes keep the first silently).
#include "sim/scenario/detail/yaml_io.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <utility>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/message.hpp"

namespace jobsim::scenario::detail {

namespace {

Position position_of(const YAML::Mark& mark) {
    if (mark.is_null() || mark.line < 0) {
        return {};
    }
    return {.line = mark.line + 1, .column = mark.column + 1};
}

/// Thrown by the tree builder to stop the parser: a limit is passed or a quote is not closed.
struct StopReading {
    Finding finding;
};

/// Whether the quoted scalar starting at `pos` of `text` has its closing quote. yaml-cpp 0.7 reads
/// a quote left open in the middle of a file to the end of the file as one long text, silently.
bool quote_closed(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) {
        return true;  // not written in quotes (a tag such as !!str): nothing to check
    }
    const char quote = text[pos];
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;  // an escape: the next character is part of the text
        } else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;  // '' is a quote inside single quotes
                continue;
            }
            return true;
        }
    }
    return false;
}

/// Builds the tree from parser events, keeping a stack of the blocks and lists still open.
class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(std::vector<Finding>& findings, std::string_view text)
        : findings_(findings), text_(text) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        ++documents_;
        document_position_ = position_of(mark);
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        count(1, mark);
        Node node;
        node.position = position_of(mark);
        complete(std::move(node), anchor, 1);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        // Counted before the copy: an alias repeats every node of its anchor.
        const auto size = anchor_sizes_.find(anchor);
        const std::size_t nodes = size == anchor_sizes_.end() ? 1 : size->second;
        count(nodes, mark);
        const auto found = anchors_.find(anchor);
        Node node = found == anchors_.end() ? Node{} : found->second;
        node.position = position_of(mark);
        complete(std::move(node), 0, nodes);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        count(1, mark);
        // "?" is a plain scalar; "!" a quoted one; an explicit tag such as !!str also makes text.
        const bool quoted = !(tag.empty() || tag == "?");
        if (quoted && mark.pos >= 0 && !quote_closed(text_, static_cast<std::size_t>(mark.pos))) {
            throw StopReading{{.position = position_of(mark),
                               .key_path = child_path(),
                               .message = "YAML syntax error: the quote opened here is not closed; "
                                          "expected a matching quote before the end of the value"}};
        }
        complete(Node::scalar(value, quoted, position_of(mark)), anchor, 1);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open_container(mark);
        open_.push_back({.node = Node::sequence(position_of(mark)),
                         .anchor = anchor,
                         .path = child_path(),
                         .flow = style == YAML::EmitterStyle::Flow});
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open_container(mark);
        open_.push_back({.node = Node::map(position_of(mark)),
                         .anchor = anchor,
                         .path = child_path(),
                         .flow = style == YAML::EmitterStyle::Flow});
    }
    void OnMapEnd() override { close(); }

    [[nodiscard]] int documents() const { return documents_; }
    [[nodiscard]] Position document_position() const { return document_position_; }
    [[nodiscard]] bool has_root() const { return has_root_; }
    [[nodiscard]] Node take_root() { return std::move(root_); }

    /// The key path the parser was inside when it stopped, or the last key it read.
    [[nodiscard]] std::string current_path() const {
        std::string path = open_.empty() ? std::string() : child_path();
        return path.empty() ? last_path_ : path;
    }

    /// The innermost '[' (sequence) or '{' (block) still open: where it was written, its path.
    [[nodiscard]] std::optional<std::pair<Position, std::string>> open_flow(bool sequence) const {
        // Innermost first: backwards (clang-tidy 14 would ask for a range-for it cannot reverse).
        // NOLINTNEXTLINE(modernize-loop-convert)
        for (auto open = open_.rbegin(); open != open_.rend(); ++open) {
            if (open->flow && open->node.is_sequence() == sequence) {
                return std::pair{open->node.position, open->path};
            }
        }
        return std::nullopt;
    }

private:
    struct Open {
        Node node;
        YAML::anchor_t anchor = 0;
        std::string path;
        bool flow = false;     ///< written as [..] or {..}
        bool has_key = false;  ///< a map has read a key and waits for its value
        std::string key{};
        Position key_position{};
        std::size_t nodes = 1;  ///< nodes in this block or list so far, itself included
        /// A map's keys and the line each was first given at: duplicates are found without a
        /// search through every entry (a file of many keys stays linear).
        std::unordered_map<std::string, int> key_lines{};
    };

    /// Counts `nodes` more nodes; stops the parser past max_yaml_nodes.
    void count(std::size_t nodes, const YAML::Mark& mark) {
        nodes_ += nodes;
        if (nodes_ > max_yaml_nodes) {
            throw StopReading{
                {.position = position_of(mark),
                 .key_path = child_path(),
                 .message = message("the document holds more than ", max_yaml_nodes,
                                    " values (an alias counts every value it "
                                    "repeats); expected a scenario of ordinary size")}};
        }
    }

    /// Counts a block or list about to open; stops the parser past max_yaml_depth levels.
    void open_container(const YAML::Mark& mark) {
        count(1, mark);
        if (open_.size() >= max_yaml_depth) {
            // Named by the top-level key holding the nesting, not by a path 64 keys long.
            throw StopReading{
                {.position = position_of(mark),
                 .key_path = open_.size() > 1 ? open_[1].path : std::string(),
                 .message = message("blocks and lists nested more than ", max_yaml_depth,
                                    " levels deep; expected a scenario's few levels "
                                    "(at most ",
                                    max_yaml_depth, ")")}};
        }
    }

    /// The path a node completed now would have.
    [[nodiscard]] std::string child_path() const {
        if (open_.empty()) {
            return {};
        }
        const Open& top = open_.back();
        if (top.node.is_sequence()) {
            return join_path(top.path, std::to_string(top.node.items.size()));
        }
        return top.has_key ? join_path(top.path, top.key) : top.path;
    }

    void close() {
        Open closed = std::move(open_.back());
        open_.pop_back();
        complete(std::move(closed.node), closed.anchor, closed.nodes);
    }

    /// Adds a finished node (of `nodes` nodes) to the block or list open, or makes it the root.
    void complete(Node node, YAML::anchor_t anchor, std::size_t nodes) {
        if (anchor != 0) {
            anchors_[anchor] = node;
            anchor_sizes_[anchor] = nodes;
        }
        if (open_.empty()) {
            root_ = std::move(node);
            has_root_ = true;
            return;
        }
        Open& top = open_.back();
        top.nodes += nodes;
        if (top.node.is_sequence()) {
            top.node.items.push_back(std::move(node));
            return;
        }
        if (!top.has_key) {
            accept_key(top, node);
            return;
        }
        top.has_key = false;
        last_path_ = join_path(top.path, top.key);
        if (const auto [first, added] = top.key_lines.try_emplace(top.key, top.key_position.line);
            !added) {
            findings_.push_back(
                {.position = top.key_position,
                 .key_path = join_path(top.path, top.key),
                 .message = message("duplicate key '", top.key, "' (first given at line ",
                                    first->second, "); expected each key once in a block")});
            return;
        }
        if (top.node.entries.size() >= max_yaml_block_keys) {
            throw StopReading{{.position = top.key_position,
                               .key_path = top.path,
                               .message = message("the block holds more than ", max_yaml_block_keys,
                                                  " keys; expected a scenario block's few dozen")}};
        }
        top.node.entries.push_back({.key = std::move(top.key),
                                    .key_position = top.key_position,
                                    .value = std::move(node)});
    }

    void accept_key(Open& top, const Node& key) {
        top.has_key = true;
        top.key_position = key.position;
        if (key.is_scalar()) {
            top.key = key.text;
            return;
        }
        top.key.assign(1, key.is_null() ? '~' : '?');
        findings_.push_back({.position = key.position,
                             .key_path = top.path,
                             .message = message("a key must be a name, found ", describe_found(key),
                                                "; expected name: value")});
    }

    std::vector<Finding>& findings_;
    std::string_view text_;
    std::vector<Open> open_;
    std::map<YAML::anchor_t, Node> anchors_;
    std::map<YAML::anchor_t, std::size_t> anchor_sizes_;
    std::size_t nodes_ = 0;
    Node root_;
    bool has_root_ = false;
    std::string last_path_;
    int documents_ = 0;
    Position document_position_;
};

/// The line of `text` at a 1-based line number.
std::string_view line_of(std::string_view text, int line) {
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        const std::size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) {
            return {};
        }
        start = newline + 1;
    }
    const std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
}

bool indented_with_tab(std::string_view line) {
    for (const char c : line) {
        if (c == '\t') {
            return true;
        }
        if (c != ' ') {
            return false;
        }
    }
    return false;
}

/// yaml-cpp's terse messages, with what a user should check.
std::string explain_syntax_error(const std::string& what, std::string_view text, int line) {
    const bool tab = indented_with_tab(line_of(text, line)) ||
                     (line > 1 && indented_with_tab(line_of(text, line - 1)));
    if (tab) {
        return message("YAML syntax error (", what,
                       "): a tab indents this line; expected indentation with spaces only");
    }
    if (what == "end of sequence flow not found") {
        return message("YAML syntax error (", what,
                       "): a '[' opened here is not closed; expected a matching ']'");
    }
    if (what == "illegal EOF in scalar") {
        return message("YAML syntax error (", what,
                       "): a quote opened on this line is not closed; expected a matching quote");
    }
    if (what == "end of map flow not found") {
        return message("YAML syntax error (", what,
                       "): a '{' opened here is not closed; expected a matching '}'");
    }
    return message("YAML syntax error (", what,
                   "); expected 'key: value' lines, each block indented with spaces by the same "
                   "amount");
}

bool all_scalars(const std::vector<Node>& items) {
    return std::all_of(items.begin(), items.end(),
                       [](const Node& item) { return item.is_scalar(); });
}

void emit(YAML::Emitter& out, const Node& node) {
    switch (node.kind) {
        case Node::Kind::null:
            out << YAML::Null;
            return;
        case Node::Kind::scalar:
            if (node.quoted) {
                out << YAML::DoubleQuoted << node.text;
            } else {
                out << node.text;
            }
            return;
        case Node::Kind::sequence:
            if (all_scalars(node.items)) {
                out << YAML::Flow;  // a list of values on one line: [13, 26, 52]
            }
            out << YAML::BeginSeq;
            for (const Node& item : node.items) {
                emit(out, item);
            }
            out << YAML::EndSeq;
            return;
        case Node::Kind::map:
            out << YAML::BeginMap;
            for (const Entry& entry : node.entries) {
                out << YAML::Key << entry.key << YAML::Value;
                emit(out, entry.value);
            }
            out << YAML::EndMap;
            return;
    }
}

}  // namespace

ParsedYaml parse_yaml(std::string_view text) {
    ParsedYaml parsed;
    std::istringstream stream{std::string(text)};
    TreeBuilder builder(parsed.findings, text);
    try {
        YAML::Parser parser(stream);
        if (!parser.HandleNextDocument(builder)) {
            return parsed;
        }
        parsed.has_document = true;
        parsed.root = builder.take_root();
        if (parser.HandleNextDocument(builder)) {
            parsed.findings.push_back(
                {.position = builder.document_position(),
                 .key_path = "",
                 .message = "a second YAML document starts here ('---'); expected one scenario "
                            "per file"});
        }
    } catch (const StopReading& stop) {
        parsed.has_document = true;
        parsed.syntax_error = true;
        parsed.findings.push_back(stop.finding);
    } catch (const YAML::ParserException& error) {
        Position where = position_of(error.mark);
        std::string key_path = builder.current_path();
        std::string explanation = explain_syntax_error(error.msg, text, where.line);
        // An unclosed bracket is found only where the text ends: point at the bracket instead.
        const bool unclosed_sequence = error.msg == "end of sequence flow not found";
        const bool unclosed_map = error.msg == "end of map flow not found";
        if (unclosed_sequence || unclosed_map) {
            if (const auto opened = builder.open_flow(unclosed_sequence)) {
                explanation += message(" (the parser stopped at line ", where.line, ", column ",
                                       where.column, ")");
                where = opened->first;
                key_path = opened->second;
            }
        }
        parsed.has_document = true;
        parsed.syntax_error = true;
        parsed.findings.push_back(
            {.position = where, .key_path = key_path, .message = explanation});
    }
    return parsed;
}

std::string emit_yaml(const Node& root) {
    YAML::Emitter out;
    out.SetIndent(2);
    emit(out, root);
    std::string yaml = out.c_str();
    yaml += '\n';
    return yaml;
}

}  // namespace jobsim::scenario::detail
