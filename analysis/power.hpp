// Analytic power references for design diagnosis (issue 4): the normal-approximation power of a
// two-sided test of a difference in means or proportions with unpooled variances (e.g. Chow, Shao
// and Wang 2008, Sample Size Calculations in Clinical Research, ch. 3-4), the minimum detectable
// effect (Bloom 1995), the design effect of cluster sampling (Kish 1965) and the one-way ANOVA
// estimator of the intraclass correlation with the unequal-size n0 (Snedecor and Cochran 1989;
// Donner 1986). Simulated diagnoses are checked against these.
#pragma once

#include <cstdint>
#include <span>

namespace jobsim::analysis {

/// Power of a two-sided level-alpha z-test of an effect whose estimator has this standard error:
/// Phi(|effect|/se - z) + Phi(-|effect|/se - z) with z = z_{1-alpha/2}; both tails count.
/// Throws std::invalid_argument unless std_error > 0 and alpha is in (0, 1).
[[nodiscard]] double power_from_standard_error(double effect, double std_error,
                                               double alpha = 0.05);

/// Power to detect a difference in means `effect` between groups of sizes n0, n1 whose outcomes
/// have standard deviations sd0, sd1: the above with se = sqrt(sd0^2/n0 + sd1^2/n1).
[[nodiscard]] double two_sample_power(double effect, double sd0, double sd1, double n0, double n1,
                                      double alpha = 0.05);

/// The same for proportions p0 (control) and p1 (treated), with sd = sqrt(p (1 - p)) in each arm.
[[nodiscard]] double two_proportion_power(double p0, double p1, double n0, double n1,
                                          double alpha = 0.05);

/// Bloom's (1995) minimum detectable effect, (z_{1-alpha/2} + z_{power}) * std_error: the effect
/// whose estimate exceeds the critical value with probability `power` (the opposite tail, below
/// Phi(-z_{1-alpha/2} - z_{power}), is ignored, so the two-sided power at the MDE is a hair above
/// `power`).
[[nodiscard]] double minimum_detectable_effect(double std_error, double alpha = 0.05,
                                               double power = 0.8);

/// Kish's (1965) design effect of clusters of mean size m: 1 + (m - 1) icc, the variance of a mean
/// under cluster sampling (or cluster randomisation) over its variance under simple random
/// sampling.
[[nodiscard]] double design_effect(double mean_cluster_size, double icc);

/// One-way ANOVA estimate of the intraclass correlation, (MSB - MSW) / (MSB + (n0 - 1) MSW), with
/// n0 = (N - sum n_j^2 / N) / (k - 1) for k clusters of unequal sizes n_j. `cluster[i]` is any id
/// of unit i's cluster. NaN with fewer than two clusters or no within-cluster degree of freedom;
/// the estimate can be negative. Throws std::invalid_argument when the spans differ in length.
[[nodiscard]] double intraclass_correlation(std::span<const double> outcome,
                                            std::span<const std::uint32_t> cluster);

}  // namespace jobsim::analysis
