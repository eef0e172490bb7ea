#include "linalg/svd.hpp"

#include "dense_solvers.hpp"
#include "error.hpp"
#include "linalg/matrix_ops.hpp"
#include "linalg/spectrum.hpp"

#include <algorithm>
#include <limits>

namespace mlm::linalg {

SingularDecomposition thin_svd(RowMajorMatrix a, bool want_u, bool want_v) {
    if (!a.allFinite()) throw NumericError("the matrix has non-finite entries: no SVD");
    const Eigen::Index n = a.rows(), d = a.cols(), r = std::min(n, d);
    const double scale = power_of_two_scale(a);
    a /= scale;
    // The row-major n x d buffer seen column-major is A^T, which ThinSvd takes.
    Eigen::Map<Eigen::MatrixXd> transposed(a.data(), d, n);
    const ThinSvd svd(transposed);
    SingularDecomposition out;
    out.values = svd.singular_values() * scale;
    // The sign rule needs V even when only U is printed.
    if (want_u || want_v) {
        out.v = svd.right(r);
        if (want_u) out.u = svd.left(r);
        orient(out.v, out.u);
        if (!want_v) out.v.resize(0, 0);
    }
    return out;
}

Eigen::VectorXd singular_values(const Eigen::Ref<const Eigen::MatrixXd>& a) {
    if (!a.allFinite()) throw NumericError("the matrix has non-finite entries: no singular values");
    if (a.size() == 0) return {};
    const double scale = power_of_two_scale(a);
    Eigen::BDCSVD<Eigen::MatrixXd> svd(a / scale);
    if (svd.info() != Eigen::Success) throw NumericError("the SVD did not converge");
    return svd.singularValues() * scale;
}

Eigen::MatrixXd rank_k_approximation(const SingularDecomposition& svd, Eigen::Index k) {
    return svd.u.leftCols(k) * svd.values.head(k).asDiagonal() * svd.v.leftCols(k).transpose();
}

double rank_tolerance(const Eigen::VectorXd& singular, Eigen::Index rows, Eigen::Index cols) {
    if (singular.size() == 0) return 0;
    // max(n, d) eps first: s_max near 1e308 times n would overflow.
    return singular.maxCoeff() *
           (static_cast<double>(std::max(rows, cols)) * std::numeric_limits<double>::epsilon());
}

Eigen::Index rank_above(const Eigen::VectorXd& singular, double tolerance) {
    return (singular.array() > tolerance).count();
}

}  // namespace mlm::linalg
