// Randomisation inference (Fisher 1935; Gerber and Green 2012, Field Experiments, ch. 3): under the
// sharp null of no effect for any unit the outcomes are fixed, so the test statistic of every other
// assignment the design could have drawn is known, and the p-value is the share of those at least
// as extreme as the observed one. With K re-randomised assignments drawn at random the p-value
// counts the observed one too, (1 + #{|t_k| >= |t_obs|}) / (1 + K), which is exact under the null
// (Phipson and Smyth 2010). With all K + 1 assignments enumerated and the observed one left out of
// the K, the same formula is the exact enumeration p-value.
#pragma once

#include <cmath>
#include <concepts>
#include <cstddef>
#include <limits>
#include <span>

namespace jobsim::analysis {

namespace detail {

/// Relative slack for ties: a statistic computed from the same assignment in a different order
/// can differ from the observed one in the last bits and must still count as a tie.
inline constexpr double tie_tolerance = 1e-10;

/// Counts re-randomised statistics at least as extreme (two-sided) as the observed one; NaN
/// statistics (assignments where it is undefined) are left out of both counts.
class ExtremeCounter {
public:
    explicit ExtremeCounter(double observed)
        : threshold_(std::abs(observed) * (1.0 - tie_tolerance)) {}
    void add(double statistic) {
        if (std::isnan(statistic)) {
            return;
        }
        ++total_;
        if (std::abs(statistic) >= threshold_) {
            ++extreme_;
        }
    }
    [[nodiscard]] double p_value() const {
        return (1.0 + static_cast<double>(extreme_)) / (1.0 + static_cast<double>(total_));
    }

private:
    double threshold_;
    std::size_t total_ = 0;
    std::size_t extreme_ = 0;
};

}  // namespace detail

/// Two-sided randomisation p-value of `observed` against the statistics of re-randomised
/// assignments. NaN when `observed` is NaN; 1 when no re-randomised statistic is finite.
[[nodiscard]] double randomisation_p_value(double observed, std::span<const double> rerandomised);

/// The same, asking `statistic_of(k)` for the k-th re-randomised statistic, k = 0 .. count - 1,
/// so that the statistics need not be stored.
template <class StatisticOf>
requires std::invocable<StatisticOf&, std::size_t>
[[nodiscard]] double randomisation_p_value(double observed, std::size_t count,
                                           StatisticOf&& statistic_of) {
    if (std::isnan(observed)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    detail::ExtremeCounter counter(observed);
    for (std::size_t k = 0; k < count; ++k) {
        counter.add(static_cast<double>(statistic_of(k)));
    }
    return counter.p_value();
}

}  // namespace jobsim::analysis
