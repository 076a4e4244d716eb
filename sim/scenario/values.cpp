#include "sim/scenario/detail/values.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

#include "sim/core/message.hpp"

namespace jobsim::scenario::detail {

namespace {

std::string with_unit(std::string text, const Spec& spec) {
    if (!spec.unit.empty()) {
        text += message(" (", spec.unit, ")");
    }
    return text;
}

std::string range_text(const std::string& min, const std::string& max, bool has_min, bool has_max) {
    if (has_min && has_max) {
        return message("from ", min, " to ", max);
    }
    if (has_min) {
        return message("at least ", min);
    }
    if (has_max) {
        return message("at most ", max);
    }
    return {};
}

/// A problem with the kind of node, before its text is looked at.
std::optional<std::string> wrong_kind(const Node& node, const std::string& expected) {
    if (node.is_null()) {
        return message("no value given; expected ", expected);
    }
    if (!node.is_scalar()) {
        return message("found ", describe_found(node), "; expected ", expected);
    }
    if (node.quoted) {
        return message(describe_found(node), " is text in quotes; expected ", expected);
    }
    return std::nullopt;
}

template <class Float>
bool parse_float(const std::string& text, Float& value, bool& too_large) {
    // YAML allows a leading '+', std::from_chars does not.
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (first != last && *first == '+') {
        ++first;
    }
    if (first == last ||
        !(std::isdigit(static_cast<unsigned char>(*first)) || *first == '.' || *first == '-')) {
        return false;
    }
    const auto [end, error] = std::from_chars(first, last, value, std::chars_format::general);
    if (end != last) {
        return false;
    }
    if (error == std::errc::result_out_of_range) {
        too_large = true;
        return true;
    }
    // from_chars also reads "inf" and "nan"; the digit check above keeps them out.
    return error == std::errc{} && std::isfinite(value);
}

bool is_whole_number_text(const std::string& text) {
    std::size_t start = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    if (start == text.size()) {
        return false;
    }
    for (std::size_t i = start; i < text.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
    }
    return true;
}

template <class Float>
std::optional<std::string> read_float(const Node& node, Float& value, const Spec& spec) {
    const std::string expected = expected_number(spec);
    if (auto problem = wrong_kind(node, expected)) {
        return problem;
    }
    Float parsed = 0;
    bool too_large = false;
    if (!parse_float(node.text, parsed, too_large)) {
        return message(describe_found(node), " is not a number; expected ", expected);
    }
    if (too_large) {
        return message(node.text, " is too large for a number here; expected ", expected);
    }
    const double as_double = static_cast<double>(parsed);
    if (as_double < spec.min || as_double > spec.max) {
        return message(node.text, " is out of range; expected ", expected);
    }
    value = parsed;
    return std::nullopt;
}

}  // namespace

std::string integer_range_text(IntegerRange range) {
    return range_text(format_integer(range.min), format_integer(range.max), true, true);
}

std::string number_range_text(const Spec& spec) {
    return range_text(format_number(spec.min), format_number(spec.max), std::isfinite(spec.min),
                      std::isfinite(spec.max));
}

std::string expected_integer(IntegerRange range, const Spec& spec) {
    return with_unit(message("a whole number ", integer_range_text(range)), spec);
}

std::string expected_number(const Spec& spec) {
    const std::string range = number_range_text(spec);
    return with_unit(range.empty() ? "a number" : message("a number ", range), spec);
}

std::string item_count_text(std::uint32_t min_items, std::uint32_t max_items) {
    const bool has_max = max_items != std::numeric_limits<std::uint32_t>::max();
    const auto items = [](std::uint32_t count) { return count == 1 ? " item" : " items"; };
    if (min_items > 0 && has_max) {
        return message("from ", min_items, " to ", max_items, " items");
    }
    if (min_items > 0) {
        return message("at least ", min_items, items(min_items));
    }
    if (has_max) {
        return message("at most ", max_items, items(max_items));
    }
    return {};
}

namespace {

/// "a list of " + the elements, with the item count when it is limited.
std::string expected_list(const std::string& elements, const Spec& spec) {
    const std::string count = item_count_text(spec.min_items, spec.max_items);
    return count.empty() ? message("a list of ", elements)
                         : message("a list of ", elements, ", ", count);
}

}  // namespace

std::string expected_integer_list(IntegerRange range, const Spec& spec) {
    return expected_list(with_unit(message("whole numbers ", integer_range_text(range)), spec),
                         spec);
}

std::string expected_number_list(const Spec& spec) {
    const std::string range = number_range_text(spec);
    return expected_list(with_unit(range.empty() ? "numbers" : message("numbers ", range), spec),
                         spec);
}

std::string expected_bool() {
    return "true or false";
}

std::string expected_text() {
    return "text";
}

std::optional<std::string> read_value(const Node& node, bool& value, const Spec& /*spec*/) {
    if (auto problem = wrong_kind(node, expected_bool())) {
        return problem;
    }
    // YAML 1.2's core schema: yes/no/on/off are text there, and a typo must not become false.
    if (node.text == "true" || node.text == "True" || node.text == "TRUE") {
        value = true;
        return std::nullopt;
    }
    if (node.text == "false" || node.text == "False" || node.text == "FALSE") {
        value = false;
        return std::nullopt;
    }
    return message(describe_found(node), " is not a boolean; expected ", expected_bool());
}

std::optional<std::string> read_value(const Node& node, std::string& value, const Spec& /*spec*/) {
    if (node.is_null()) {
        value.clear();
        return std::nullopt;
    }
    if (!node.is_scalar()) {
        return message("found ", describe_found(node), "; expected ", expected_text());
    }
    value = node.text;
    return std::nullopt;
}

std::optional<std::string> read_value(const Node& node, double& value, const Spec& spec) {
    return read_float(node, value, spec);
}

std::optional<std::string> read_value(const Node& node, float& value, const Spec& spec) {
    return read_float(node, value, spec);
}

std::optional<std::string> read_integer(const Node& node, long double& value, IntegerRange range,
                                        const Spec& spec) {
    const std::string expected = expected_integer(range, spec);
    if (auto problem = wrong_kind(node, expected)) {
        return problem;
    }
    if (!is_whole_number_text(node.text)) {
        double as_number = 0;
        bool too_large = false;
        if (parse_float(node.text, as_number, too_large)) {
            return message(node.text, " is not a whole number; expected ", expected);
        }
        return message(describe_found(node), " is not a number; expected ", expected);
    }
    const bool negative = node.text[0] == '-';
    const std::size_t start = (node.text[0] == '-' || node.text[0] == '+') ? 1 : 0;
    std::uint64_t magnitude = 0;
    const auto [end, error] =
        std::from_chars(node.text.data() + start, node.text.data() + node.text.size(), magnitude);
    const long double parsed =
        negative ? -static_cast<long double>(magnitude) : static_cast<long double>(magnitude);
    if (error == std::errc::result_out_of_range || parsed < range.min || parsed > range.max) {
        if (negative && magnitude != 0 && range.min >= 0) {
            return message(node.text, " is negative; expected ", expected);
        }
        return message(node.text, " is out of range; expected ", expected);
    }
    value = parsed;
    return std::nullopt;
}

std::optional<std::string> list_kind_problem(const Node& node, const std::string& expected) {
    if (node.is_sequence()) {
        return std::nullopt;
    }
    if (node.is_null()) {
        return message("no value given; expected ", expected, ", or [] for none");
    }
    if (node.is_scalar() && !node.quoted) {
        return message(describe_found(node), " is one value, not a list; expected ", expected,
                       ", in brackets: [", node.text, "]");
    }
    return message("found ", describe_found(node), "; expected ", expected);
}

std::optional<std::string> list_count_problem(std::size_t items, std::uint32_t min_items,
                                              std::uint32_t max_items,
                                              const std::string& expected) {
    if (items >= min_items && items <= max_items) {
        return std::nullopt;
    }
    return message("the list has ", items, items == 1 ? " item" : " items", "; expected ",
                   expected);
}

std::string format_number(double value) {
    if (std::isnan(value)) {
        return ".nan";
    }
    if (std::isinf(value)) {
        return value > 0 ? ".inf" : "-.inf";
    }
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, end);
}

std::string format_number(float value) {
    if (!std::isfinite(value)) {
        return format_number(static_cast<double>(value));
    }
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, end);
}

std::string format_integer(long double value) {
    if (value < 0) {
        return message('-', static_cast<unsigned long long>(-value));
    }
    return std::to_string(static_cast<unsigned long long>(value));
}

}  // namespace jobsim::scenario::detail
