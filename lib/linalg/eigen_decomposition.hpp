// Eigenpairs A v = lambda v of a square matrix. A symmetric matrix (|a_ij -
// a_ji| <= 1e-12 max|a| for every pair: exactly, or to the rounding of a
// computed product written out) goes to the symmetric solver: real
// eigenvalues, descending, orthonormal vectors (numpy's eigh, reversed).
// Any other to the general solver (Hessenberg QR, as numpy's eig): complex in
// general, sorted by descending |lambda|; |lambda| within 1e-12 relative are
// ties, broken by the larger real part, then by the positive imaginary part
// first, so a conjugate pair prints +im then -im.
// Vectors have unit 2-norm; a real vector's largest-magnitude entry is
// positive, and a complex vector is turned (times e^{i phi}) so that its
// largest-magnitude entry is real and positive.
#pragma once

#include <Eigen/Dense>

namespace mlm::linalg {

inline constexpr double symmetry_tolerance = 1e-12;

bool is_symmetric(const Eigen::Ref<const Eigen::MatrixXd>& a, double tolerance = symmetry_tolerance);

struct Eigenpairs {
    bool symmetric = false;   // which solver: then every value and vector is real
    Eigen::VectorXcd values;  // in the order above
    Eigen::MatrixXcd vectors; // one per column (empty unless asked)
};

// NumericError for non-finite entries or when the solver does not converge;
// InputError when `a` is not square. `general` forces the general solver.
Eigenpairs eigenpairs(const Eigen::Ref<const Eigen::MatrixXd>& a, bool want_vectors, bool general = false);

// ||A v_j - lambda_j v_j||_2 for every pair.
Eigen::VectorXd eigen_residuals(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigenpairs& pairs);

}  // namespace mlm::linalg
