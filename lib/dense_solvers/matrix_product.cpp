// The matrix-product kernels of dense_solvers.hpp.
#include "dense_solvers.hpp"

template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::ColMajor, false, double,
                                                              Eigen::ColMajor, false, Eigen::ColMajor, 1>;
template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::ColMajor, false, double,
                                                              Eigen::RowMajor, false, Eigen::ColMajor, 1>;
template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::RowMajor, false, double,
                                                              Eigen::ColMajor, false, Eigen::ColMajor, 1>;
template struct Eigen::internal::general_matrix_matrix_product<Eigen::Index, double, Eigen::RowMajor, false, double,
                                                              Eigen::RowMajor, false, Eigen::ColMajor, 1>;
template struct Eigen::internal::general_matrix_vector_product<
    Eigen::Index, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::ColMajor>, Eigen::ColMajor,
    false, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::RowMajor>, false, 0>;
template struct Eigen::internal::general_matrix_vector_product<
    Eigen::Index, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::RowMajor>, Eigen::RowMajor,
    false, double, Eigen::internal::const_blas_data_mapper<double, Eigen::Index, Eigen::ColMajor>, false, 0>;
