// The one description of every scenario key. Each parameter struct has a free function
//     template <class Visitor> void describe(Visitor& v, SomeParams& p);
// that names its keys, with constraints and documentation, in YAML order. The loader, the
// command-line overrides (--set), the resolved-scenario emitter and the key reference are all
// visitors over the same description, so a key cannot be loaded but undocumented, or documented
// but not loaded.
//
// A visitor provides:
//   v.field(key, value, Spec)                  value: bool, std::int32_t, std::uint32_t,
//                                              std::uint64_t, double, std::string, or a list
//                                              std::vector<double>, std::vector<std::uint32_t>
//                                              (written [13, 26, 52]; Spec's range applies to
//                                              each element, min_items/max_items to the count)
//   v.choice(key, value, names, Spec)          value: an enum; names: span<const Choice<E>>
//   v.section(key, params, doc)                a nested block; calls describe(v, params)
//   v.records(key, items, RecordsSpec)         a list of blocks; calls describe(v, item) per item
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

namespace jobsim::scenario {

/// Constraints and documentation of one key.
struct Spec {
    std::string_view doc;                                   ///< one or two sentences
    double min = -std::numeric_limits<double>::infinity();  ///< inclusive lower bound
    double max = std::numeric_limits<double>::infinity();   ///< inclusive upper bound
    std::string_view unit = "";                             ///< e.g. "weeks", "GBP per hour"
    std::string_view source = "assumption";                 ///< where the default comes from
    bool required = false;                                  ///< must appear in the scenario
    /// List fields only (ignored for one value): how many elements the list may hold. An empty
    /// list is allowed by default; consistency checks across keys may still reject it.
    std::uint32_t min_items = 0;
    std::uint32_t max_items = std::numeric_limits<std::uint32_t>::max();
};

/// Constraints and documentation of a list of blocks.
struct RecordsSpec {
    std::string_view doc;
    std::uint32_t min_items = 0;
    std::uint32_t max_items = std::numeric_limits<std::uint32_t>::max();
    bool required = false;
};

/// One allowed value of an enum key.
template <class Enum>
struct Choice {
    std::string_view name;
    Enum value;
    std::string_view doc;
};

/// Shorthand for a probability.
inline constexpr Spec probability(std::string_view doc, std::string_view source = "assumption") {
    return Spec{.doc = doc, .min = 0.0, .max = 1.0, .unit = "probability", .source = source};
}

/// Shorthand for a non-negative quantity.
inline constexpr Spec non_negative(std::string_view doc, std::string_view unit,
                                   std::string_view source = "assumption") {
    return Spec{.doc = doc, .min = 0.0, .unit = unit, .source = source};
}

}  // namespace jobsim::scenario
