#include "sim/scenario/did_you_mean.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace jobsim::scenario {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rolling rows of the dynamic-programming table: the swap rule looks two rows back.
    std::vector<std::size_t> before_previous(b.size() + 1);
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        previous[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] =
                std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before_previous[j - 2] + 1);
            }
        }
        std::swap(before_previous, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

namespace {

std::string lower_case(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    return lower;
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view key,
                                        std::span<const std::string> candidates) {
    // A third of the key's length keeps short keys from matching anything ("x" is not "n"),
    // while a long key with two slips ("employment_shar") still finds its match.
    const std::size_t allowed = std::clamp<std::size_t>(key.size() / 3, 1, 3);
    const std::string lower_key = lower_case(key);
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (const std::string& candidate : candidates) {
        // Case slips ("Weeks") cost nothing here: keys are lower case by convention.
        const std::size_t distance = edit_distance(lower_key, lower_case(candidate));
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    if (best || key.size() < 4) {
        return best;
    }
    // A shortened key ("median_wage" for "median_wage_per_hour"), when only one key starts so.
    std::optional<std::string> only_extension;
    for (const std::string& candidate : candidates) {
        if (lower_case(candidate).starts_with(lower_key)) {
            if (only_extension) {
                return std::nullopt;
            }
            only_extension = candidate;
        }
    }
    return only_extension;
}

}  // namespace jobsim::scenario
