#include "sim/core/deflate.hpp"

#include <algorithm>
#include <stdexcept>

#include <zlib.h>

namespace jobsim {

namespace {

// zlib's defaults (a 32 KiB window, the default memory level), as HDF5's own deflate filter uses.
constexpr int window_bits = 15;
constexpr int memory_level = 8;

/// Run-length matching only (Z_RLE): shuffled columns are runs of equal high bytes, so on jobsim's
/// data it is both faster than the default hash-chain search and smaller (baseline output,
/// 100,000 persons x 26 weeks: 31.4 MB instead of 35.9 MB). Any inflater reads it.
/// One deflate stream per thread, reset between blocks: a fresh stream per block allocates and
/// zeroes ~270 KiB of state each time, which showed up in profiles as kernel page clearing.
class Deflater {
public:
    Deflater() {
        if (deflateInit2(&stream_, fast_deflate_level, Z_DEFLATED, window_bits, memory_level,
                         Z_RLE) != Z_OK) {
            throw std::runtime_error("zlib: cannot initialise a deflate stream");
        }
    }
    ~Deflater() { deflateEnd(&stream_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    void compress(std::span<const std::byte> input, std::vector<std::byte>& output) {
        if (deflateReset(&stream_) != Z_OK) {
            throw std::runtime_error("zlib: cannot reset a deflate stream");
        }
        output.resize(deflateBound(&stream_, static_cast<uLong>(input.size())));
        // zlib's interface is not const-correct; it does not write through next_in.
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(input.data()));
        stream_.avail_in = static_cast<uInt>(input.size());
        stream_.next_out = reinterpret_cast<Bytef*>(output.data());
        stream_.avail_out = static_cast<uInt>(output.size());
        if (deflate(&stream_, Z_FINISH) != Z_STREAM_END) {
            throw std::runtime_error("zlib: deflate did not finish a block");
        }
        output.resize(stream_.total_out);
    }

private:
    z_stream stream_{};
};

/// One inflate stream per thread, reset between blocks, for the same reason as Deflater.
class Inflater {
public:
    Inflater() {
        if (inflateInit2(&stream_, window_bits) != Z_OK) {
            throw std::runtime_error("zlib: cannot initialise an inflate stream");
        }
    }
    ~Inflater() { inflateEnd(&stream_); }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;

    void decompress(std::span<const std::byte> input, std::span<std::byte> output) {
        if (inflateReset(&stream_) != Z_OK) {
            throw std::runtime_error("zlib: cannot reset an inflate stream");
        }
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(input.data()));
        stream_.avail_in = static_cast<uInt>(input.size());
        stream_.next_out = reinterpret_cast<Bytef*>(output.data());
        stream_.avail_out = static_cast<uInt>(output.size());
        if (inflate(&stream_, Z_FINISH) != Z_STREAM_END || stream_.total_out != output.size()) {
            throw std::runtime_error("zlib: a block did not inflate to its expected size");
        }
    }

private:
    z_stream stream_{};
};

}  // namespace

void shuffle_bytes_into(std::span<const std::byte> values, std::size_t element_bytes,
                        std::span<std::byte> out) {
    const std::size_t count = out.size() / element_bytes;
    const std::size_t given = values.size() / element_bytes;
    for (std::size_t j = 0; j < element_bytes; ++j) {
        std::byte* plane = out.data() + j * count;
        for (std::size_t i = 0; i < given; ++i) {
            plane[i] = values[i * element_bytes + j];
        }
        std::fill(plane + given, plane + count, std::byte{0});
    }
}

void unshuffle_bytes_into(std::span<const std::byte> shuffled, std::size_t element_bytes,
                          std::span<std::byte> out) {
    const std::size_t count = shuffled.size() / element_bytes;
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t j = 0; j < element_bytes; ++j) {
            out[i * element_bytes + j] = shuffled[j * count + i];
        }
    }
}

void deflate_fast(std::span<const std::byte> input, std::vector<std::byte>& output) {
    thread_local Deflater deflater;
    deflater.compress(input, output);
}

void inflate_exact(std::span<const std::byte> compressed, std::span<std::byte> output) {
    thread_local Inflater inflater;
    inflater.decompress(compressed, output);
}

}  // namespace jobsim
