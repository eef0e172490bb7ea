#include "linalg/randomized_svd.hpp"

#include "error.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <string>

namespace mlm::linalg {
namespace {

// Uniform in (0, 1]: 53 random bits, shifted so that log() never sees 0.
double open_uniform(std::mt19937_64& engine) {
    return (static_cast<double>(engine() >> 11) + 1.0) * 0x1.0p-53;
}

// An orthonormal basis of the column space of `a` (thin Q of Householder QR).
Eigen::MatrixXd orthonormal_basis(const Eigen::MatrixXd& a) {
    Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
    return qr.householderQ() * Eigen::MatrixXd::Identity(a.rows(), a.cols());
}

}  // namespace

Eigen::MatrixXd gaussian_matrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    Eigen::MatrixXd g(rows, cols);
    double* out = g.data();
    const Eigen::Index size = g.size();
    for (Eigen::Index i = 0; i < size; i += 2) {
        const double radius = std::sqrt(-2.0 * std::log(open_uniform(engine)));
        const double angle = 2.0 * std::numbers::pi * open_uniform(engine);
        out[i] = radius * std::cos(angle);
        if (i + 1 < size) out[i + 1] = radius * std::sin(angle);
    }
    return g;
}

Spectrum randomized_spectrum(const Eigen::Ref<const Eigen::MatrixXd>& transposed, Eigen::Index k,
                             const RandomizedSettings& settings) {
    const auto centred = transposed.transpose();  // X, n x d, a view
    const Eigen::Index n = centred.rows();
    const Eigen::Index d = centred.cols();
    if (n < 2) throw InputError("PCA needs at least 2 rows, got " + std::to_string(n));
    const Eigen::Index rank = std::min(n, d);
    if (k < 1 || k > rank)
        throw UsageError("randomized SVD needs 1 <= k <= min(rows, columns) = " +
                         std::to_string(rank) + ", got " + std::to_string(k));
    if (!transposed.allFinite()) throw NumericError("the data have non-finite entries");
    const Eigen::Index width = std::min(k + settings.oversamples, rank);
    const int q = settings.power_iterations >= 0
                      ? settings.power_iterations
                      : (10 * k < rank ? 7 : 4);
    // Re-orthonormalizing after every product keeps the small singular
    // directions from drowning in rounding as (X X^T)^q separates them.
    Eigen::MatrixXd basis = orthonormal_basis(centred * gaussian_matrix(d, width, settings.seed));
    for (int i = 0; i < q; ++i) {
        const Eigen::MatrixXd row_basis = orthonormal_basis(transposed * basis);
        basis = orthonormal_basis(centred * row_basis);
    }
    const Eigen::MatrixXd small = (transposed * basis).transpose();  // B = Q^T X, width x d
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(small, Eigen::ComputeThinV);
    Spectrum s{svd.singularValues().head(k).array().square() / static_cast<double>(n - 1),
               svd.matrixV().leftCols(k)};
    orient(s.vectors);
    return s;
}

}  // namespace mlm::linalg
