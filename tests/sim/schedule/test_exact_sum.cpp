#include <cmath>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "sim/schedule/exact_sum.hpp"

namespace test_exact_sum {

using namespace jobsim;

namespace {

/// Adds terms [begin, end) one by one.
ExactSum sum_of(const std::vector<double>& terms, std::size_t begin, std::size_t end) {
    ExactSum sum;
    for (std::size_t k = begin; k < end; ++k) {
        sum.add(terms[k]);
    }
    return sum;
}

double serial_sum(const std::vector<double>& terms) {
    double sum = 0.0;
    for (const double term : terms) {
        sum += term;
    }
    return sum;
}

}  // namespace

TEST_CASE("exact sum: float-sized wages add up exactly, so blocks give the serial sum",
          "[schedule]") {
    std::vector<double> terms;
    for (int k = 0; k < 20000; ++k) {
        // Wages as the model stores them: floats of a few pounds to a few hundred
        terms.push_back(static_cast<float>(4.0 + 0.37 * k - 0.0001 * k * (k % 7)));
    }
    ExactSum blocks = sum_of(terms, 12000, 20000);  // blocks combined out of order
    blocks.add(sum_of(terms, 0, 12000));
    CHECK(blocks.exact());
    CHECK(blocks.sum() == serial_sum(terms));
}

TEST_CASE("exact sum: a sum that rounds is reported, since its order matters", "[schedule]") {
    const std::vector<double> terms{1.0, 1e-16, 1e-16};  // 1 + 1e-16 rounds back to 1
    const ExactSum sum = sum_of(terms, 0, terms.size());
    CHECK_FALSE(sum.exact());
    // Indeed the order changes the result.
    CHECK((1.0 + 1e-16) + 1e-16 != 1.0 + (1e-16 + 1e-16));
}

TEST_CASE("exact sum: the largest exact case passes and one bit more fails", "[schedule]") {
    ExactSum fits;
    fits.add(std::ldexp(1.0, 51));  // a multiple of 1 below 2^52
    fits.add(1.0);
    CHECK(fits.exact());
    CHECK(fits.sum() == std::ldexp(1.0, 51) + 1.0);

    ExactSum too_big = fits;
    too_big.add(std::ldexp(1.0, 51));  // magnitudes now past 2^52 multiples of 1
    CHECK_FALSE(too_big.exact());
}

TEST_CASE("exact sum: negative terms count by magnitude; NaN and infinity are never exact",
          "[schedule]") {
    ExactSum mixed;
    mixed.add(-2.5);
    mixed.add(0.75);
    mixed.add(0.0);
    CHECK(mixed.exact());
    CHECK(mixed.sum() == -1.75);

    ExactSum nan;
    nan.add(std::numeric_limits<double>::quiet_NaN());
    CHECK_FALSE(nan.exact());
    ExactSum infinite;
    infinite.add(std::numeric_limits<double>::infinity());
    CHECK_FALSE(infinite.exact());

    ExactSum empty;
    CHECK(empty.exact());
    CHECK(empty.sum() == 0.0);
}

TEST_CASE("exact sum: subnormal terms are multiples of the smallest subnormal", "[schedule]") {
    const double tiny = std::numeric_limits<double>::denorm_min();
    ExactSum sum;
    sum.add(3 * tiny);
    sum.add(tiny);
    CHECK(sum.exact());
    CHECK(sum.sum() == 4 * tiny);
}

}  // namespace test_exact_sum
