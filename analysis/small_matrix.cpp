#include "analysis/small_matrix.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace jobsim::analysis {

SquareMatrix SquareMatrix::identity(std::size_t size) {
    SquareMatrix m(size);
    for (std::size_t k = 0; k < size; ++k) {
        m(k, k) = 1.0;
    }
    return m;
}

SquareMatrix operator*(const SquareMatrix& a, const SquareMatrix& b) {
    const std::size_t n = a.size();
    SquareMatrix product(n);
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t k = 0; k < n; ++k) {
            const double a_rk = a(r, k);
            for (std::size_t c = 0; c < n; ++c) {
                product(r, c) += a_rk * b(k, c);
            }
        }
    }
    return product;
}

std::vector<double> operator*(const SquareMatrix& a, std::span<const double> v) {
    std::vector<double> product(a.size());
    for (std::size_t r = 0; r < a.size(); ++r) {
        product[r] = dot(a.row(r), v);
    }
    return product;
}

double dot(std::span<const double> a, std::span<const double> b) {
    double sum = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        sum += a[k] * b[k];
    }
    return sum;
}

double trace_of_product(const SquareMatrix& a, const SquareMatrix& b) {
    double sum = 0.0;
    for (std::size_t r = 0; r < a.size(); ++r) {
        for (std::size_t c = 0; c < a.size(); ++c) {
            sum += a(r, c) * b(c, r);
        }
    }
    return sum;
}

namespace {

/// Lower-triangular L with L L' = a (Cholesky-Banachiewicz).
SquareMatrix cholesky_factor(const SquareMatrix& a) {
    // A pivot below this share of its diagonal entry means the column is (numerically) a linear
    // combination of the earlier ones.
    constexpr double relative_pivot_tolerance = 1e-12;
    const std::size_t n = a.size();
    SquareMatrix lower(n);
    for (std::size_t c = 0; c < n; ++c) {
        double pivot = a(c, c);
        for (std::size_t k = 0; k < c; ++k) {
            pivot -= lower(c, k) * lower(c, k);
        }
        if (!(pivot > relative_pivot_tolerance * std::abs(a(c, c)))) {
            throw std::invalid_argument(
                "inverse_positive_definite: the matrix is not positive definite (column " +
                std::to_string(c) + " is a linear combination of earlier ones)");
        }
        lower(c, c) = std::sqrt(pivot);
        for (std::size_t r = c + 1; r < n; ++r) {
            double sum = a(r, c);
            for (std::size_t k = 0; k < c; ++k) {
                sum -= lower(r, k) * lower(c, k);
            }
            lower(r, c) = sum / lower(c, c);
        }
    }
    return lower;
}

/// The inverse of a lower-triangular matrix, by forward substitution on the identity.
SquareMatrix lower_triangular_inverse(const SquareMatrix& lower) {
    const std::size_t n = lower.size();
    SquareMatrix inverse(n);
    for (std::size_t c = 0; c < n; ++c) {
        inverse(c, c) = 1.0 / lower(c, c);
        for (std::size_t r = c + 1; r < n; ++r) {
            double sum = 0.0;
            for (std::size_t k = c; k < r; ++k) {
                sum -= lower(r, k) * inverse(k, c);
            }
            inverse(r, c) = sum / lower(r, r);
        }
    }
    return inverse;
}

/// Applies the rotation J (identity but J(p,p) = J(q,q) = cosine, J(p,q) = sine, J(q,p) = -sine) on
/// the right of `m`: columns p and q mix.
void rotate_columns(SquareMatrix& m, std::size_t p, std::size_t q, double cosine, double sine) {
    for (std::size_t k = 0; k < m.size(); ++k) {
        const double m_kp = m(k, p);
        const double m_kq = m(k, q);
        m(k, p) = cosine * m_kp - sine * m_kq;
        m(k, q) = sine * m_kp + cosine * m_kq;
    }
}

/// Applies J' on the left of `m`: rows p and q mix.
void rotate_rows(SquareMatrix& m, std::size_t p, std::size_t q, double cosine, double sine) {
    for (std::size_t k = 0; k < m.size(); ++k) {
        const double m_pk = m(p, k);
        const double m_qk = m(q, k);
        m(p, k) = cosine * m_pk - sine * m_qk;
        m(q, k) = sine * m_pk + cosine * m_qk;
    }
}

double off_diagonal_squares(const SquareMatrix& a) {
    double sum = 0.0;
    for (std::size_t r = 0; r < a.size(); ++r) {
        for (std::size_t c = r + 1; c < a.size(); ++c) {
            sum += a(r, c) * a(r, c);
        }
    }
    return sum;
}

}  // namespace

SquareMatrix inverse_positive_definite(const SquareMatrix& a) {
    const SquareMatrix lower_inverse = lower_triangular_inverse(cholesky_factor(a));
    // a^-1 = L^-T L^-1.
    const std::size_t n = a.size();
    SquareMatrix inverse(n);
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = r; c < n; ++c) {
            double sum = 0.0;
            for (std::size_t k = c; k < n; ++k) {
                sum += lower_inverse(k, r) * lower_inverse(k, c);
            }
            inverse(r, c) = sum;
            inverse(c, r) = sum;
        }
    }
    return inverse;
}

SymmetricEigen symmetric_eigen(const SquareMatrix& a) {
    const std::size_t n = a.size();
    SquareMatrix work = a;
    for (std::size_t r = 0; r < n; ++r) {  // symmetrise from the upper triangle
        for (std::size_t c = r + 1; c < n; ++c) {
            work(c, r) = work(r, c);
        }
    }
    SquareMatrix vectors = SquareMatrix::identity(n);
    double diagonal_squares = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
        diagonal_squares += work(k, k) * work(k, k);
    }
    const double scale = diagonal_squares + 2.0 * off_diagonal_squares(work);
    // Jacobi converges quadratically once the off-diagonal mass is small: a handful of sweeps.
    constexpr int max_sweeps = 60;
    constexpr double converged = 1e-30;  // off-diagonal squares relative to the squared norm
    for (int sweep = 0; sweep < max_sweeps; ++sweep) {
        if (off_diagonal_squares(work) <= converged * scale) {
            break;
        }
        for (std::size_t p = 0; p + 1 < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                if (work(p, q) == 0.0) {
                    continue;
                }
                // Golub and Van Loan's symmetric Schur rotation zeroing work(p, q).
                const double tau = (work(q, q) - work(p, p)) / (2.0 * work(p, q));
                const double tangent =
                    std::abs(tau) > 1e150
                        ? 0.5 / tau
                        : std::copysign(1.0, tau) / (std::abs(tau) + std::sqrt(1.0 + tau * tau));
                const double cosine = 1.0 / std::sqrt(1.0 + tangent * tangent);
                const double sine = tangent * cosine;
                rotate_columns(work, p, q, cosine, sine);
                rotate_rows(work, p, q, cosine, sine);
                rotate_columns(vectors, p, q, cosine, sine);
            }
        }
    }
    SymmetricEigen eigen{std::vector<double>(n), std::move(vectors)};
    for (std::size_t k = 0; k < n; ++k) {
        eigen.values[k] = work(k, k);
    }
    return eigen;
}

}  // namespace jobsim::analysis
