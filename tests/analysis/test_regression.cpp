// OLS with HC2 and CR2 standard errors: the fast CR2 (p x p algebra per cluster) and its
// Bell-McCaffrey degrees of freedom against the textbook dense computation with n_g x n_g
// matrices, and the closed forms they must reduce to.
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "analysis/difference_in_means.hpp"
#include "analysis/regression.hpp"
#include "analysis/small_matrix.hpp"

namespace test_regression {

using jobsim::analysis::DesignMatrix;
using jobsim::analysis::difference_in_means;
using jobsim::analysis::Estimate;
using jobsim::analysis::ols_coefficient;
using jobsim::analysis::SquareMatrix;
using jobsim::analysis::Variance;

namespace {

using Dense = std::vector<std::vector<double>>;

/// CR2 for coefficient j and its Bell-McCaffrey df the slow way, straight from the definitions
/// (Bell and McCaffrey 2002; Imbens and Kolesar 2016): the n x n hat matrix, each cluster's
/// A_g = (I - H_gg)^(-1/2) (Moore-Penrose where singular, as estimatr), u_g = A_g X_g M c,
/// V = sum_g (u_g'e_g)^2 and df = tr(C)^2 / tr(C^2) for C = U'(I - H)U with Omega = I.
struct DenseCr2 {
    double std_error = 0.0;
    double df = 0.0;
};

DenseCr2 dense_cr2(const DesignMatrix& x, const std::vector<double>& y, std::size_t j,
                   const std::vector<std::uint32_t>& cluster) {
    const std::size_t n = x.rows;
    const std::size_t p = x.cols;
    SquareMatrix gram(p);
    std::vector<double> cross(p, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t a = 0; a < p; ++a) {
            cross[a] += x(i, a) * y[i];
            for (std::size_t b = 0; b < p; ++b) {
                gram(a, b) += x(i, a) * x(i, b);
            }
        }
    }
    const SquareMatrix m = jobsim::analysis::inverse_positive_definite(gram);
    const std::vector<double> beta = m * std::span<const double>(cross);
    std::vector<double> residual(n);
    std::vector<double> weight(n);  // X M c
    for (std::size_t i = 0; i < n; ++i) {
        residual[i] = y[i] - jobsim::analysis::dot(x.row(i), beta);
        weight[i] = 0.0;
        for (std::size_t a = 0; a < p; ++a) {
            weight[i] += x(i, a) * m(a, j);
        }
    }
    Dense residual_maker(n, std::vector<double>(n));  // I - H
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t s = 0; s < n; ++s) {
            double h = 0.0;
            for (std::size_t a = 0; a < p; ++a) {
                for (std::size_t b = 0; b < p; ++b) {
                    h += x(r, a) * m(a, b) * x(s, b);
                }
            }
            residual_maker[r][s] = (r == s ? 1.0 : 0.0) - h;
        }
    }
    std::map<std::uint32_t, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < n; ++i) {
        members[cluster[i]].push_back(i);
    }
    Dense u_columns;  // U, one padded column per cluster
    double variance = 0.0;
    for (const auto& [id, rows] : members) {
        SquareMatrix block(rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k) {
            for (std::size_t l = 0; l < rows.size(); ++l) {
                block(k, l) = residual_maker[rows[k]][rows[l]];
            }
        }
        const SquareMatrix adjust =
            matrix_function(jobsim::analysis::symmetric_eigen(block),
                            [](double v) { return v > 1e-10 ? 1.0 / std::sqrt(v) : 0.0; });
        std::vector<double> column(n, 0.0);
        double score = 0.0;
        for (std::size_t k = 0; k < rows.size(); ++k) {
            for (std::size_t l = 0; l < rows.size(); ++l) {
                column[rows[k]] += adjust(k, l) * weight[rows[l]];
            }
            score += column[rows[k]] * residual[rows[k]];
        }
        variance += score * score;
        u_columns.push_back(column);
    }
    const std::size_t g = u_columns.size();
    Dense c(g, std::vector<double>(g, 0.0));
    for (std::size_t a = 0; a < g; ++a) {
        for (std::size_t b = 0; b < g; ++b) {
            for (std::size_t r = 0; r < n; ++r) {
                for (std::size_t s = 0; s < n; ++s) {
                    c[a][b] += u_columns[a][r] * residual_maker[r][s] * u_columns[b][s];
                }
            }
        }
    }
    double trace = 0.0;
    double trace_squared = 0.0;
    for (std::size_t a = 0; a < g; ++a) {
        trace += c[a][a];
        for (std::size_t b = 0; b < g; ++b) {
            trace_squared += c[a][b] * c[b][a];
        }
    }
    return {std::sqrt(variance), trace * trace / trace_squared};
}

