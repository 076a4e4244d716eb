// "Did you mean ...?": the closest known key to a misspelt one, by edit distance. Used for unknown
// keys in scenario files and in --set paths.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace jobsim::scenario {

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost 1. Case-sensitive.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `key`, if it is close enough to be a likely typo (within a third of
/// the key's length in edits, at least 1 and at most 3; ties go to the first candidate), or else
/// the one candidate that `key` (4 or more characters) is the start of. Case is ignored.
[[nodiscard]] std::optional<std::string> did_you_mean(std::string_view key,
                                                      std::span<const std::string> candidates);

}  // namespace jobsim::scenario
