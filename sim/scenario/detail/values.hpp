// Scalars of a scenario: reading a tree node as bool, integer, number or text against a key's
// Spec (type and range checks with the message a user sees), and writing values back as YAML
// text that reads back to the same value (shortest round-trip formatting for numbers).
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

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

/// The type column of the key reference.
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
