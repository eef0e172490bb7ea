// BDCSVD of dense_solvers.hpp, the dearest instantiation of all, in a file of
// its own so that it builds beside the rest.
#include "dense_solvers.hpp"

template class Eigen::BDCSVD<Eigen::MatrixXd>;
