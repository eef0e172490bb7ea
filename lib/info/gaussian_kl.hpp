// KL divergence between Gaussians in closed form, in nats:
// KL(N0||N1) = ½[tr(Σ1⁻¹Σ0) + (μ1-μ0)ᵀΣ1⁻¹(μ1-μ0) - k + ln(det Σ1 / det Σ0)],
// its univariate case, and the VAE term KL(N(μ, e^logvar) || N(0, I)).
#pragma once

#include <span>
#include <string>

#include <Eigen/Dense>

namespace mlm::info {

struct Gaussian {
    Eigen::VectorXd mean;
    Eigen::MatrixXd cov;
};

// InputError (file field = `source`) unless the covariance is square, the size
// of the mean, finite, symmetric (within 1e-10 of its largest entry) and
// positive definite (a Cholesky factorization exists).
void check_gaussian(const Gaussian& g, const std::string& source);

// KL(N(mean_p, sd_p²) || N(mean_q, sd_q²)); a standard deviation that is not
// finite and > 0 is an InputError.
double gaussian_kl(double mean_p, double sd_p, double mean_q, double sd_q);

// The three parts of the multivariate closed form, for explaining it:
// KL = ½(trace + mahalanobis - dimensions + log_det_ratio).
struct GaussianKlTerms {
    double trace = 0;          // tr(Σq⁻¹Σp)
    double mahalanobis = 0;    // (μq-μp)ᵀΣq⁻¹(μq-μp)
    double log_det_ratio = 0;  // ln(det Σq / det Σp)
    double dimensions = 0;     // k
    double kl = 0;             // nats, never negative
};

// KL(P||Q) for k-dimensional Gaussians, both checked as check_gaussian does
// (named "P" and "Q"); dimensions that differ are an InputError.
GaussianKlTerms gaussian_kl_terms(const Gaussian& p, const Gaussian& q);
double gaussian_kl(const Gaussian& p, const Gaussian& q);

// KL(N(mu, diag(exp(logvar))) || N(0, I)) = ½ Σ (mu² + e^logvar - 1 - logvar),
// the VAE regularizer; sizes that differ are an InputError.
double vae_kl(std::span<const double> mu, std::span<const double> logvar);

}  // namespace mlm::info