/// Design with an intercept and the given columns.
DesignMatrix with_intercept(const std::vector<std::vector<double>>& columns) {
    const std::size_t n = columns.front().size();
    DesignMatrix x{n, columns.size() + 1, std::vector<double>(n * (columns.size() + 1))};
    for (std::size_t i = 0; i < n; ++i) {
        x.values[i * x.cols] = 1.0;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            x.values[i * x.cols + c + 1] = columns[c][i];
        }
    }
    return x;
}

/// A deterministic, irregular "noise" term.
double wiggle(std::size_t i) {
    return std::sin(1.7 * static_cast<double>(i * i) + 0.3);
}

}  // namespace

TEST_CASE("regression: fast CR2 and Bell-McCaffrey df equal the dense computation",
          "[analysis][regression]") {
    // Unbalanced clusters of 1 to 7 people (both the n_g <= p and n_g > p paths), treatment
    // varying within some clusters, one covariate; every coefficient checked.
    const std::vector<std::size_t> sizes{1, 2, 3, 7, 4, 5};
    std::vector<std::uint32_t> cluster;
    std::vector<double> treated;
    std::vector<double> covariate;
    std::vector<double> y;
    for (std::size_t g = 0; g < sizes.size(); ++g) {
        for (std::size_t k = 0; k < sizes[g]; ++k) {
            const std::size_t i = cluster.size();
            cluster.push_back(static_cast<std::uint32_t>(10 * g + 3));  // not contiguous
            treated.push_back((g + k) % 3 == 0 ? 1.0 : 0.0);
            covariate.push_back(0.5 * static_cast<double>(i % 5) + 0.1 * static_cast<double>(g));
            y.push_back(1.0 + 0.8 * treated.back() + 0.4 * covariate.back() + wiggle(i) +
                        0.5 * wiggle(g + 100));
        }
    }
    const DesignMatrix x = with_intercept({treated, covariate});
    for (std::size_t j = 0; j < x.cols; ++j) {
        const DenseCr2 expected = dense_cr2(x, y, j, cluster);
        const Estimate e = ols_coefficient(x, y, j, Variance::cr2, cluster);
        CHECK(e.std_error == Approx(expected.std_error).epsilon(1e-10));
        CHECK(e.df == Approx(expected.df).epsilon(1e-10));
    }
}

TEST_CASE(
    "regression: with cluster fixed effects (unit leverage) CR2 matches the dense "
    "computation using the pseudo-inverse",
    "[analysis][regression]") {
    // Three clusters of 7 people each with their own dummy: I - H_gg is singular along the
    // cluster's constant, which both computations drop (Pustejovsky and Tipton 2018).
    std::vector<std::uint32_t> cluster;
    std::vector<double> second;
    std::vector<double> third;
    std::vector<double> treated;
    std::vector<double> covariate;
    std::vector<double> y;
    for (std::size_t i = 0; i < 21; ++i) {
        const std::size_t g = i / 7;
        cluster.push_back(static_cast<std::uint32_t>(g));
        second.push_back(g == 1 ? 1.0 : 0.0);
        third.push_back(g == 2 ? 1.0 : 0.0);
        treated.push_back(i % 2 == 0 ? 1.0 : 0.0);
        covariate.push_back(static_cast<double>(i % 4));
        y.push_back(static_cast<double>(g) + treated.back() + wiggle(i));
    }
    const DesignMatrix x = with_intercept({second, third, treated, covariate});
    const DenseCr2 expected = dense_cr2(x, y, 3, cluster);
    const Estimate e = ols_coefficient(x, y, 3, Variance::cr2, cluster);
    CHECK(e.std_error == Approx(expected.std_error).epsilon(1e-9));
    CHECK(e.df == Approx(expected.df).epsilon(1e-9));
}

