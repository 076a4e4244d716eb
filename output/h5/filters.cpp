// Shuffle + deflate of one chunk in memory, matching the pipeline create_dataset declares.
#include "output/h5/filters.hpp"

#include <stdexcept>
#include <string>

#include "sim/core/deflate.hpp"

namespace jobsim::output::h5 {

static_assert(deflate_level == fast_deflate_level,
              "the declared deflate level is the one sim/core/deflate compresses at");

namespace {

void require_whole_elements(std::size_t bytes, std::size_t element_bytes, const char* what) {
    if (element_bytes == 0 || bytes % element_bytes != 0) {
        throw std::invalid_argument(std::string(what) + ": expected whole elements of " +
                                    std::to_string(element_bytes) + " bytes, got " +
                                    std::to_string(bytes) + " bytes");
    }
}

}  // namespace

std::vector<std::byte> shuffle_bytes(std::span<const std::byte> values, std::size_t element_bytes) {
    require_whole_elements(values.size(), element_bytes, "shuffle_bytes");
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
    require_whole_elements(values.size(), element_bytes, "filter_chunk");
    require_whole_elements(chunk_bytes, element_bytes, "filter_chunk");
    // Buffers per thread, reused across chunks: three fresh zeroed 256 KiB buffers a chunk showed
    // up in profiles as page faults and memset (the person table of 1e6 persons took 0.71 s).
    thread_local std::vector<std::byte> shuffled;
    thread_local std::vector<std::byte> deflated;
    shuffled.resize(chunk_bytes);
    shuffle_bytes_into(values, element_bytes, shuffled);  // pads with zeros to the chunk
    deflate_fast(shuffled, deflated);
    return deflated;
}

}  // namespace jobsim::output::h5
