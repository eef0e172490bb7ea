#include "linalg/eigen_decomposition.hpp"

#include "dense_solvers.hpp"
#include "error.hpp"
#include "linalg/matrix_ops.hpp"
#include "linalg/spectrum.hpp"

#include <algorithm>
#include <complex>
#include <numeric>
#include <vector>

namespace mlm::linalg {
namespace {

using Index = Eigen::Index;

Eigenpairs symmetric_pairs(const Eigen::Ref<const Eigen::MatrixXd>& a, bool want_vectors) {
    // A MatrixXd, not the Ref: the solver compiled once takes that (dense_solvers.hpp).
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(
        Eigen::MatrixXd(a), want_vectors ? Eigen::ComputeEigenvectors : Eigen::EigenvaluesOnly);
    if (solver.info() != Eigen::Success) throw NumericError("the symmetric eigensolver did not converge");
    Eigenpairs out;
    out.symmetric = true;
    // Ascending from the solver; descending here.
    out.values = solver.eigenvalues().reverse().cast<std::complex<double>>();
    if (want_vectors) {
        Eigen::MatrixXd v = solver.eigenvectors().rowwise().reverse();
        orient(v);
        out.vectors = v.cast<std::complex<double>>();
    }
    return out;
}

// True when x comes before y in the documented order.
bool before(std::complex<double> x, std::complex<double> y, double scale) {
    const double tie = symmetry_tolerance * scale;
    const double mx = std::abs(x), my = std::abs(y);
    if (std::abs(mx - my) > tie) return mx > my;
    if (std::abs(x.real() - y.real()) > tie) return x.real() > y.real();
    return x.imag() > y.imag();
}

// Unit norm, and the largest-magnitude entry (the first of equal ones) real and positive.
void normalize_phase(Eigen::VectorXcd& v) {
    const double norm = v.norm();
    if (norm > 0) v /= norm;
    Index at = 0;
    v.cwiseAbs().maxCoeff(&at);
    const double m = std::abs(v(at));
    if (m > 0) v *= std::conj(v(at)) / m;
    v(at) = std::complex<double>(m, 0);  // exactly real, not 1e-17i
}

Eigenpairs general_pairs(const Eigen::Ref<const Eigen::MatrixXd>& a, bool want_vectors) {
    Eigen::EigenSolver<Eigen::MatrixXd> solver(a, want_vectors);
    if (solver.info() != Eigen::Success) throw NumericError("the eigensolver did not converge");
    const Eigen::VectorXcd values = solver.eigenvalues();
    const double scale = values.size() ? values.cwiseAbs().maxCoeff() : 0;
    std::vector<Index> order(static_cast<std::size_t>(values.size()));
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](Index i, Index j) { return before(values(i), values(j), scale); });
    Eigenpairs out;
    out.values = values(order);
    if (want_vectors) {
        const Eigen::MatrixXcd v = solver.eigenvectors();
        out.vectors = v(Eigen::all, order);
        for (Index j = 0; j < out.vectors.cols(); ++j) {
            Eigen::VectorXcd col = out.vectors.col(j);
            normalize_phase(col);
            out.vectors.col(j) = col;
        }
    }
    return out;
}

}  // namespace

bool is_symmetric(const Eigen::Ref<const Eigen::MatrixXd>& a, double tolerance) {
    if (a.rows() != a.cols()) return false;
    const double bound = tolerance * (a.size() ? a.cwiseAbs().maxCoeff() : 0);
    for (Index j = 0; j < a.cols(); ++j)
        for (Index i = j + 1; i < a.rows(); ++i)
            if (!(std::abs(a(i, j) - a(j, i)) <= bound)) return false;
    return true;
}

Eigenpairs eigenpairs(const Eigen::Ref<const Eigen::MatrixXd>& a, bool want_vectors, bool general) {
    require_square(a, "an eigendecomposition");
    if (!a.allFinite()) throw NumericError("the matrix has non-finite entries (nan or inf): no eigenvalues");
    if (!general && is_symmetric(a)) return symmetric_pairs(a, want_vectors);
    return general_pairs(a, want_vectors);
}

Eigen::VectorXd eigen_residuals(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigenpairs& pairs) {
    // On A / s (s a power of two), so entries near 1e308 do not overflow A v.
    const double scale = power_of_two_scale(a);
    const Eigen::MatrixXcd ac = (a / scale).cast<std::complex<double>>();
    Eigen::VectorXd out(pairs.values.size());
    for (Index j = 0; j < out.size(); ++j)
        out(j) = scale * (ac * pairs.vectors.col(j) - (pairs.values(j) / scale) * pairs.vectors.col(j)).norm();
    return out;
}

}  // namespace mlm::linalg
