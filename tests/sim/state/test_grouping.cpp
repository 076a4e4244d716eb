#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/state/grouping.hpp"

namespace test_grouping {

using namespace jobsim;

TEST_CASE("grouping: each group lists its items in item order; out-of-range groups are dropped",
          "[state]") {
    // item:                     0  1  2  3  4  5  6
    const std::vector<std::uint32_t> group{2, 0, 9, 2, 0, 1, 2};  // 9: no group of 3
    const auto grouped = group_stably(
        3, group.size(), [&group](std::size_t k) { return group[k]; },
        [](std::size_t k) { return static_cast<std::uint32_t>(10 * k); });
    CHECK(grouped.offsets == std::vector<std::uint32_t>{0, 2, 3, 6});
    CHECK(grouped.values == std::vector<std::uint32_t>{10, 40, 50, 0, 30, 60});
    CHECK(grouped.group_size(1) == 1);
}

TEST_CASE("grouping: no items gives every group empty", "[state]") {
    const auto grouped = group_stably(
        4, 0, [](std::size_t) { return std::size_t{0}; }, [](std::size_t k) { return k; });
    CHECK(grouped.offsets == std::vector<std::uint32_t>{0, 0, 0, 0, 0});
    CHECK(grouped.values.empty());
}

}  // namespace test_grouping
