#include "analysis/regression.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include "analysis/small_matrix.hpp"

// CR2 for one coefficient c'beta (c = e_j), with M = (X'X)^-1 and residuals e:
//   V = sum_g (u_g' e_g)^2,  u_g = A_g X_g M c,  A_g = (I - H_gg)^(-1/2),  H_gg = X_g M X_g'.
// A cluster's rows enter only through S_g = X_g'X_g and X_g'e_g. For f(x) = (1 - x)^(-1/2) and
// R = M^(1/2), H_gg = Z Z' with Z = X_g R, so f(H_gg) = I + Z psi(Z'Z) Z' with psi(k) = (f(k) -
// 1)/k, psi(0) = 1/2 (diagonalise Z by its singular value decomposition). With K_g = R S_g R and
// Q_g = R psi(K_g) R, u_g = X_g v_g where v_g = (I + Q_g S_g) M c, hence
//   u_g'e_g = v_g'(X_g'e_g),  u_g'u_g = v_g' S_g v_g,  X_g'u_g = S_g v_g:  p x p algebra only.
// Eigenvalues of H_gg equal to 1 (a cluster absorbed by its own fixed effect) get f = 0, the
// Moore-Penrose inverse square root, as estimatr and clubSandwich do; then psi(1) = -1.
//
// Bell-McCaffrey degrees of freedom (Imbens and Kolesar 2016, with working model Omega = I):
// e = (I - H) eps, eps ~ N(0, I), so V = eps'(I - H) U U'(I - H) eps where column g of the n x G
// matrix U is u_g padded with zeros. Matching the first two moments of this quadratic form to a
// scaled chi-square gives df = (tr C)^2 / tr(C^2) for the G x G matrix C = U'(I - H)U, whose
// nonzero eigenvalues are those of (I - H)UU'(I - H). Since H = X M X',
//   C_gh = delta_gh u_g'u_g - w_g' M w_h,   w_g = X_g'u_g.
// With D = diag(d_g), d_g = u_g'u_g, W = [w_1 .. w_G], C = D - W'MW; with P = sum_g w_g w_g':
//   tr C = sum_g d_g - sum_g w_g'M w_g,
//   tr C^2 = sum_g d_g^2 - 2 sum_g d_g w_g'M w_g + tr(M P M P),
// so the degrees of freedom cost O(G p^2 + p^3), not O(G^2 p).

