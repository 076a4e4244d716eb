// Test helpers for the social network: symmetry, and a tie between two persons.
#pragma once

#include <cstdint>
#include <string>

#include "sim/state/world.hpp"

namespace jobsim::testing {

/// Empty when every tie is listed at both ends with the same flags and nobody is tied twice or to
/// themselves; otherwise the first problem found.
inline std::string network_problems(const World& world) {
    const Network& network = world.network;
    for (std::uint32_t i = 0; i < network.persons(); ++i) {
        const auto ties = network.ties(i);
        for (std::uint32_t s = 0; s < ties.size(); ++s) {
            const std::uint32_t j = ties[s].contact;
            if (j == i) {
                return "person " + std::to_string(i) + " is tied to themselves";
            }
            for (std::uint32_t r = s + 1; r < ties.size(); ++r) {
                if (ties[r].contact == j) {
                    return "person " + std::to_string(i) + " is tied twice to " + std::to_string(j);
                }
            }
            bool back = false;
            for (const Tie& t : network.ties(j)) {
                back = back || (t.contact == i && t.flags == ties[s].flags);
            }
            if (!back) {
                return "tie " + std::to_string(i) + "-" + std::to_string(j) + " is one-sided";
            }
        }
    }
    return "";
}

/// Mean degree over a range of persons.
inline double mean_degree(const World& world, std::uint32_t first, std::uint32_t last) {
    double sum = 0.0;
    for (std::uint32_t i = first; i < last; ++i) {
        sum += world.network.degree[i];
    }
    return sum / (last - first);
}

}  // namespace jobsim::testing
