// The small dense linear algebra behind the regression estimators, on hand-checked matrices.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "analysis/small_matrix.hpp"

namespace test_small_matrix {

using jobsim::analysis::inverse_positive_definite;
using jobsim::analysis::matrix_function;
using jobsim::analysis::SquareMatrix;
using jobsim::analysis::symmetric_eigen;

namespace {

SquareMatrix from_rows(std::initializer_list<std::initializer_list<double>> rows) {
    SquareMatrix m(rows.size());
    std::size_t r = 0;
    for (const auto& row : rows) {
        std::size_t c = 0;
        for (const double value : row) {
            m(r, c++) = value;
        }
        ++r;
    }
    return m;
}

void check_equal(const SquareMatrix& a, const SquareMatrix& b, double margin) {
    REQUIRE(a.size() == b.size());
    for (std::size_t r = 0; r < a.size(); ++r) {
        for (std::size_t c = 0; c < a.size(); ++c) {
            CHECK(a(r, c) == Approx(b(r, c)).margin(margin));
        }
    }
}

}  // namespace

TEST_CASE("small matrix: the Cholesky inverse of a positive definite matrix is its inverse",
          "[analysis][small_matrix]") {
    // [[4, 2], [2, 3]] has determinant 8 and inverse [[3, -2], [-2, 4]] / 8.
    const SquareMatrix a = from_rows({{4, 2}, {2, 3}});
    check_equal(inverse_positive_definite(a), from_rows({{0.375, -0.25}, {-0.25, 0.5}}), 1e-15);
    const SquareMatrix b = from_rows({{6, 2, 1, 0}, {2, 5, 2, 1}, {1, 2, 4, 1}, {0, 1, 1, 3}});
    check_equal(b * inverse_positive_definite(b), SquareMatrix::identity(4), 1e-14);
}

TEST_CASE("small matrix: a singular matrix is refused", "[analysis][small_matrix]") {
    // The third column is the sum of the first two.
    const SquareMatrix gram = from_rows({{1, 0, 1}, {0, 1, 1}, {1, 1, 2}});
    CHECK_THROWS_AS(inverse_positive_definite(gram), std::invalid_argument);
}

TEST_CASE("small matrix: Jacobi finds the eigenvalues and rebuilds the matrix, singular or not",
          "[analysis][small_matrix]") {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3; the all-ones 3 x 3 matrix has 3, 0, 0.
    auto values = symmetric_eigen(from_rows({{2, 1}, {1, 2}})).values;
    std::sort(values.begin(), values.end());
    CHECK(values[0] == Approx(1.0));
    CHECK(values[1] == Approx(3.0));
    const SquareMatrix ones = from_rows({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
    values = symmetric_eigen(ones).values;
    std::sort(values.begin(), values.end());
    CHECK(values[0] == Approx(0.0).margin(1e-15));
    CHECK(values[1] == Approx(0.0).margin(1e-15));
    CHECK(values[2] == Approx(3.0));
    const SquareMatrix b = from_rows({{6, 2, 1, 0}, {2, 5, 2, 1}, {1, 2, 4, 1}, {0, 1, 1, 3}});
    const auto eigen = symmetric_eigen(b);
    check_equal(matrix_function(eigen, [](double x) { return x; }), b, 1e-13);
    // The square root squares back to the matrix.
    const SquareMatrix root = matrix_function(eigen, [](double x) { return std::sqrt(x); });
    check_equal(root * root, b, 1e-13);
}

}  // namespace test_small_matrix
