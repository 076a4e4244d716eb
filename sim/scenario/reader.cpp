// Reading a tree through describe(): the messages for unknown, missing and mistyped keys.
#include "sim/scenario/detail/reader.hpp"

#include <algorithm>

#include "sim/scenario/did_you_mean.hpp"

namespace jobsim::scenario::detail {

std::string records_count_text(const RecordsSpec& spec) {
    return item_count_text(spec.min_items, spec.max_items);
}

std::string expected_records(const RecordsSpec& spec) {
    const std::string count = records_count_text(spec);
    return count.empty() ? "a list of blocks" : message("a list of blocks (", count, ")");
}

std::string expected_block() {
    return "a block of keys";
}

namespace {

/// "a, b, c".
std::string comma_list(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty()) {
            text += ", ";
        }
        text += name;
    }
    return text;
}

}  // namespace

std::string expected_choice(const std::vector<std::string>& allowed) {
    return message("one of: ", comma_list(allowed));
}

KeyHomes key_homes(const std::vector<std::string>& schema_paths) {
    KeyHomes homes;
    for (const std::string& path : schema_paths) {
        // Each name along the path: the key itself and every block above it.
        for (std::size_t end = path.find('.');; end = path.find('.', end + 1)) {
            const std::string home = path.substr(0, end);
            const std::size_t dot = home.rfind('.');
            std::vector<std::string>& found =
                homes[dot == std::string::npos ? home : home.substr(dot + 1)];
            if (std::find(found.begin(), found.end(), home) == found.end()) {
                found.push_back(home);
            }
            if (end == std::string::npos) {
                break;
            }
        }
    }
    return homes;
}

std::string unknown_key_message(std::string_view key, std::string_view block_path,
                                const std::vector<std::string>& known, const KeyHomes& homes) {
    if (key == "<<") {
        return "merge keys ('<<') are not supported; expected the keys written out";
    }
    const std::string unknown = message("unknown key '", key, "'");
    if (const auto suggestion = did_you_mean(key, known)) {
        return message(unknown, "; did you mean '", *suggestion, "'?");
    }
    // A key (or a block: `mentoring:` at the top) that exists in exactly one other block: most
    // likely written in the wrong block.
    if (const auto found = homes.find(std::string(key));
        found != homes.end() && found->second.size() == 1) {
        const std::string& elsewhere = found->second.front();
        const std::size_t dot = elsewhere.rfind('.');
        const std::string_view elsewhere_block = dot == std::string::npos
                                                     ? std::string_view()
                                                     : std::string_view(elsewhere).substr(0, dot);
        if (elsewhere_block != block_path) {
            return message(unknown, " here; did you mean '", elsewhere, "'?");
        }
    }
    if (known.empty()) {
        return message(unknown, "; expected no keys here");
    }
    return message(unknown, "; expected one of: ", comma_list(known));
}

const Entry* Reader::visit(std::string_view key, bool required, const std::string& expected) {
    known_.emplace_back(key);
    const Entry* entry = block_ == nullptr ? nullptr : block_->find(key);
    if (entry == nullptr && required) {
        missing_.emplace_back(key);
        report(position_, join_path(path_, key),
               message("required key is missing; expected ", expected));
    }
    return entry;
}

void Reader::drop_missing(const std::string& key) {
    // A misspelt required key is one mistake: keep the "did you mean", drop the "missing".
    const std::string key_path = join_path(path_, key);
    auto& findings = context_.findings;
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [&key_path](const Finding& finding) {
                                      return finding.key_path == key_path &&
                                             finding.message.starts_with("required key is missing");
                                  }),
                   findings.end());
}

void Reader::report(Position position, std::string key_path, std::string text) {
    context_.findings.push_back(
        {.position = position, .key_path = std::move(key_path), .message = std::move(text)});
}

Position Reader::value_position(const Entry& entry) {
    // A value from an override names the override. A scalar is pointed at itself; an empty value
    // (which yaml-cpp places at the start of the next line) or a block or list (which may start on
    // a later line) at its key.
    const Node& value = entry.value;
    if (value.position.origin >= 0 || value.is_scalar()) {
        return value.position;
    }
    return entry.key_position;
}

std::string Reader::choice_problem(const Node& node, const std::vector<std::string>& allowed) {
    const std::string expected = expected_choice(allowed);
    if (!node.is_scalar()) {
        return message("found ", describe_found(node), "; expected ", expected);
    }
    if (const auto suggestion = did_you_mean(node.text, allowed)) {
        return message(describe_found(node), " is not a choice here; did you mean '", *suggestion,
                       "'? expected ", expected);
    }
    return message(describe_found(node), " is not a choice here; expected ", expected);
}

void Reader::finish() {
    if (block_ == nullptr) {
        return;
    }
    for (const Entry& entry : block_->entries) {
        if (std::find(known_.begin(), known_.end(), entry.key) != known_.end()) {
            continue;
        }
        std::string text = unknown_key_message(entry.key, path_, known_, context_.homes);
        if (const auto suggestion = did_you_mean(entry.key, known_);
            suggestion &&
            std::find(missing_.begin(), missing_.end(), *suggestion) != missing_.end()) {
            drop_missing(*suggestion);
            text += message(" ('", *suggestion, "' is required)");
        }
        report(entry.key_position, join_path(path_, entry.key), std::move(text));
    }
}

}  // namespace jobsim::scenario::detail