TEST_CASE(
    "regression: HC2 on a treatment dummy is the Neyman standard error of the difference "
    "in means",
    "[analysis][regression]") {
    // Samii and Aronow (2012): HC2 for y ~ 1 + T equals s1^2/n1 + s0^2/n0. Student's sleep data
    // as in test_difference_in_means; lm_robust's HC2 df is n - p = 18.
    const std::vector<double> extra{0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0,
                                    1.9, 0.8,  1.1,  0.1,  -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    std::vector<std::uint8_t> flags(20, 0);
    std::vector<double> treated(20, 0.0);
    for (std::size_t i = 10; i < 20; ++i) {
        flags[i] = 1;
        treated[i] = 1.0;
    }
    const Estimate neyman = difference_in_means(extra, flags);
    const Estimate hc2 = ols_coefficient(with_intercept({treated}), extra, 1, Variance::hc2, {});
    CHECK(hc2.estimate == Approx(neyman.estimate).epsilon(1e-12));
    CHECK(hc2.std_error == Approx(neyman.std_error).epsilon(1e-12));
    CHECK(hc2.df == 18.0);
}

TEST_CASE("regression: CR2 with singleton clusters is HC2, with the Imbens-Kolesar two-sample df",
          "[analysis][regression]") {
    // Treated 3, 5, 7, 9 and control 1, 2, 3 (test_difference_in_means: SE^2 = 2). Imbens and
    // Kolesar (2016, section 3, the Behrens-Fisher problem) give for y ~ 1 + T with Omega = I
    //   K_BM = (N0 + N1)^2 (N0 - 1)(N1 - 1) / (N1^2 (N1 - 1) + N0^2 (N0 - 1)).
    // By hand: V = s1^2/N1 + s0^2/N0 with s_t^2 ~ chi2(N_t - 1)/(N_t - 1) under Omega = I, so
    // E V = 1/N1 + 1/N0 and var V = 2/(N1^2 (N1 - 1)) + 2/(N0^2 (N0 - 1)); the Satterthwaite
    // df 2 (E V)^2 / var V is the formula above. N1 = 4, N0 = 3: 49 * 2 * 3 / (48 + 18) = 49/11.
    const std::vector<double> y{3, 1, 5, 2, 7, 3, 9};
    const std::vector<double> treated{1, 0, 1, 0, 1, 0, 1};
    const std::vector<std::uint32_t> singletons{6, 5, 4, 3, 2, 1, 0};
    const DesignMatrix x = with_intercept({treated});
    const Estimate hc2 = ols_coefficient(x, y, 1, Variance::hc2, {});
    const Estimate cr2 = ols_coefficient(x, y, 1, Variance::cr2, singletons);
    CHECK(hc2.std_error == Approx(std::sqrt(2.0)));
    CHECK(hc2.df == 5.0);
    CHECK(cr2.estimate == Approx(4.0));
    CHECK(cr2.std_error == Approx(hc2.std_error).epsilon(1e-12));
    CHECK(cr2.df == Approx(49.0 / 11.0).epsilon(1e-12));
}

TEST_CASE("regression: malformed designs and requests are errors", "[analysis][regression]") {
    const std::vector<double> y{1, 2, 3, 5};
    const DesignMatrix x = with_intercept({{0, 1, 0, 1}});
    const std::vector<std::uint32_t> one_cluster(4, 7);
    CHECK_THROWS_AS(ols_coefficient(x, y, 2, Variance::hc2, {}), std::invalid_argument);
    CHECK_THROWS_AS(ols_coefficient(x, std::vector<double>{1, 2}, 1, Variance::hc2, {}),
                    std::invalid_argument);
    CHECK_THROWS_AS(ols_coefficient(x, y, 1, Variance::cr2, {}), std::invalid_argument);
    CHECK_THROWS_AS(ols_coefficient(x, y, 1, Variance::cr2, one_cluster), std::invalid_argument);
    CHECK_THROWS_AS(ols_coefficient(x, y, 1, Variance::hc2, {}, 0.0), std::invalid_argument);
    // A duplicated column makes X'X singular.
    const DesignMatrix collinear = with_intercept({{0, 1, 0, 1}, {0, 2, 0, 2}});
    CHECK_THROWS_AS(ols_coefficient(collinear, y, 1, Variance::hc2, {}), std::invalid_argument);
    const DesignMatrix ragged{4, 2, std::vector<double>(7, 1.0)};
    CHECK_THROWS_AS(ols_coefficient(ragged, y, 1, Variance::hc2, {}), std::invalid_argument);
}

}  // namespace test_regression
