// Eigen's dearest dense decompositions of MatrixXd, compiled once for the
// whole build instead of once in every file that uses them: BDCSVD costs 32 s
// of compile time a file and the symmetric eigensolver 7 s, nearly all of it in
// the front end, so the sanitizer build paid it again. The `extern template`
// declarations below stop the implicit instantiations; lib/dense_solvers/*.cpp
// hold the explicit ones. Precompiled into every file (cmake/pch.cmake), and
// included by the files that use them for builds without precompiled headers.
// Only a MatrixXd argument finds the compiled compute(); pass one, not an
// expression or an Eigen::Ref (which would instantiate compute() anew).
#pragma once

#include <Eigen/Dense>

extern template class Eigen::BDCSVD<Eigen::MatrixXd>;

extern template class Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>;
extern template Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>&
Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>::compute<Eigen::MatrixXd>(const Eigen::EigenBase<Eigen::MatrixXd>&,
                                                                          int);
