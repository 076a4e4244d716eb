// The dataset filter pipeline jobsim declares (shuffle, then deflate), applied in memory so a
// chunk can be compressed off the HDF5 thread and handed to H5Dwrite_chunk. HDF5 reads such a
// chunk exactly as one it filtered itself: the byte shuffle is HDF5's H5Z shuffle filter (byte j
// of element i goes to position j * n + i; a no-op for 1-byte elements) and deflate is zlib's
// (Deutsch and Gailly 1996, RFC 1950) at the level create_dataset declares, with run-length
// matching (Z_RLE), a valid deflate stream that any reader inflates.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace jobsim::output::h5 {

/// The deflate level of every compressed dataset (fastest; the chunks are mostly small codes).
inline constexpr int deflate_level = 1;

/// HDF5's shuffle filter: the k-th bytes of all elements are stored together.
/// @throws std::invalid_argument if the size is not a whole number of elements
[[nodiscard]] std::vector<std::byte> shuffle_bytes(std::span<const std::byte> values,
                                                   std::size_t element_bytes);

/// One chunk as the file stores it: `values` padded with zero bytes to `chunk_bytes` (the part of
/// an edge chunk outside the extent, never read back), shuffled, then deflated. Thread-safe.
/// @throws std::invalid_argument if the values exceed the chunk or split an element
/// @throws std::runtime_error if zlib fails
[[nodiscard]] std::vector<std::byte> filter_chunk(std::span<const std::byte> values,
                                                  std::size_t element_bytes,
                                                  std::size_t chunk_bytes);

}  // namespace jobsim::output::h5
