#include "info/gaussian_kl.hpp"

#include <algorithm>
#include <cmath>

#include "error.hpp"
#include "shortest.hpp"

namespace mlm::info {
namespace {

std::string shape(const Eigen::MatrixXd& m) {
    return std::to_string(m.rows()) + "x" + std::to_string(m.cols());
}

void check_symmetric(const Eigen::MatrixXd& c, const std::string& source) {
    // A covariance written out by numpy may differ from its transpose in the last digit.
    double tolerance = 1e-10 * c.cwiseAbs().maxCoeff();
    for (Eigen::Index i = 0; i < c.rows(); ++i)
        for (Eigen::Index j = i + 1; j < c.cols(); ++j)
            if (std::abs(c(i, j) - c(j, i)) > tolerance)
                throw InputError("covariance is not symmetric: cov[" + std::to_string(i + 1) +
                                     "][" + std::to_string(j + 1) + "] = " + shortest(c(i, j)) +
                                     " but cov[" + std::to_string(j + 1) + "][" +
                                     std::to_string(i + 1) + "] = " + shortest(c(j, i)),
                                 source);
}

Eigen::LLT<Eigen::MatrixXd> checked_cholesky(const Gaussian& g, const std::string& source) {
    const auto& c = g.cov;
    if (c.rows() == 0 || c.cols() == 0) throw InputError("covariance is empty", source);
    if (c.rows() != c.cols()) throw InputError("covariance is " + shape(c) + ", not square", source);
    if (g.mean.size() != c.rows())
        throw InputError("mean has " + std::to_string(g.mean.size()) +
                             " entries but the covariance is " + shape(c),
                         source);
    if (!g.mean.allFinite()) throw InputError("mean has a value that is not finite", source);
    if (!c.allFinite()) throw InputError("covariance has a value that is not finite", source);
    check_symmetric(c, source);
    Eigen::LLT<Eigen::MatrixXd> llt(c);
    if (llt.info() != Eigen::Success)
        throw InputError("covariance is not positive definite (it has no Cholesky factor)", source);
    return llt;
}

void check_sd(double sd, const char* name) {
    if (!std::isfinite(sd) || sd <= 0)
        throw InputError(std::string(name) + " must be a finite number > 0, got " + shortest(sd));
}

}  // namespace

void check_gaussian(const Gaussian& g, const std::string& source) { checked_cholesky(g, source); }

double gaussian_kl(double mean_p, double sd_p, double mean_q, double sd_q) {
    check_sd(sd_p, "the standard deviation of P");
    check_sd(sd_q, "the standard deviation of Q");
    if (!std::isfinite(mean_p) || !std::isfinite(mean_q))
        throw InputError("the means must be finite");
    // With u = sd_p/sd_q - 1: ½(r² - 1 - 2 ln r) = ½(u(2+u) - 2 log1p(u)), which
    // keeps its digits when the two spreads are close.
    double u = (sd_p - sd_q) / sd_q;
    double spread = 0.5 * (u * (2 + u) - 2 * std::log1p(u));
    double z = (mean_p - mean_q) / sd_q;
    return std::max(0.0, spread) + 0.5 * z * z;
}

GaussianKlTerms gaussian_kl_terms(const Gaussian& p, const Gaussian& q) {
    auto llt_p = checked_cholesky(p, "P");
    auto llt_q = checked_cholesky(q, "Q");
    if (p.mean.size() != q.mean.size())
        throw InputError("P has " + std::to_string(p.mean.size()) + " dimensions but Q has " +
                         std::to_string(q.mean.size()));
    Eigen::MatrixXd lp = llt_p.matrixL();
    auto lq = llt_q.matrixL();
    GaussianKlTerms t;
    t.trace = lq.solve(lp).squaredNorm();  // tr(Σq⁻¹Σp) = ||Lq⁻¹Lp||²
    t.mahalanobis = lq.solve(q.mean - p.mean).squaredNorm();
    // ln det Σ = 2 Σ ln L_ii: no determinant that could overflow.
    t.log_det_ratio = 2 * (llt_q.matrixLLT().diagonal().array().log().sum() -
                           lp.diagonal().array().log().sum());
    t.dimensions = static_cast<double>(p.mean.size());
    t.kl = std::max(0.0, 0.5 * (t.trace + t.mahalanobis - t.dimensions + t.log_det_ratio));
    return t;
}

double gaussian_kl(const Gaussian& p, const Gaussian& q) { return gaussian_kl_terms(p, q).kl; }

double vae_kl(std::span<const double> mu, std::span<const double> logvar) {
    if (mu.size() != logvar.size())
        throw InputError(std::to_string(mu.size()) + " means but " +
                         std::to_string(logvar.size()) + " log-variances");
    double sum = 0;
    for (std::size_t i = 0; i < mu.size(); ++i) {
        if (!std::isfinite(mu[i]) || !std::isfinite(logvar[i]))
            throw InputError("mu and logvar must be finite; dimension " + std::to_string(i + 1) +
                             " is not");
        // e^v - 1 - v through expm1: no cancellation when the variance is near 1.
        sum += mu[i] * mu[i] + (std::expm1(logvar[i]) - logvar[i]);
    }
    return 0.5 * sum;
}

}  // namespace mlm::info
