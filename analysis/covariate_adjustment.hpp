// Regression adjustment of a randomised experiment by Lin (2013): y on 1 + T + Xc + T * Xc with
// the covariates Xc centred at their full-sample means, so the coefficient on T is the average
// treatment effect, with the HC2 standard error and n - p degrees of freedom (estimatr's lm_lin).
// Never less precise than the difference in means asymptotically, and more when X predicts y.
#pragma once

#include <cstdint>
#include <span>

#include "analysis/estimate.hpp"
#include "analysis/regression.hpp"

namespace jobsim::analysis {

/// `covariates` is n x k row-major, without an intercept. All NaN when an arm has k + 1 units or
/// fewer (its separate regression on k covariates would leave no residual). Throws
/// std::invalid_argument when sizes disagree, a covariate is collinear with the others within the
/// interacted design, or alpha is not in (0, 1).
[[nodiscard]] Estimate lin_adjusted(std::span<const double> outcome,
                                    std::span<const std::uint8_t> treated,
                                    const DesignMatrix& covariates, double alpha = 0.05);

}  // namespace jobsim::analysis
