// Solving A X = B and inverting A by LU with partial pivoting (numpy's solve
// and inv, LAPACK's getrf/getrs), refused when A is singular to working
// precision: its reciprocal condition number (LAPACK's 1-norm estimate,
// 1 / (||A||_1 ||A^-1||_1)) below n eps. Least squares instead: the
// minimum-norm X minimizing ||A X - B||_2, from the SVD with singular values
// below max(n, d) eps s_max treated as zero (numpy's lstsq with rcond=None),
// and the pseudo-inverse A+ the same way.
#pragma once

#include <Eigen/Dense>

namespace mlm::linalg {

// NumericError "singular matrix (condition number ...)" when A is singular
// to working precision; InputError when it is not square.
Eigen::MatrixXd inverse(const Eigen::Ref<const Eigen::MatrixXd>& a);
// A X = B; B has A's row count (checked: InputError naming both shapes).
Eigen::MatrixXd solve(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b);

Eigen::MatrixXd least_squares(const Eigen::Ref<const Eigen::MatrixXd>& a,
                              const Eigen::Ref<const Eigen::MatrixXd>& b);
Eigen::MatrixXd pseudo_inverse(const Eigen::Ref<const Eigen::MatrixXd>& a);

// The 2-norm condition number s_max / s_min (inf when singular): numpy's cond.
double condition_number(const Eigen::Ref<const Eigen::MatrixXd>& a);

}  // namespace mlm::linalg
