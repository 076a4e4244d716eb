#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/schedule/parallel.hpp"

namespace test_parallel {

using namespace jobsim;

TEST_CASE("parallel: numbered blocks cover every id once, in fixed blocks", "[schedule]") {
    for (const std::uint32_t count :
         {std::uint32_t{0}, std::uint32_t{1}, parallel_block, 3 * parallel_block + 5}) {
        std::vector<std::uint32_t> seen(count, 0);
        std::vector<std::uint32_t> first(block_count(count), 0);
        std::vector<std::uint32_t> last(block_count(count), 0);
        for_each_numbered_block(count,
                                [&](std::uint32_t b, std::uint32_t begin, std::uint32_t end) {
                                    first[b] = begin;
                                    last[b] = end;
                                    for (std::uint32_t i = begin; i < end; ++i) {
                                        ++seen[i];
                                    }
                                });
        CHECK(block_count(count) == (count + parallel_block - 1) / parallel_block);
        CHECK(std::all_of(seen.begin(), seen.end(), [](std::uint32_t n) { return n == 1; }));
        for (std::uint32_t b = 0; b < block_count(count); ++b) {
            CHECK(first[b] == b * parallel_block);
            CHECK(last[b] == std::min(count, (b + 1) * parallel_block));
        }
    }
}

TEST_CASE("parallel: a small block size still visits every id once", "[schedule]") {
    std::vector<std::atomic<std::uint32_t>> seen(1200);
    parallel_for_each(
        1200, [&](std::uint32_t i) { seen[i].fetch_add(1); }, small_parallel_block);
    CHECK(std::all_of(seen.begin(), seen.end(), [](const auto& n) { return n.load() == 1; }));
}

TEST_CASE("parallel: select_in_order lists the kept ids in id order, as a serial scan",
          "[schedule]") {
    const std::uint32_t count = 5 * parallel_block + 17;
    const auto keep = [](std::uint32_t i) { return i % 7 == 3 || i % 4099 == 0; };
    std::vector<std::uint32_t> serial;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (keep(i)) {
            serial.push_back(i);
        }
    }
    CHECK(select_in_order(count, keep) == serial);
    CHECK(select_in_order(count, [](std::uint32_t) { return false; }).empty());
    CHECK(select_in_order(0, keep).empty());
}

TEST_CASE("parallel: prefix_offsets are the running totals of the sizes", "[schedule]") {
    const std::uint32_t count = 3 * parallel_block + 1;
    const auto size_of = [](std::uint32_t i) { return (i * 2654435761u) % 5; };
    const std::vector<std::uint32_t> offsets = prefix_offsets(count, size_of);
    REQUIRE(offsets.size() == count + 1);
    std::uint32_t total = 0;
    bool all_match = offsets[0] == 0;
    for (std::uint32_t i = 0; i < count; ++i) {
        total += size_of(i);
        all_match = all_match && offsets[i + 1] == total;
    }
    CHECK(all_match);
    CHECK(prefix_offsets(0, size_of) == std::vector<std::uint32_t>{0});
}

}  // namespace test_parallel
