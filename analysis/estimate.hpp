// An estimate with its standard error and Student-t inference, shared by the trial estimators of
// issue 4 (difference in means, regression, clustered and design-specific estimators).
#pragma once

namespace jobsim::analysis {

/// An estimate with its uncertainty. Estimators return all NaN when the data cannot identify it
/// (e.g. fewer than two units or clusters in an arm).
struct Estimate {
    double estimate = 0.0;   ///< point estimate (for trials: treated minus control)
    double std_error = 0.0;  ///< robust standard error (HC2 or CR2, per estimator)
    double df = 0.0;         ///< degrees of freedom of the reference t distribution
    double statistic = 0.0;  ///< estimate / std_error
    double p_value = 0.0;    ///< two-sided, Student t with df
    double ci_low = 0.0;     ///< confidence interval at 1 - alpha
    double ci_high = 0.0;
};

/// The estimate completed with its t statistic, two-sided p-value and 1 - alpha interval from a
/// Student t with `df` degrees of freedom. A zero standard error gives a zero-width interval; a
/// non-positive or NaN df gives NaN inference. Throws std::invalid_argument unless 0 < alpha < 1.
[[nodiscard]] Estimate t_inference(double estimate, double std_error, double df, double alpha);

/// An estimate whose every field is NaN: the data do not identify it.
[[nodiscard]] Estimate unidentified_estimate();

}  // namespace jobsim::analysis
