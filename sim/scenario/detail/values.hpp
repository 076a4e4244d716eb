// Values of a scenario: reading a tree node as bool, integer, number or text against a key's
// Spec (type and range checks with the message a user sees), and writing values back as YAML
// text that reads back to the same value (shortest round-trip formatting for numbers). Lists of
// numbers ([13, 26, 52]) are read element by element with the same checks.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/scenario/describe.hpp"
#include "sim/scenario/detail/tree.hpp"

namespace jobsim::scenario::detail {

/// A field type the loader understands.
template <class T>
concept IntegerField = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                       sizeof(T) <= sizeof(std::uint64_t);
template <class T>
concept NumberField = std::same_as<T, double> || std::same_as<T, float>;
template <class T>
concept ScalarField =
    std::same_as<T, bool> || std::same_as<T, std::string> || IntegerField<T> || NumberField<T>;
/// A list field: a std::vector of integers or numbers, each element checked like one value.
template <class T>
inline constexpr bool is_vector = false;
template <class Element>
inline constexpr bool is_vector<std::vector<Element>> = true;
template <class T>
concept ListField = is_vector<T> &&
    (IntegerField<typename T::value_type> || NumberField<typename T::value_type>);
/// Anything v.field() takes.
template <class T>
concept FieldValue = ScalarField<T> || ListField<T>;

/// The allowed integer interval of a key: the spec's range clipped to what the type can hold.
struct IntegerRange {
    long double min;
    long double max;
};

template <IntegerField T>
[[nodiscard]] IntegerRange integer_range(const Spec& spec) {
    // long double holds every 64-bit integer exactly, so the comparisons below are exact.
    IntegerRange range{static_cast<long double>(std::numeric_limits<T>::min()),
                       static_cast<long double>(std::numeric_limits<T>::max())};
    if (spec.min > static_cast<double>(range.min)) {
        range.min = static_cast<long double>(spec.min);
    }
    if (spec.max < static_cast<double>(range.max)) {
        range.max = static_cast<long double>(spec.max);
    }
    return range;
}

/// "a whole number from 1 to 5200 (weeks)", "a number at least 0 (ratio)", "true or false", ...
[[nodiscard]] std::string expected_integer(IntegerRange range, const Spec& spec);
[[nodiscard]] std::string expected_number(const Spec& spec);
[[nodiscard]] std::string expected_bool();
[[nodiscard]] std::string expected_text();

template <ScalarField T>
[[nodiscard]] std::string expected_for(const Spec& spec) {
    if constexpr (std::same_as<T, bool>) {
        return expected_bool();
    } else if constexpr (std::same_as<T, std::string>) {
        return expected_text();
    } else if constexpr (NumberField<T>) {
        return expected_number(spec);
    } else {
        return expected_integer(integer_range<T>(spec), spec);
    }
}

/// The range column of the key reference: "1 to 5200", "at least 0", "" when unbounded.
[[nodiscard]] std::string integer_range_text(IntegerRange range);
[[nodiscard]] std::string number_range_text(const Spec& spec);

/// "from 1 to 8 items", "at least 1 item", "at most 3 items", or "" when any number will do.
[[nodiscard]] std::string item_count_text(std::uint32_t min_items, std::uint32_t max_items);

/// "a list of whole numbers from 1 to 5200 (weeks)", "a list of numbers from 0 to 1
/// (probability), at least 1 item", ...
[[nodiscard]] std::string expected_integer_list(IntegerRange range, const Spec& spec);
[[nodiscard]] std::string expected_number_list(const Spec& spec);

template <ListField T>
[[nodiscard]] std::string expected_for(const Spec& spec) {
    using Element = typename T::value_type;
    if constexpr (NumberField<Element>) {
        return expected_number_list(spec);
    } else {
        return expected_integer_list(integer_range<Element>(spec), spec);
    }
}

/// The allowed column of the key reference for a list: "each from 0 to 1; at least 1 item".
template <ListField T>
[[nodiscard]] std::string list_allowed_text(const Spec& spec) {
    using Element = typename T::value_type;
    std::string each;
    if constexpr (NumberField<Element>) {
        each = number_range_text(spec);
    } else {
        each = integer_range_text(integer_range<Element>(spec));
    }
    const std::string count = item_count_text(spec.min_items, spec.max_items);
    if (each.empty() || count.empty()) {
        return each.empty() ? count : "each " + each;
    }
    return "each " + each + "; " + count;
}

/// Each reader stores the value and returns nothing, or leaves `value` alone and returns what is
/// wrong ("'abc' is not a number; expected a number from 0 to 1 (probability)").
[[nodiscard]] std::optional<std::string> read_value(const Node& node, bool& value,
                                                    const Spec& spec);
[[nodiscard]] std::optional<std::string> read_value(const Node& node, std::string& value,
                                                    const Spec& spec);
[[nodiscard]] std::optional<std::string> read_value(const Node& node, double& value,
                                                    const Spec& spec);
[[nodiscard]] std::optional<std::string> read_value(const Node& node, float& value,
                                                    const Spec& spec);
[[nodiscard]] std::optional<std::string> read_integer(const Node& node, long double& value,
                                                      IntegerRange range, const Spec& spec);

template <IntegerField T>
[[nodiscard]] std::optional<std::string> read_value(const Node& node, T& value, const Spec& spec) {
    long double read = 0;
    auto problem = read_integer(node, read, integer_range<T>(spec), spec);
    if (!problem) {
        value = static_cast<T>(read);
    }
    return problem;
}

/// What is wrong with a list field's node as a whole (no value, one value, a block), or nothing
/// when it is a list. `expected` is the list's expected_for() text.
[[nodiscard]] std::optional<std::string> list_kind_problem(const Node& node,
                                                           const std::string& expected);

/// "the list has 0 items; expected ...", or nothing when the count is allowed.
[[nodiscard]] std::optional<std::string> list_count_problem(std::size_t items,
                                                            std::uint32_t min_items,
                                                            std::uint32_t max_items,
                                                            const std::string& expected);

/// Values as YAML scalar text: numbers in the shortest form that reads back exactly.
[[nodiscard]] std::string format_number(double value);
[[nodiscard]] std::string format_number(float value);
[[nodiscard]] std::string format_integer(long double value);

template <ScalarField T>
[[nodiscard]] Node to_node(const T& value) {
    if constexpr (std::same_as<T, bool>) {
        return Node::scalar(value ? "true" : "false", false);
    } else if constexpr (std::same_as<T, std::string>) {
        return Node::scalar(value, true);
    } else if constexpr (NumberField<T>) {
        return Node::scalar(format_number(value), false);
    } else if constexpr (std::is_signed_v<T>) {
        return Node::scalar(std::to_string(static_cast<long long>(value)), false);
    } else {
        return Node::scalar(std::to_string(static_cast<unsigned long long>(value)), false);
    }
}

/// A list as a YAML sequence of scalars (the emitter writes it on one line: [13, 26, 52]).
template <ListField T>
[[nodiscard]] Node to_node(const T& values) {
    Node list = Node::sequence();
    list.items.reserve(values.size());
    for (const auto& value : values) {
        list.items.push_back(to_node(value));
    }
    return list;
}

/// The type column of the key reference.
template <ListField T>
[[nodiscard]] std::string type_name() {
    return (NumberField<typename T::value_type>) ? "list of numbers" : "list of integers";
}

template <ScalarField T>
[[nodiscard]] std::string type_name() {
    if constexpr (std::same_as<T, bool>) {
        return "true/false";
    } else if constexpr (std::same_as<T, std::string>) {
        return "text";
    } else if constexpr (NumberField<T>) {
        return "number";
    } else {
        return "integer";
    }
}

}  // namespace jobsim::scenario::detail
