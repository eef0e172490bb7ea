#include "linalg/linear_solve.hpp"

#include "dense_solvers.hpp"
#include "error.hpp"
#include "linalg/matrix_ops.hpp"
#include "linalg/svd.hpp"

#include <cstdio>
#include <limits>

namespace mlm::linalg {
namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();

void require_finite(const Eigen::Ref<const Eigen::MatrixXd>& m, const char* what) {
    if (!m.allFinite()) throw NumericError(std::string(what) + " has non-finite entries (nan or inf)");
}

// The factorization of a square A, refused when A is singular to working precision.
Eigen::PartialPivLU<Eigen::MatrixXd> factorize(const Eigen::Ref<const Eigen::MatrixXd>& a,
                                               const char* what) {
    require_square(a, what);
    require_finite(a, "the matrix");
    Eigen::PartialPivLU<Eigen::MatrixXd> lu(a);
    const double rcond = a.size() ? lu.rcond() : 1;
    if (!(rcond >= static_cast<double>(a.rows()) * eps)) {
        char cond[64];
        std::snprintf(cond, sizeof cond, "%.3g", condition_number(a));
        throw NumericError(std::string("the matrix is singular to working precision (condition number ") +
                           cond + "): --lstsq gives the least-squares answer");
    }
    return lu;
}

Eigen::BDCSVD<Eigen::MatrixXd> thresholded_svd(const Eigen::Ref<const Eigen::MatrixXd>& a) {
    require_finite(a, "the matrix");
    Eigen::BDCSVD<Eigen::MatrixXd> svd(a, Eigen::ComputeThinU | Eigen::ComputeThinV);
    if (svd.info() != Eigen::Success) throw NumericError("the SVD did not converge");
    // Relative to s_max, as numpy's rcond=None: max(n, d) eps.
    svd.setThreshold(static_cast<double>(std::max(a.rows(), a.cols())) * eps);
    return svd;
}

}  // namespace

Eigen::MatrixXd inverse(const Eigen::Ref<const Eigen::MatrixXd>& a) {
    return factorize(a, "inverse").inverse();
}

Eigen::MatrixXd solve(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b) {
    require_square(a, "solve (without --lstsq)");
    require_product_shapes(a, "A", b, "B");
    require_finite(b, "B");
    return factorize(a, "solve").solve(b);
}

Eigen::MatrixXd least_squares(const Eigen::Ref<const Eigen::MatrixXd>& a,
                              const Eigen::Ref<const Eigen::MatrixXd>& b) {
    if (a.rows() != b.rows())
        throw InputError("A is " + shape_text(a.rows(), a.cols()) + " and B is " +
                         shape_text(b.rows(), b.cols()) + ": they must have the same number of rows");
    require_finite(b, "B");
    return thresholded_svd(a).solve(b);
}

Eigen::MatrixXd pseudo_inverse(const Eigen::Ref<const Eigen::MatrixXd>& a) {
    return thresholded_svd(a).solve(Eigen::MatrixXd::Identity(a.rows(), a.rows()));
}

double condition_number(const Eigen::Ref<const Eigen::MatrixXd>& a) {
    const Eigen::VectorXd s = singular_values(a);
    if (s.size() == 0) return 1;
    const double smin = s.minCoeff();
    return smin == 0 ? std::numeric_limits<double>::infinity() : s.maxCoeff() / smin;
}

}  // namespace mlm::linalg
