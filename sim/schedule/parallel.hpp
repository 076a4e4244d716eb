// The one way mechanisms loop in parallel: fixed-size blocks of ids, each block on one thread.
// Results never depend on the partition: every draw is keyed by entity, and every write goes to
// the entity's own slot (or an integer counter, whose total is order-free).
#pragma once

#include <algorithm>
#include <cstdint>

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

}  // namespace jobsim
