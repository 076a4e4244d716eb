// Ordinary least squares for one coefficient with a robust standard error: HC2 (MacKinnon and
// White 1985) with n - p degrees of freedom, or the cluster-robust CR2 of Bell and McCaffrey (2002)
// with their degrees of freedom as in Imbens and Kolesar (2016). Conventions follow estimatr's
// lm_robust (se_type = "HC2" / "CR2"), including the Moore-Penrose inverse square root of I - H_gg
// for clusters absorbed by fixed effects (Pustejovsky and Tipton 2018). CR2 costs
// O(n p^2 + G p^3): no n_g x n_g matrix is formed for clusters larger than p.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/estimate.hpp"

namespace jobsim::analysis {

/// A design matrix X, n rows by p columns, stored row-major.
struct DesignMatrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> values;  ///< values[r * cols + c]

    [[nodiscard]] double operator()(std::size_t r, std::size_t c) const {
        return values[r * cols + c];
    }
    [[nodiscard]] std::span<const double> row(std::size_t r) const {
        return {values.data() + r * cols, cols};
    }
};

enum class Variance : std::uint8_t {
    hc2,  ///< heteroskedasticity-robust, df = n - p
    cr2,  ///< cluster-robust, Bell-McCaffrey df
};

/// OLS of y on X (the caller includes the intercept column). Returns the estimate of coefficient
/// `j` with its robust standard error: HC2 with df = n - p, or CR2 clustered on `cluster` (ignored
/// for hc2; ids need not be contiguous) with Bell-McCaffrey degrees of freedom. Throws
/// std::invalid_argument when sizes disagree, j >= p, n <= p, X has linearly dependent columns,
/// CR2 has fewer than two clusters, or alpha is not in (0, 1).
[[nodiscard]] Estimate ols_coefficient(const DesignMatrix& x, std::span<const double> y,
                                       std::size_t j, Variance variance,
                                       std::span<const std::uint32_t> cluster, double alpha = 0.05);

}  // namespace jobsim::analysis