namespace jobsim::analysis {

namespace {

// 1 - (an eigenvalue of H_gg) below this counts as zero: the cluster's fitted values are
// determined by its own parameters in that direction (estimatr's cut-off is 1e-12; Jacobi
// rounding on larger designs needs a little more room).
constexpr double unit_leverage_tolerance = 1e-10;

/// f(x) = (1 - x)^(-1/2), the CR2 adjustment of an eigenvalue x of H_gg; 0 where 1 - x is zero.
double adjustment(double leverage) {
    const double rest = 1.0 - leverage;
    return rest > unit_leverage_tolerance ? 1.0 / std::sqrt(rest) : 0.0;
}

/// psi(k) = (f(k) - 1) / k without cancellation: f(k) - 1 = k / ((1 + sqrt(1 - k)) sqrt(1 - k)).
double adjustment_excess_ratio(double k) {
    const double rest = 1.0 - k;
    if (rest <= unit_leverage_tolerance) {
        return -1.0 / k;
    }
    const double root = std::sqrt(rest);
    return 1.0 / ((1.0 + root) * root);
}

struct OlsFit {
    SquareMatrix bread;  ///< M = (X'X)^-1
    std::vector<double> coefficients;
    std::vector<double> residuals;
};

/// X_R'X_R and X_R'v over the rows R.
struct CrossProducts {
    SquareMatrix gram;
    std::vector<double> cross;
};

template <class Rows>
CrossProducts cross_products(const DesignMatrix& x, const Rows& rows, std::span<const double> v) {
    const std::size_t p = x.cols;
    CrossProducts products{SquareMatrix(p), std::vector<double>(p, 0.0)};
    for (const std::size_t r : rows) {
        const std::span<const double> row = x.row(r);
        for (std::size_t a = 0; a < p; ++a) {
            products.cross[a] += row[a] * v[r];
            for (std::size_t b = a; b < p; ++b) {
                products.gram(a, b) += row[a] * row[b];
            }
        }
    }
    for (std::size_t a = 0; a < p; ++a) {
        for (std::size_t b = 0; b < a; ++b) {
            products.gram(a, b) = products.gram(b, a);
        }
    }
    return products;
}

OlsFit fit_ols(const DesignMatrix& x, std::span<const double> y) {
    // Every row, 0 .. rows-1 (a plain list: clang 14, which runs clang-tidy, cannot parse GCC 12's
    // std::views::iota).
    std::vector<std::size_t> rows(x.rows);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    const CrossProducts products = cross_products(x, rows, y);
    OlsFit fit;
    try {
        fit.bread = inverse_positive_definite(products.gram);
    } catch (const std::invalid_argument&) {
        throw std::invalid_argument(
            "ols_coefficient: the design's columns are linearly dependent (X'X is singular); "
            "drop a redundant column");
    }
    fit.coefficients = fit.bread * std::span<const double>(products.cross);
    fit.residuals.resize(x.rows);
    for (std::size_t i = 0; i < x.rows; ++i) {
        fit.residuals[i] = y[i] - dot(x.row(i), fit.coefficients);
    }
    return fit;
}

/// Rows in cluster order: cluster k holds rows order[starts[k]] .. order[starts[k + 1] - 1].
struct ClusterRows {
    std::vector<std::size_t> order;
    std::vector<std::size_t> starts;

    [[nodiscard]] std::size_t count() const { return starts.size() - 1; }
    [[nodiscard]] std::span<const std::size_t> rows(std::size_t k) const {
        return std::span<const std::size_t>(order).subspan(starts[k], starts[k + 1] - starts[k]);
    }
};

ClusterRows singleton_clusters(std::size_t n) {
    ClusterRows clusters{std::vector<std::size_t>(n), std::vector<std::size_t>(n + 1)};
    std::iota(clusters.order.begin(), clusters.order.end(), std::size_t{0});
    std::iota(clusters.starts.begin(), clusters.starts.end(), std::size_t{0});
    return clusters;
}

ClusterRows group_by_cluster(std::span<const std::uint32_t> cluster) {
    ClusterRows clusters{std::vector<std::size_t>(cluster.size()), {}};
    std::iota(clusters.order.begin(), clusters.order.end(), std::size_t{0});
    std::stable_sort(clusters.order.begin(), clusters.order.end(),
                     [&](std::size_t a, std::size_t b) { return cluster[a] < cluster[b]; });
    for (std::size_t k = 0; k < clusters.order.size(); ++k) {
        if (k == 0 || cluster[clusters.order[k]] != cluster[clusters.order[k - 1]]) {
            clusters.starts.push_back(k);
        }
    }
    clusters.starts.push_back(clusters.order.size());
    return clusters;
}

/// Sums the CR2 variance and the Bell-McCaffrey traces over clusters (see the derivation above).
class Cr2Sums {
public:
    /// `with_df`: also sum the Bell-McCaffrey traces (HC2 uses n - p instead).
    Cr2Sums(const SquareMatrix& bread, bool with_df)
        : bread_(bread), with_df_(with_df), outer_w_(bread.size()) {}

