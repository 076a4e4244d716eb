// The difference in means of a cluster-randomised trial: OLS of y on 1 + T with the CR2
// cluster-robust standard error and Bell and McCaffrey (2002) degrees of freedom (Imbens and
// Kolesar 2016), as estimatr's lm_robust(y ~ T, clusters = cluster, se_type = "CR2"). With equal
// cluster sizes within each arm and cluster-level treatment this is the Welch comparison of
// cluster means.
#pragma once

#include <cstdint>
#include <span>

#include "analysis/estimate.hpp"

namespace jobsim::analysis {

/// One entry per person: outcome, treatment flag (nonzero: treated) and cluster id (any values).
/// Treatment may vary within clusters. All NaN unless each arm spans at least two clusters.
/// Throws std::invalid_argument when the spans differ in length or alpha is not in (0, 1).
[[nodiscard]] Estimate cluster_difference_in_means(std::span<const double> outcome,
                                                   std::span<const std::uint8_t> treated,
                                                   std::span<const std::uint32_t> cluster,
                                                   double alpha = 0.05);

}  // namespace jobsim::analysis
