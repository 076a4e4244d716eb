// Floating-point sums that may be split into parallel blocks without changing a bit. A sum in
// which no addition rounds is the same double in any order; ExactSum adds terms and keeps the
// proof of that: every term is a multiple of 2^grain, and the terms' magnitudes add up to less
// than 2^(52 + grain), so every partial sum of any subset is a whole multiple of 2^grain below
// 2^52 of them, which a double holds exactly. When the proof fails, the caller adds the terms
// again serially, in its fixed order, so the result is the serial sum either way.
#pragma once

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <cstdint>

namespace jobsim {

class ExactSum {
public:
    void add(double term) {
        sum_ += term;
        magnitude_ += std::abs(term);
        if (term != 0.0) {
            grain_ = std::min(grain_, lowest_bit(term));
        }
    }

    /// Adds another block's terms.
    void add(const ExactSum& other) {
        sum_ += other.sum_;
        magnitude_ += other.magnitude_;
        grain_ = std::min(grain_, other.grain_);
    }

    /// Whether no addition, in this order or any other, has rounded: then sum() is the serial sum.
    [[nodiscard]] bool exact() const {
        if (magnitude_ == 0.0) {
            return true;
        }
        // magnitude_ itself may have rounded, by far less than the factor of two given up here.
        return grain_ != not_finite && std::isfinite(magnitude_) &&
               magnitude_ < std::ldexp(1.0, 52 + grain_);
    }

    [[nodiscard]] double sum() const { return sum_; }

private:
    static constexpr int not_finite = INT_MIN;

    /// The exponent of the lowest set bit of a nonzero x: x is a whole multiple of 2^that.
    static int lowest_bit(double x) {
        const auto bits = std::bit_cast<std::uint64_t>(x);
        const auto biased = static_cast<int>((bits >> 52) & 0x7FF);
        std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
        if (biased == 0x7FF) {
            return not_finite;
        }
        if (biased != 0) {
            mantissa |= std::uint64_t{1} << 52;  // the implicit leading bit of a normal number
        }
        return std::max(biased, 1) - 1075 + std::countr_zero(mantissa);
    }

    double sum_ = 0.0;
    double magnitude_ = 0.0;
    int grain_ = INT_MAX;
};

}  // namespace jobsim
