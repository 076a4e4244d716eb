// The difference in means between treated and control units of an individually randomised trial,
// with its heteroskedasticity-robust (HC2) standard error. For a regression on a treatment
// indicator HC2 equals the Neyman variance s1^2/n1 + s0^2/n0 (Samii and Aronow 2012), so the
// interval and test use Welch-Satterthwaite degrees of freedom, as estimatr's
// difference_in_means and R's t.test(var.equal = FALSE) do. First estimator of issue 4.
#pragma once

#include <cstdint>
#include <span>

namespace jobsim::analysis {

/// An estimate with its uncertainty. All NaN when either group has fewer than two units.
struct Estimate {
    double estimate = 0.0;   ///< treated mean minus control mean
    double std_error = 0.0;  ///< HC2 (Neyman) standard error
    double df = 0.0;         ///< Welch-Satterthwaite degrees of freedom
    double statistic = 0.0;  ///< estimate / std_error
    double p_value = 0.0;    ///< two-sided, Student t with df
    double ci_low = 0.0;     ///< confidence interval at 1 - alpha
    double ci_high = 0.0;
};

/// `outcome[i]` for unit i; `treated[i]` nonzero when unit i was assigned to treatment.
/// Throws std::invalid_argument when the spans differ in length or alpha is not in (0, 1).
[[nodiscard]] Estimate difference_in_means(std::span<const double> outcome,
                                           std::span<const std::uint8_t> treated,
                                           double alpha = 0.05);

}  // namespace jobsim::analysis
