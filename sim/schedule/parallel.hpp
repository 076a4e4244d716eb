// The one way mechanisms loop in parallel: fixed-size blocks of ids, each block on one thread.
// Results never depend on the partition: every draw is keyed by entity, and every write goes to
// the entity's own slot (or an integer counter, whose total is order-free). Lists a serial scan
// would build (select_in_order) and running totals (prefix_offsets) come out the same from fixed
// numbered blocks joined in block order; floating-point sums stay serial unless exact
// (exact_sum.hpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace jobsim {

inline constexpr std::uint32_t parallel_block = 4096;
/// For loops over a few hundred or thousand heavy items (employers' application lists): with
/// parallel_block they would be one block, and so serial.
inline constexpr std::uint32_t small_parallel_block = 16;

/// Calls body(i) for i in [0, count), in parallel blocks of `block` ids.
template <class Body>
void parallel_for_each(std::uint32_t count, const Body& body,
                       std::uint32_t block = parallel_block) {
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, count, block),
                      [&body](const tbb::blocked_range<std::uint32_t>& range) {
                          for (std::uint32_t i = range.begin(); i != range.end(); ++i) {
                              body(i);
                          }
                      });
}

/// Calls body(begin, end) for blocks of [0, count), in parallel.
template <class Body>
void for_each_block(std::uint32_t count, const Body& body) {
    tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, count, parallel_block),
                      [&body](const tbb::blocked_range<std::uint32_t>& range) {
                          body(range.begin(), range.end());
                      });
}

/// The number of blocks of parallel_block ids that cover [0, count).
[[nodiscard]] inline std::uint32_t block_count(std::uint32_t count) {
    return count / parallel_block + (count % parallel_block != 0 ? 1 : 0);
}

/// Calls body(b, begin, end) for each block b < block_count(count), ids [begin, end), in
/// parallel. The blocks are fixed whatever the thread count, so a loop can keep one partial
/// result per block and combine them in block order.
template <class Body>
void for_each_numbered_block(std::uint32_t count, const Body& body) {
    parallel_for_each(
        block_count(count),
        [&body, count](std::uint32_t b) {
            const std::uint32_t begin = b * parallel_block;
            body(b, begin, begin + std::min(parallel_block, count - begin));
        },
        1);
}

/// The ids i < count with keep(i), in id order, as a serial scan would list them: blocks select
/// in parallel and are joined in block order.
template <class Keep>
[[nodiscard]] std::vector<std::uint32_t> select_in_order(std::uint32_t count, const Keep& keep) {
    std::vector<std::vector<std::uint32_t>> parts(block_count(count));
    for_each_numbered_block(count, [&](std::uint32_t b, std::uint32_t begin, std::uint32_t end) {
        for (std::uint32_t i = begin; i < end; ++i) {
            if (keep(i)) {
                parts[b].push_back(i);
            }
        }
    });
    std::vector<std::size_t> starts(parts.size() + 1, 0);
    for (std::size_t b = 0; b < parts.size(); ++b) {
        starts[b + 1] = starts[b] + parts[b].size();
    }
    std::vector<std::uint32_t> selected(starts.back());
    parallel_for_each(
        static_cast<std::uint32_t>(parts.size()),
        [&](std::uint32_t b) {
            std::copy(parts[b].begin(), parts[b].end(),
                      selected.begin() + static_cast<std::ptrdiff_t>(starts[b]));
        },
        1);
    return selected;
}

/// offsets[0] = 0 and offsets[i + 1] = offsets[i] + size_of(i) for i < count: the start of each
/// id's items in one compressed list. Integer sums, so blocks add up in parallel.
template <class SizeOf>
[[nodiscard]] std::vector<std::uint32_t> prefix_offsets(std::uint32_t count,
                                                        const SizeOf& size_of) {
    std::vector<std::uint32_t> offsets(static_cast<std::size_t>(count) + 1, 0);
    std::vector<std::uint32_t> block_start(block_count(count) + 1, 0);
    for_each_numbered_block(count, [&](std::uint32_t b, std::uint32_t begin, std::uint32_t end) {
        std::uint32_t total = 0;
        for (std::uint32_t i = begin; i < end; ++i) {
            total += size_of(i);
        }
        block_start[b + 1] = total;
    });
    for (std::size_t b = 1; b < block_start.size(); ++b) {
        block_start[b] += block_start[b - 1];
    }
    for_each_numbered_block(count, [&](std::uint32_t b, std::uint32_t begin, std::uint32_t end) {
        std::uint32_t offset = block_start[b];
        for (std::uint32_t i = begin; i < end; ++i) {
            offset += size_of(i);
            offsets[static_cast<std::size_t>(i) + 1] = offset;
        }
    });
    return offsets;
}

}  // namespace jobsim
