// Exact least squares by QR on centered data, or from mergeable moments; see least_squares.hpp.
#include "models/least_squares.hpp"

#include <cmath>
#include <limits>
#include <string>

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include "error.hpp"

namespace mlm::models {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

[[noreturn]] void singular(Index rank, Index d) {
    throw NumericError("the features are linearly dependent (rank " + std::to_string(rank) + " of " +
                       std::to_string(d) + "): the least-squares weights are not unique; add --l2 or drop a column");
}

}  // namespace

Parameters least_squares(const RowMatrix& x, const VectorXd& y, double l2, bool intercept) {
    const Index n = x.rows(), d = x.cols();
    const VectorXd mean_x = intercept ? VectorXd(x.colwise().mean().transpose()) : VectorXd::Zero(d);
    const double mean_y = intercept ? y.mean() : 0;
    const Index extra = l2 > 0 ? d : 0;
    MatrixXd a(n + extra, d);
    a.topRows(n) = x.rowwise() - mean_x.transpose();
    VectorXd rhs = VectorXd::Zero(n + extra);
    rhs.head(n) = y.array() - mean_y;
    if (extra) a.bottomRows(d) = std::sqrt(static_cast<double>(n) * l2) * MatrixXd::Identity(d, d);
    Eigen::ColPivHouseholderQR<MatrixXd> qr(a);
    qr.setThreshold(64 * std::numeric_limits<double>::epsilon());
    if (qr.rank() < d) singular(qr.rank(), d);
    VectorXd w = qr.solve(rhs);
    // One refinement step: the correction solves the same problem for the residual.
    w += qr.solve(VectorXd(rhs - a * w));
    Parameters p;
    p.weights = w;
    p.intercept = VectorXd::Constant(1, mean_y - mean_x.dot(w));
    return p;
}

Parameters least_squares(const linalg::Moments& moments, double l2, bool intercept) {
    const Index d = moments.dimension() - 1;
    const double n = static_cast<double>(moments.count());
    MatrixXd m2 = moments.comoments() / n;
    const VectorXd& mean = moments.mean();
    if (!intercept) m2 += mean * mean.transpose();  // uncentered second moments
    MatrixXd a = m2.topLeftCorner(d, d);
    a.diagonal().array() += l2;
    const VectorXd rhs = m2.col(d).head(d);
    // Unit diagonal: the pivoted Cholesky then judges rank on comparable scales.
    VectorXd scale = a.diagonal().cwiseSqrt();
    for (Index j = 0; j < d; ++j)
        if (!(scale[j] > 0)) singular(0, d);
    const MatrixXd s = scale.cwiseInverse().asDiagonal() * a * scale.cwiseInverse().asDiagonal();
    Eigen::LDLT<MatrixXd> ldlt(s);
    const VectorXd pivots = ldlt.vectorD();
    if (ldlt.info() != Eigen::Success || pivots.minCoeff() <= 1e-13 * pivots.maxCoeff())
        singular((pivots.array() > 1e-13 * pivots.maxCoeff()).count(), d);
    const VectorXd b = rhs.cwiseQuotient(scale);
    VectorXd u = ldlt.solve(b);
    u += ldlt.solve(VectorXd(b - s * u));
    Parameters p;
    p.weights = u.cwiseQuotient(scale);
    p.intercept = VectorXd::Constant(1, intercept ? mean[d] - mean.head(d).dot(p.weights.col(0)) : 0.0);
    return p;
}

}  // namespace mlm::models
