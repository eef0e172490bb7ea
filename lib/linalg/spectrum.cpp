#include "linalg/spectrum.hpp"

#include "error.hpp"

#include <string>

namespace mlm::linalg {

void orient(Eigen::MatrixXd& vectors) {
    for (Eigen::Index j = 0; j < vectors.cols(); ++j) {
        Eigen::Index at = 0;
        vectors.col(j).cwiseAbs().maxCoeff(&at);
        if (vectors(at, j) < 0) vectors.col(j) = -vectors.col(j);
    }
}

Spectrum covariance_spectrum(const Eigen::MatrixXd& covariance) {
    if (!covariance.allFinite())
        throw NumericError("the covariance matrix has non-finite entries");
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    if (solver.info() != Eigen::Success)
        throw NumericError("the symmetric eigensolver did not converge");
    // The solver sorts ascending; PCA wants the largest variance first.
    Spectrum s{solver.eigenvalues().reverse().cwiseMax(0.0),
               solver.eigenvectors().rowwise().reverse()};
    orient(s.vectors);
    return s;
}

Spectrum svd_spectrum(const Eigen::Ref<const Eigen::MatrixXd>& centred) {
    const Eigen::Index n = centred.rows();
    if (n < 2) throw InputError("PCA needs at least 2 rows, got " + std::to_string(n));
    if (!centred.allFinite()) throw NumericError("the data have non-finite entries");
    Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
    if (svd.info() != Eigen::Success) throw NumericError("the SVD did not converge");
    // BDCSVD already sorts singular values in decreasing order.
    Spectrum s{svd.singularValues().array().square() / static_cast<double>(n - 1),
               svd.matrixV()};
    orient(s.vectors);
    return s;
}

}  // namespace mlm::linalg
