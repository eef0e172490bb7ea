// Eigen's dearest dense decompositions of MatrixXd and its matrix-product
// kernels for double, compiled once for the whole build instead of once in
// every file that uses them: BDCSVD costs 32 s of compile time a file and the
// symmetric eigensolver 7 s, nearly all of it in the front end, so the
// sanitizer build paid it again. The `extern template` declarations below stop
// the implicit instantiations; lib/dense_solvers/*.cpp hold the explicit ones.
// Precompiled into every file (cmake/pch.cmake), and included by the files
// that use them for builds without precompiled headers.
// Only a MatrixXd argument finds the compiled compute(); pass one, not an
// expression or an Eigen::Ref (which would instantiate compute() anew).
#pragma once

#include <Eigen/Dense>

extern template class Eigen::BDCSVD<Eigen::MatrixXd>;

extern template class Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>;
extern template Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>&
Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>::compute<Eigen::MatrixXd>(const Eigen::EigenBase<Eigen::MatrixXd>&,
                                                                          int);

// The matrix-product kernels behind A * B (each storage order of A and B, into
// a column-major result), A * v and A^T * v: about 1.2 s of compile time in
// every file with a product of dynamic double matrices. These six are the ones
// the code instantiated (nm on the objects); another product compiles locally.
extern template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::ColMajor, false,
                                                                     double, Eigen::ColMajor, false, Eigen::ColMajor, 1>;
extern template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::ColMajor, false,
                                                                     double, Eigen::RowMajor, false, Eigen::ColMajor, 1>;
extern template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::RowMajor, false,
                                                                     double, Eigen::ColMajor, false, Eigen::ColMajor, 1>;
extern template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::RowMajor, false,
                                                                     double, Eigen::RowMajor, false, Eigen::ColMajor, 1>;
extern template struct Eigen::internal::general_matrix_vector_product<
    Eigen::Index, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::ColMajor>, Eigen::ColMajor,
    false, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::RowMajor>, false, 0>;
extern template struct Eigen::internal::general_matrix_vector_product<
    Eigen::Index, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::RowMajor>, Eigen::RowMajor,
    false, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::ColMajor>, false, 0>;
