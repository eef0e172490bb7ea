// The thin singular value decomposition A = U S V^T of an n x d matrix (U n x r,
// S r x r, V d x r, r = min(n, d)), by the in-place route of ThinSvd: never a
// d x d (or n x n) matrix, so a 100 x 20,000 input costs O(n^2 d). Also the
// best rank-k approximation A_k = U_k S_k V_k^T (Eckart-Young), the singular
// values alone, and the numerical rank with numpy's tolerance.
// Sign convention: each column of V has its largest-magnitude entry positive
// (the first of equal ones), the matching column of U flipped with it.
#pragma once

#include <Eigen/Dense>

namespace mlm::linalg {

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct SingularDecomposition {
    Eigen::VectorXd values;  // descending, r of them
    Eigen::MatrixXd u;       // n x r (empty unless asked)
    Eigen::MatrixXd v;       // d x r (empty unless asked)
};

// `a` is consumed (factorized in place). NumericError for non-finite entries.
SingularDecomposition thin_svd(RowMajorMatrix a, bool want_u, bool want_v);

// The singular values of `a`, descending.
Eigen::VectorXd singular_values(const Eigen::Ref<const Eigen::MatrixXd>& a);

// U_k S_k V_k^T from a decomposition that holds U and V; 1 <= k <= r.
Eigen::MatrixXd rank_k_approximation(const SingularDecomposition& svd, Eigen::Index k);

// numpy.linalg.matrix_rank's default tolerance: S.max() * max(n, d) * eps.
double rank_tolerance(const Eigen::VectorXd& singular, Eigen::Index rows, Eigen::Index cols);
// The number of singular values above `tolerance`.
Eigen::Index rank_above(const Eigen::VectorXd& singular, double tolerance);

}  // namespace mlm::linalg
