// Complete random assignment for the analysis tests: exactly `treated` of `units` flagged, by a
// Fisher-Yates shuffle over Boost.Random's uniform_int_distribution, whose output (unlike
// std::shuffle's) is the same on every standard library, so fixed-seed tests are portable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include <boost/random/uniform_int_distribution.hpp>

namespace jobsim::analysis::testing {

inline std::vector<std::uint8_t> complete_random_assignment(std::size_t units, std::size_t treated,
                                                            std::mt19937_64& engine) {
    std::vector<std::uint8_t> flags(units, 0);
    for (std::size_t i = 0; i < treated && i < units; ++i) {
        flags[i] = 1;
    }
    for (std::size_t i = units; i > 1; --i) {
        boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
        std::swap(flags[i - 1], flags[pick(engine)]);
    }
    return flags;
}

}  // namespace jobsim::analysis::testing