    /// One cluster's score u_g'e_g, squared norm d_g = u_g'u_g and w_g = X_g'u_g.
    void add(double score, double d, std::span<const double> w) {
        variance_ += score * score;
        if (!with_df_) {
            return;
        }
        double w_m_w = 0.0;
        for (std::size_t a = 0; a < w.size(); ++a) {
            w_m_w += w[a] * dot(bread_.row(a), w);
        }
        sum_d_ += d;
        sum_d_squared_ += d * d;
        sum_w_m_w_ += w_m_w;
        sum_d_w_m_w_ += d * w_m_w;
        for (std::size_t a = 0; a < w.size(); ++a) {
            for (std::size_t b = 0; b < w.size(); ++b) {
                outer_w_(a, b) += w[a] * w[b];
            }
        }
    }
    [[nodiscard]] double variance() const { return variance_; }
    [[nodiscard]] double bell_mccaffrey_df() const {
        const SquareMatrix m_p = bread_ * outer_w_;
        const double trace = sum_d_ - sum_w_m_w_;
        const double trace_squared =
            sum_d_squared_ - 2.0 * sum_d_w_m_w_ + trace_of_product(m_p, m_p);
        return trace * trace / trace_squared;
    }

private:
    const SquareMatrix& bread_;
    bool with_df_;
    SquareMatrix outer_w_;  ///< P = sum_g w_g w_g'
    double variance_ = 0.0;
    double sum_d_ = 0.0;
    double sum_d_squared_ = 0.0;
    double sum_w_m_w_ = 0.0;
    double sum_d_w_m_w_ = 0.0;
};

/// What every cluster's computation reads: the data, the fit and M c.
struct Cr2Inputs {
    const DesignMatrix& x;
    const OlsFit& fit;
    std::vector<double> bread_c;  ///< M c: column j of M
};

/// A cluster of one row: H_gg is the leverage h_ii, as in HC2. `w` is scratch space of size p.
void add_singleton(const Cr2Inputs& in, std::size_t r, std::vector<double>& w, Cr2Sums& sums) {
    const std::span<const double> row = in.x.row(r);
    double leverage = 0.0;
    for (std::size_t a = 0; a < row.size(); ++a) {
        leverage += row[a] * dot(in.fit.bread.row(a), row);
    }
    const double u = adjustment(leverage) * dot(row, in.bread_c);
    for (std::size_t a = 0; a < row.size(); ++a) {
        w[a] = u * row[a];
    }
    sums.add(u * in.fit.residuals[r], u * u, w);
}

/// A cluster of 1 < n_g <= p rows: the n_g x n_g matrix H_gg is the smaller problem.
void add_small_cluster(const Cr2Inputs& in, std::span<const std::size_t> rows, Cr2Sums& sums) {
    const std::size_t size = rows.size();
    const std::size_t p = in.x.cols;
    std::vector<std::vector<double>> x_m(size);  // rows of X_g M
    for (std::size_t k = 0; k < size; ++k) {
        x_m[k] = in.fit.bread * in.x.row(rows[k]);
    }
    SquareMatrix hat(size);
    for (std::size_t k = 0; k < size; ++k) {
        for (std::size_t l = k; l < size; ++l) {
            hat(k, l) = dot(x_m[k], in.x.row(rows[l]));
        }
    }
    const SquareMatrix adjust = matrix_function(symmetric_eigen(hat), adjustment);
    std::vector<double> weights(size);  // X_g M c
    for (std::size_t k = 0; k < size; ++k) {
        weights[k] = dot(in.x.row(rows[k]), in.bread_c);
    }
    double score = 0.0;
    double d = 0.0;
    std::vector<double> w(p, 0.0);
    for (std::size_t k = 0; k < size; ++k) {
        const double u = dot(adjust.row(k), weights);
        score += u * in.fit.residuals[rows[k]];
        d += u * u;
        const std::span<const double> row = in.x.row(rows[k]);
        for (std::size_t a = 0; a < p; ++a) {
            w[a] += u * row[a];
        }
    }
    sums.add(score, d, w);
}

/// A cluster of n_g > p rows, through S_g = X_g'X_g and X_g'e_g only.
void add_large_cluster(const Cr2Inputs& in, const SquareMatrix& bread_root,
                       std::span<const std::size_t> rows, Cr2Sums& sums) {
    const std::size_t p = in.x.cols;
    const auto [gram, cross] = cross_products(in.x, rows, in.fit.residuals);  // S_g, X_g'e_g
    const SquareMatrix psi =
        matrix_function(symmetric_eigen(bread_root * gram * bread_root), adjustment_excess_ratio);
    const SquareMatrix q = bread_root * psi * bread_root;
    std::vector<double> v = q * (gram * std::span<const double>(in.bread_c));
    for (std::size_t a = 0; a < p; ++a) {
        v[a] += in.bread_c[a];
    }
    const std::vector<double> w = gram * std::span<const double>(v);
    sums.add(dot(v, cross), dot(v, w), w);
}

Cr2Sums cr2_sums(const Cr2Inputs& in, const ClusterRows& clusters, bool with_df) {
    Cr2Sums sums(in.fit.bread, with_df);
    const std::size_t p = in.x.cols;
    SquareMatrix bread_root;  // M^(1/2), only needed for clusters larger than p
    std::vector<double> scratch(p);
    for (std::size_t k = 0; k < clusters.count(); ++k) {
        const std::span<const std::size_t> rows = clusters.rows(k);
        if (rows.size() == 1) {
            add_singleton(in, rows[0], scratch, sums);
            continue;
        }
        if (rows.size() <= p) {
            add_small_cluster(in, rows, sums);
            continue;
        }
        if (bread_root.size() == 0) {
            bread_root = matrix_function(symmetric_eigen(in.fit.bread), [](double value) {
                return std::sqrt(std::max(value, 0.0));
            });
        }
        add_large_cluster(in, bread_root, rows, sums);
    }
    return sums;
}

void check_inputs(const DesignMatrix& x, std::span<const double> y, std::size_t j,
                  Variance variance, std::span<const std::uint32_t> cluster, double alpha) {
    if (x.values.size() != x.rows * x.cols) {
        throw std::invalid_argument("ols_coefficient: the design holds " +
                                    std::to_string(x.values.size()) + " values, expected rows " +
                                    "x cols = " + std::to_string(x.rows * x.cols));
    }
    if (y.size() != x.rows) {
        throw std::invalid_argument("ols_coefficient: one outcome per design row expected");
    }
    if (j >= x.cols) {
        throw std::invalid_argument("ols_coefficient: coefficient " + std::to_string(j) +
                                    " requested from a design with " + std::to_string(x.cols) +
                                    " columns");
    }
    if (x.rows <= x.cols) {
        throw std::invalid_argument("ols_coefficient: more rows than columns expected");
    }
    if (variance == Variance::cr2 && cluster.size() != x.rows) {
        throw std::invalid_argument("ols_coefficient: CR2 needs one cluster id per design row");
    }
    if (!(alpha > 0.0 && alpha < 1.0)) {
        throw std::invalid_argument("ols_coefficient: alpha must be in (0, 1)");
    }
}

}  // namespace

Estimate ols_coefficient(const DesignMatrix& x, std::span<const double> y, std::size_t j,
                         Variance variance, std::span<const std::uint32_t> cluster, double alpha) {
    check_inputs(x, y, j, variance, cluster, alpha);
    const OlsFit fit = fit_ols(x, y);
    std::vector<double> bread_c(x.cols);
    for (std::size_t a = 0; a < x.cols; ++a) {
        bread_c[a] = fit.bread(a, j);
    }
    const Cr2Inputs inputs{x, fit, std::move(bread_c)};
    if (variance == Variance::hc2) {
        // HC2 is CR2 with every row its own cluster.
        const Cr2Sums sums = cr2_sums(inputs, singleton_clusters(x.rows), false);
        return t_inference(fit.coefficients[j], std::sqrt(sums.variance()),
                           static_cast<double>(x.rows - x.cols), alpha);
    }
    const ClusterRows clusters = group_by_cluster(cluster);
    if (clusters.count() < 2) {
        throw std::invalid_argument("ols_coefficient: CR2 needs at least two clusters");
    }
    const Cr2Sums sums = cr2_sums(inputs, clusters, true);
    return t_inference(fit.coefficients[j], std::sqrt(sums.variance()), sums.bell_mccaffrey_df(),
                       alpha);
}

}  // namespace jobsim::analysis
