// Eigenpairs of a sample covariance, by the symmetric eigensolver on C = M2/(n-1)
// (C v = lambda v) or exactly by the SVD of the centred data X = U S V^T
// (lambda = s^2/(n-1), v = columns of V), sorted by descending eigenvalue.
// Sign convention: each vector is flipped so its largest-magnitude entry is positive.
#pragma once

#include "dense_solvers.hpp"

namespace mlm::linalg {

struct Spectrum {
    Eigen::VectorXd values;   // descending, >= 0
    Eigen::MatrixXd vectors;  // one unit eigenvector per column, paired with values
};

// Flips each column of `vectors` so that its largest-magnitude entry (the first
// of equal ones) is positive: the same data then give the same signs everywhere.
// The same columns of `companion` (scores that go with the vectors) flip too.
void orient(Eigen::MatrixXd& vectors);
void orient(Eigen::MatrixXd& vectors, Eigen::MatrixXd& companion);

// Eigenpairs of a symmetric covariance matrix. Eigenvalues below zero are
// rounding (|lambda| <= d eps lambda_max) and are reported as 0. With `top`
// in [1, d), only the `top` largest pairs, by a Lanczos solver (Spectra) when
// that is cheaper than the whole decomposition (d in the hundreds and more).
Spectrum covariance_spectrum(const Eigen::MatrixXd& covariance, Eigen::Index top = 0);

// Eigenpairs of the covariance of the rows of `centred` (column means already
// removed), from its thin SVD: min(n, d) pairs; needs n >= 2. Accurate where
// forming the covariance would square the condition number.
Spectrum svd_spectrum(const Eigen::Ref<const Eigen::MatrixXd>& centred);

// The thin SVD X = U S V^T of an n x d matrix given as its transpose A = X^T
// (d x n: how a row-major buffer of the rows looks column-major), factorized
// in place: A = Q R by Householder reflections, R^T = U S W^T (an n x r SVD,
// r = min(n, d)), so V = Q W. Time O(n d r), memory A itself plus O(r (n + r)):
// never a d x d matrix. `transposed` must outlive the object.
class ThinSvd {
public:
    explicit ThinSvd(Eigen::Ref<Eigen::MatrixXd> transposed);
    // Descending, r of them.
    const Eigen::VectorXd& singular_values() const { return singular_; }
    // U S, the first k columns: the rows' coordinates along V's first k columns.
    Eigen::MatrixXd scores(Eigen::Index k) const;
    // The first k columns of V (d x k).
    Eigen::MatrixXd right(Eigen::Index k) const;
    // The first k columns of U (n x k).
    Eigen::MatrixXd left(Eigen::Index k) const { return left_.leftCols(k); }

private:
    Eigen::HouseholderQR<Eigen::Ref<Eigen::MatrixXd>> qr_;
    Eigen::VectorXd singular_;
    Eigen::MatrixXd left_;   // U, n x r
    Eigen::MatrixXd small_;  // W, r x r
};

}  // namespace mlm::linalg
