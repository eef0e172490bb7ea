// Eigenpairs of a sample covariance, by the symmetric eigensolver on C = M2/(n-1)
// (C v = lambda v) or exactly by the SVD of the centred data X = U S V^T
// (lambda = s^2/(n-1), v = columns of V), sorted by descending eigenvalue.
// Sign convention: each vector is flipped so its largest-magnitude entry is positive.
#pragma once

#include <Eigen/Dense>

namespace mlm::linalg {

struct Spectrum {
    Eigen::VectorXd values;   // descending, >= 0
    Eigen::MatrixXd vectors;  // one unit eigenvector per column, paired with values
};

// Flips each column of `vectors` so that its largest-magnitude entry (the first
// of equal ones) is positive: the same data then give the same signs everywhere.
void orient(Eigen::MatrixXd& vectors);

// Eigenpairs of a symmetric covariance matrix. Eigenvalues below zero are
// rounding (|lambda| <= d eps lambda_max) and are reported as 0.
Spectrum covariance_spectrum(const Eigen::MatrixXd& covariance);

// Eigenpairs of the covariance of the rows of `centred` (column means already
// removed), from its thin SVD: min(n, d) pairs; needs n >= 2. Accurate where
// forming the covariance would square the condition number.
Spectrum svd_spectrum(const Eigen::Ref<const Eigen::MatrixXd>& centred);

}  // namespace mlm::linalg
