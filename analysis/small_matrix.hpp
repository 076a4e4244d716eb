// Small dense linear algebra for regression estimators: p x p matrices (p up to a few dozen),
// the inverse of a positive definite matrix by Cholesky factorisation, and the symmetric
// eigen-decomposition by cyclic Jacobi rotations (Golub and Van Loan 2013, sections 4.2 and 8.5),
// with functions of a symmetric matrix f(A) = V f(L) V'. Written here to add no dependency.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace jobsim::analysis {

/// A dense square matrix stored row-major.
class SquareMatrix {
public:
    explicit SquareMatrix(std::size_t size = 0) : size_(size), values_(size * size, 0.0) {}
    [[nodiscard]] static SquareMatrix identity(std::size_t size);

    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] double& operator()(std::size_t row, std::size_t col) {
        return values_[row * size_ + col];
    }
    [[nodiscard]] double operator()(std::size_t row, std::size_t col) const {
        return values_[row * size_ + col];
    }
    [[nodiscard]] std::span<const double> row(std::size_t r) const {
        return {values_.data() + r * size_, size_};
    }

private:
    std::size_t size_;
    std::vector<double> values_;
};

[[nodiscard]] SquareMatrix operator*(const SquareMatrix& a, const SquareMatrix& b);
/// The matrix-vector product a v.
[[nodiscard]] std::vector<double> operator*(const SquareMatrix& a, std::span<const double> v);
[[nodiscard]] double dot(std::span<const double> a, std::span<const double> b);
/// The trace of a b, in O(size^2).
[[nodiscard]] double trace_of_product(const SquareMatrix& a, const SquareMatrix& b);

/// The inverse of a symmetric positive definite matrix, from its Cholesky factor. Throws
/// std::invalid_argument when a pivot is not positive relative to its diagonal entry (the matrix
/// is singular or indefinite, e.g. X'X of collinear columns).
[[nodiscard]] SquareMatrix inverse_positive_definite(const SquareMatrix& a);

/// a = vectors * diag(values) * vectors', with orthonormal eigenvectors as columns.
struct SymmetricEigen {
    std::vector<double> values;
    SquareMatrix vectors;
};

/// Eigen-decomposition of a symmetric matrix (only the upper triangle need be exact) by cyclic
/// Jacobi rotations; accurate to rounding for the small matrices used here, singular or not.
[[nodiscard]] SymmetricEigen symmetric_eigen(const SquareMatrix& a);

/// f(A) = V diag(f(values)) V' for a symmetric A with eigen-decomposition `eigen`.
template <class Function>
[[nodiscard]] SquareMatrix matrix_function(const SymmetricEigen& eigen, Function f) {
    const std::size_t n = eigen.values.size();
    std::vector<double> f_values(n);
    for (std::size_t k = 0; k < n; ++k) {
        f_values[k] = f(eigen.values[k]);
    }
    SquareMatrix result(n);
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = r; c < n; ++c) {
            double sum = 0.0;
            for (std::size_t k = 0; k < n; ++k) {
                sum += eigen.vectors(r, k) * f_values[k] * eigen.vectors(c, k);
            }
            result(r, c) = sum;
            result(c, r) = sum;
        }
    }
    return result;
}

}  // namespace jobsim::analysis
