#include "analysis/covariate_adjustment.hpp"

#include <stdexcept>
#include <vector>

namespace jobsim::analysis {

namespace {

std::vector<double> column_means(const DesignMatrix& x) {
    std::vector<double> means(x.cols, 0.0);
    for (std::size_t i = 0; i < x.rows; ++i) {
        for (std::size_t c = 0; c < x.cols; ++c) {
            means[c] += x(i, c);
        }
    }
    for (double& mean : means) {
        mean /= static_cast<double>(x.rows);
    }
    return means;
}

/// Columns: intercept, T, the k centred covariates, then T times each centred covariate.
DesignMatrix lin_design(std::span<const std::uint8_t> treated, const DesignMatrix& covariates) {
    const std::size_t k = covariates.cols;
    const std::vector<double> means = column_means(covariates);
    DesignMatrix x{covariates.rows, 2 + 2 * k, std::vector<double>(covariates.rows * (2 + 2 * k))};
    for (std::size_t i = 0; i < x.rows; ++i) {
        const double t = treated[i] != 0 ? 1.0 : 0.0;
        double* row = x.values.data() + i * x.cols;
        row[0] = 1.0;
        row[1] = t;
        for (std::size_t c = 0; c < k; ++c) {
            const double centred = covariates(i, c) - means[c];
            row[2 + c] = centred;
            row[2 + k + c] = t * centred;
        }
    }
    return x;
}

}  // namespace

Estimate lin_adjusted(std::span<const double> outcome, std::span<const std::uint8_t> treated,
                      const DesignMatrix& covariates, double alpha) {
    if (treated.size() != outcome.size() || covariates.rows != outcome.size() ||
        covariates.values.size() != covariates.rows * covariates.cols) {
        throw std::invalid_argument(
            "lin_adjusted: one treatment flag and one covariate row (rows x cols values) per "
            "outcome");
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("lin_adjusted: alpha must be in (0, 1)");
    }
    std::size_t n_treated = 0;
    for (const std::uint8_t t : treated) {
        n_treated += t != 0 ? 1 : 0;
    }
    const std::size_t per_arm_parameters = covariates.cols + 1;
    if (n_treated <= per_arm_parameters || outcome.size() - n_treated <= per_arm_parameters) {
        return unidentified_estimate();
    }
    return ols_coefficient(lin_design(treated, covariates), outcome, 1, Variance::hc2, {}, alpha);
}

}  // namespace jobsim::analysis
