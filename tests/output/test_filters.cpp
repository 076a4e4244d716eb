// Tests of the in-memory filter pipeline (output/h5/filters.hpp): HDF5's byte shuffle on
// hand-worked bytes, zlib round trips, and chunks written pre-filtered that HDF5's own read
// pipeline (unshuffle, inflate, edge chunks cut to the extent) returns unchanged.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>
#include <hdf5.h>

#include "output/h5/filters.hpp"
#include "output/h5/objects.hpp"
#include "tests/output/h5_read.hpp"

#include <zlib.h>

namespace test_filters {

namespace {

using jobsim::output::h5::filter_chunk;
using jobsim::output::h5::shuffle_bytes;

std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> out;
    for (const int v : values) {
        out.push_back(static_cast<std::byte>(v));
    }
    return out;
}

std::vector<std::byte> inflate_all(const std::vector<std::byte>& compressed, std::size_t size) {
    std::vector<std::byte> out(size);
    uLongf out_size = static_cast<uLongf>(size);
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &out_size,
                       reinterpret_cast<const Bytef*>(compressed.data()),
                       static_cast<uLong>(compressed.size())) == Z_OK);
    REQUIRE(out_size == size);
    return out;
}

}  // namespace

TEST_CASE("shuffle_bytes stores the k-th bytes of all elements together", "[output]") {
    // Two 4-byte elements a0..a3, b0..b3 become a0 b0 a1 b1 a2 b2 a3 b3 (HDF5's shuffle filter,
    // H5Zshuffle.c, worked by hand).
    const auto in = bytes({0xa0, 0xa1, 0xa2, 0xa3, 0xb0, 0xb1, 0xb2, 0xb3});
    CHECK(shuffle_bytes(in, 4) == bytes({0xa0, 0xb0, 0xa1, 0xb1, 0xa2, 0xb2, 0xa3, 0xb3}));
    // Three 2-byte elements: low bytes first, then high bytes.
    CHECK(shuffle_bytes(bytes({1, 2, 3, 4, 5, 6}), 2) == bytes({1, 3, 5, 2, 4, 6}));
}

TEST_CASE("shuffle_bytes refuses a size that is not whole elements", "[output]") {
    CHECK_THROWS_AS(shuffle_bytes(bytes({1, 2, 3}), 2), std::invalid_argument);
    CHECK_THROWS_AS(shuffle_bytes(bytes({1, 2}), 0), std::invalid_argument);
}

TEST_CASE("filter_chunk inflates back to the shuffled values padded with zeros", "[output]") {
    const auto values = bytes({1, 2, 3, 4, 5, 6});
    const std::vector<std::byte> filtered = filter_chunk(values, 2, 10);
    // Padded to 5 elements 0x0201 0x0403 0x0605 0 0, then shuffled: low bytes, high bytes.
    CHECK(inflate_all(filtered, 10) == bytes({1, 3, 5, 0, 0, 2, 4, 6, 0, 0}));
    // One-byte elements are not shuffled (HDF5's filter leaves them as they are).
    CHECK(inflate_all(filter_chunk(values, 1, 6), 6) == values);
}

TEST_CASE("filter_chunk refuses values larger than the chunk or split elements", "[output]") {
    CHECK_THROWS_AS(filter_chunk(bytes({1, 2, 3, 4}), 2, 2), std::invalid_argument);
    CHECK_THROWS_AS(filter_chunk(bytes({1, 2, 3}), 2, 4), std::invalid_argument);
    CHECK_THROWS_AS(filter_chunk(bytes({1, 2}), 2, 5), std::invalid_argument);
}

TEST_CASE("filter_chunk's reused buffers leave nothing of an earlier chunk behind", "[output]") {
    // A large chunk of 0xff first, then a small one: the small one's padding must be zeros, and
    // its compressed bytes must be those of a first call.
    std::vector<std::byte> large(4096, std::byte{0xff});
    const std::vector<std::byte> small = bytes({1, 2, 3, 4});
    const std::vector<std::byte> first = filter_chunk(small, 2, 8);
    (void)filter_chunk(large, 4, large.size());
    const std::vector<std::byte> again = filter_chunk(small, 2, 8);
    CHECK(again == first);
    CHECK(inflate_all(again, 8) == bytes({1, 3, 0, 0, 2, 4, 0, 0}));
}

TEST_CASE(
    "chunks written pre-filtered read back through HDF5's pipeline unchanged, edge chunks "
    "included",
    "[output]") {
    namespace h5 = jobsim::output::h5;
    const jobsim::testing::TempDir dir;
    const auto path = dir / "chunks.h5";
    // A [2, 5] float dataset in [1, 4] chunks: each row is a whole chunk and an edge chunk of 1.
    const std::array<std::array<float, 5>, 2> rows = {
        {{0.5F, -1.25F, 3.0F, 1e6F, 7.0F}, {2.0F, 0.0F, -0.0F, 1e-7F, 42.0F}}};
    constexpr hsize_t chunk = 4;
    {
        h5::File file = h5::create_file(path);
        h5::Layout layout = h5::Layout::fixed({2, 5});
        layout.chunk = {1, chunk};
        const h5::Dataset dataset = h5::create_dataset(file.get(), "x", H5T_IEEE_F32LE, layout);
        for (hsize_t row = 0; row < 2; ++row) {
            for (hsize_t first = 0; first < 5; first += chunk) {
                const hsize_t count = std::min<hsize_t>(chunk, 5 - first);
                const auto* start = reinterpret_cast<const std::byte*>(rows[row].data() + first);
                h5::write_chunk(dataset, {row, first},
                                filter_chunk({start, count * sizeof(float)}, sizeof(float),
                                             chunk * sizeof(float)),
                                "x");
            }
        }
    }
    const h5::File file = jobsim::testing::open_read_only(path);
    const h5::Dataset dataset(H5Dopen2(file.get(), "x", H5P_DEFAULT));
    std::array<std::array<float, 5>, 2> read{};
    REQUIRE(H5Dread(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, read.data()) >=
            0);
    CHECK(read == rows);
}

}  // namespace test_filters
