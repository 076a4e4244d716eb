// Byte shuffle and fast deflate of in-memory blocks: the codec of the HDF5 chunks jobsim writes
// (output/h5/filters.cpp) and of world snapshots (sim/state/world_snapshot.cpp). Shuffling puts the
// k-th bytes of all elements together, so columns of small or mostly-zero values become long runs
// that deflate with run-length matching (Z_RLE) compresses quickly.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace jobsim {

/// The deflate level used (fastest; what is compressed is mostly small codes).
inline constexpr int fast_deflate_level = 1;

/// HDF5's shuffle filter: byte j of element i goes to out[j * n + i] for the n elements `out`
/// holds; elements past the end of `values` are zeros (the padding of an edge chunk). `values`
/// and `out` must be whole elements, `out` at least as large (unchecked).
void shuffle_bytes_into(std::span<const std::byte> values, std::size_t element_bytes,
                        std::span<std::byte> out);

/// The inverse of shuffle_bytes_into.
void unshuffle_bytes_into(std::span<const std::byte> shuffled, std::size_t element_bytes,
                          std::span<std::byte> out);

/// Deflates `input` (a zlib stream, RFC 1950, at fast_deflate_level with Z_RLE) into `output`,
/// resized to the compressed size (its capacity may be larger). Thread-safe: one stream per thread.
/// @throws std::runtime_error if zlib fails
void deflate_fast(std::span<const std::byte> input, std::vector<std::byte>& output);

/// Inflates a zlib stream that must give exactly output.size() bytes. Thread-safe.
/// @throws std::runtime_error if the stream is corrupt or of another size
void inflate_exact(std::span<const std::byte> compressed, std::span<std::byte> output);

}  // namespace jobsim
