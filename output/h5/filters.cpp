// Shuffle + deflate of one chunk in memory, matching the pipeline create_dataset declares.
#include "output/h5/filters.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "sim/core/deflate.hpp"

namespace jobsim::output::h5 {

static_assert(deflate_level == fast_deflate_level,
              "the declared deflate level is the one sim/core/deflate compresses at");

std::vector<std::byte> shuffle_bytes(std::span<const std::byte> values, std::size_t element_bytes) {
    if (element_bytes == 0 || values.size() % element_bytes != 0) {
        throw std::invalid_argument("shuffle_bytes: expected whole elements of " +
                                    std::to_string(element_bytes) + " bytes, got " +
                                    std::to_string(values.size()) + " bytes");
    }
    std::vector<std::byte> out(values.size());
    shuffle_bytes_into(values, element_bytes, out);
    return out;
}

std::vector<std::byte> filter_chunk(std::span<const std::byte> values, std::size_t element_bytes,
                                    std::size_t chunk_bytes) {
    if (values.size() > chunk_bytes) {
        throw std::invalid_argument("filter_chunk: expected at most " +
                                    std::to_string(chunk_bytes) + " bytes, got " +
                                    std::to_string(values.size()));
    }
    std::vector<std::byte> padded(chunk_bytes, std::byte{0});
    std::copy(values.begin(), values.end(), padded.begin());
    const std::vector<std::byte> shuffled =
        element_bytes > 1 ? shuffle_bytes(padded, element_bytes) : std::move(padded);
    std::vector<std::byte> out;
    deflate_fast(shuffled, out);
    return out;
}

}  // namespace jobsim::output::h5
