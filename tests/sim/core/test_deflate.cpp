#include <cstddef>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/core/deflate.hpp"

namespace test_deflate {

using namespace jobsim;

namespace {

std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> out;
    for (const int v : values) {
        out.push_back(static_cast<std::byte>(v));
    }
    return out;
}

}  // namespace

TEST_CASE("deflate: shuffling puts the k-th bytes together and unshuffling undoes it", "[core]") {
    const std::vector<std::byte> values = bytes({1, 2, 3, 4, 5, 6});
    std::vector<std::byte> shuffled(values.size());
    shuffle_bytes_into(values, 2, shuffled);
    CHECK(shuffled == bytes({1, 3, 5, 2, 4, 6}));
    std::vector<std::byte> back(values.size());
    unshuffle_bytes_into(shuffled, 2, back);
    CHECK(back == values);
}

TEST_CASE("deflate: shuffling into a larger buffer pads each byte plane with zeros", "[core]") {
    // Two 2-byte elements into room for four: the edge chunk of a dataset.
    std::vector<std::byte> shuffled(8, std::byte{0xee});
    shuffle_bytes_into(bytes({1, 2, 3, 4}), 2, shuffled);
    CHECK(shuffled == bytes({1, 3, 0, 0, 2, 4, 0, 0}));
}

TEST_CASE("deflate: a block inflates back to its bytes", "[core]") {
    std::vector<std::byte> values(10000, std::byte{0});
    for (std::size_t i = 0; i < values.size(); i += 7) {
        values[i] = static_cast<std::byte>(i % 251);
    }
    std::vector<std::byte> compressed;
    deflate_fast(values, compressed);
    CHECK(compressed.size() < values.size() / 2);
    std::vector<std::byte> back(values.size());
    inflate_exact(compressed, back);
    CHECK(back == values);
}

TEST_CASE("deflate: inflating to another size or from corrupt bytes throws", "[core]") {
    const std::vector<std::byte> values(100, std::byte{3});
    std::vector<std::byte> compressed;
    deflate_fast(values, compressed);
    std::vector<std::byte> shorter(99);
    CHECK_THROWS_AS(inflate_exact(compressed, shorter), std::runtime_error);
    std::vector<std::byte> longer(101);
    CHECK_THROWS_AS(inflate_exact(compressed, longer), std::runtime_error);
    std::vector<std::byte> same(100);
    CHECK_THROWS_AS(inflate_exact(bytes({1, 2, 3, 4}), same), std::runtime_error);
}

}  // namespace test_deflate
