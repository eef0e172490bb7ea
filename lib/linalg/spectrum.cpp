#include "linalg/spectrum.hpp"

#include "error.hpp"

#include <Spectra/MatOp/DenseSymMatProd.h>
#include <Spectra/SymEigsSolver.h>

#include <algorithm>
#include <string>

namespace mlm::linalg {
namespace {

using Index = Eigen::Index;

// The top pairs by Lanczos (implicitly restarted, Spectra): O(d^2) a product,
// against O(d^3) for the whole decomposition (8,000 columns: minutes). Empty
// when it did not converge, so the caller falls back to the full solver.
Spectrum top_pairs(const Eigen::MatrixXd& covariance, Index top) {
    const Index d = covariance.rows();
    Spectra::DenseSymMatProd<double> product(covariance);
    const Index basis = std::min<Index>(d, std::max<Index>(2 * top + 1, top + 20));
    Spectra::SymEigsSolver<Spectra::DenseSymMatProd<double>> solver(product, top, basis);
    solver.init();  // a fixed start vector: the same input gives the same bits
    solver.compute(Spectra::SortRule::LargestAlge, 1000, 1e-13);
    if (solver.info() != Spectra::CompInfo::Successful) return {};
    return {solver.eigenvalues().cwiseMax(0.0), solver.eigenvectors()};
}

}  // namespace

void orient(Eigen::MatrixXd& vectors) {
    Eigen::MatrixXd none;
    orient(vectors, none);
}

void orient(Eigen::MatrixXd& vectors, Eigen::MatrixXd& companion) {
    for (Index j = 0; j < vectors.cols(); ++j) {
        Index at = 0;
        vectors.col(j).cwiseAbs().maxCoeff(&at);
        if (vectors(at, j) < 0) {
            vectors.col(j) = -vectors.col(j);
            if (j < companion.cols()) companion.col(j) = -companion.col(j);
        }
    }
}

Spectrum covariance_spectrum(const Eigen::MatrixXd& covariance, Index top) {
    if (!covariance.allFinite())
        throw NumericError("the covariance matrix has non-finite entries");
    const Index d = covariance.rows();
    // Below a few hundred columns the whole decomposition takes milliseconds
    // and is exact to rounding; Lanczos pays off beyond.
    if (top >= 1 && d >= 256 && 4 * top < d) {
        Spectrum s = top_pairs(covariance, top);
        if (s.values.size() == top) {
            orient(s.vectors);
            return s;
        }
    }
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
    const Index n = centred.rows();
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

ThinSvd::ThinSvd(Eigen::Ref<Eigen::MatrixXd> transposed) : qr_(transposed) {
    const Index d = transposed.rows();
    const Index n = transposed.cols();
    const Index r = std::min(n, d);
    // R is r x n, upper trapezoidal; X = A^T = R^T Q^T.
    const Eigen::MatrixXd rt =
        Eigen::MatrixXd(qr_.matrixQR().topRows(r).triangularView<Eigen::Upper>()).transpose();
    Eigen::BDCSVD<Eigen::MatrixXd> svd(rt, Eigen::ComputeThinU | Eigen::ComputeThinV);
    if (svd.info() != Eigen::Success) throw NumericError("the SVD did not converge");
    singular_ = svd.singularValues();
    left_ = svd.matrixU();
    small_ = svd.matrixV();
}

Eigen::MatrixXd ThinSvd::scores(Index k) const {
    return left_.leftCols(k) * singular_.head(k).asDiagonal();
}

Eigen::MatrixXd ThinSvd::right(Index k) const {
    const Index d = qr_.rows();
    Eigen::MatrixXd v = Eigen::MatrixXd::Zero(d, k);
    v.topRows(small_.rows()) = small_.leftCols(k);
    v.applyOnTheLeft(qr_.householderQ());
    return v;
}

}  // namespace mlm::linalg
