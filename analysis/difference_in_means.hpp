// The difference in means between treated and control units of an individually randomised trial,
// with its heteroskedasticity-robust (HC2) standard error. For a regression on a treatment
// indicator HC2 equals the Neyman variance s1^2/n1 + s0^2/n0 (Samii and Aronow 2012), so the
// interval and test use Welch-Satterthwaite degrees of freedom, as estimatr's
// difference_in_means and R's t.test(var.equal = FALSE) do. First estimator of issue 4.
#pragma once

#include <cstdint>
#include <span>

#include "analysis/estimate.hpp"

namespace jobsim::analysis {

/// Treated mean minus control mean, HC2 (Neyman) standard error, Welch-Satterthwaite df; all NaN
/// when either group has fewer than two units. `outcome[i]` for unit i; `treated[i]` nonzero when
/// unit i was assigned to treatment. Throws std::invalid_argument when the spans differ in length
/// or alpha is not in (0, 1).
[[nodiscard]] Estimate difference_in_means(std::span<const double> outcome,
                                           std::span<const std::uint8_t> treated,
                                           double alpha = 0.05);

}  // namespace jobsim::analysis
