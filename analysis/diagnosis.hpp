// Design diagnosis in the manner of DeclareDesign (Blair, Cooper, Coppock and Humphreys 2019): over
// many simulated replications of a trial, compare each estimate with the estimand's value in that
// replication (known from the simulated counterfactuals) and report bias, RMSE, power, coverage
// and the minimum detectable effect (Bloom 1995), each with its Monte Carlo standard error as in
// Morris, White and Crowther (2019, Statistics in Medicine 38:2074, table 6).
#pragma once

#include <cstddef>
#include <limits>
#include <span>

#include "analysis/difference_in_means.hpp"

namespace jobsim::analysis {

/// One replication's estimate of one estimand by one estimator. A NaN field skips the draw for the
/// statistics that need that field (a missing p-value drops it from power, not from bias).
struct Draw {
    static constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    double estimate = missing;
    double std_error = missing;
    double p_value = missing;
    double ci_low = missing;
    double ci_high = missing;
    double truth = missing;  ///< the estimand's value in this replication
};

/// A draw from an estimator's result and the replication's true value of its estimand.
[[nodiscard]] Draw make_draw(const Estimate& estimate, double truth);

/// Operating characteristics of an estimator over replications; NaN when no draw informs a field.
struct Diagnosis {
    static constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    std::size_t draws = 0;  ///< replications with a finite estimate
    double mean_estimate = missing;
    double mean_truth = missing;   ///< over draws with a finite estimate
    double bias = missing;         ///< mean of estimate - truth
    double sd_estimate = missing;  ///< standard deviation of the estimates (n - 1), the true SE
    double rmse = missing;         ///< sqrt of the mean of (estimate - truth)^2
    double power = missing;        ///< share of p-values below alpha
    double coverage = missing;     ///< share of [ci_low, ci_high] containing that draw's truth
    double mean_std_error = missing;
    double mde = missing;  ///< (z_{1-alpha/2} + z_{target power}) * sd_estimate
    // Monte Carlo standard errors (Morris et al. 2019, table 6), each over the draws its statistic
    // uses (n of them):
    double bias_mc_se = missing;         ///< sd(estimate - truth) / sqrt(n)
    double sd_estimate_mc_se = missing;  ///< sd_estimate / sqrt(2 (n - 1))
    double rmse_mc_se = missing;   ///< sd((estimate - truth)^2) / sqrt(n) / (2 rmse), delta method
    double power_mc_se = missing;  ///< sqrt(power (1 - power) / n)
    double coverage_mc_se = missing;  ///< sqrt(coverage (1 - coverage) / n)
    double mde_mc_se = missing;       ///< (z_{1-alpha/2} + z_{target power}) * sd_estimate_mc_se
};

/// Diagnoses the draws of one estimator for one estimand. Coverage is that of the intervals as
/// given (whatever level they were built at); `alpha` sets the test for power and the MDE.
/// Throws std::invalid_argument unless alpha and target_power are in (0, 1).
[[nodiscard]] Diagnosis diagnose(std::span<const Draw> draws, double alpha = 0.05,
                                 double target_power = 0.8);

}  // namespace jobsim::analysis
