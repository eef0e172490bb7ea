// The dominant eigenpair by power iteration: v_{k+1} = A v_k / ||A v_k||,
// lambda_k = v_k^T A v_k (the Rayleigh quotient). Each product stretches v
// most along the eigenvector of largest |lambda|, so the others fade like
// (|lambda_2| / |lambda_1|)^k. Converged when the residual ||A v - lambda v||
// is at most tol |lambda| (tol ||A||_F when lambda is 0); a dominant pair that
// is complex, or two of equal magnitude and opposite sign, never converges.
// Start: a standard normal vector from the seed (randomized_svd's generator).
#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <functional>

namespace mlm::linalg {

struct PowerSettings {
    double tol = 1e-10;
    int max_iter = 1000;
    std::uint64_t seed = 42;
};

struct PowerStep {
    int step = 0;
    double lambda = 0;
    double delta = 0;     // |lambda_k - lambda_{k-1}| (the first step: |lambda_1|)
    double residual = 0;  // ||A v - lambda v||
};

struct PowerResult {
    double lambda = 0;
    Eigen::VectorXd vector;  // unit norm, largest-magnitude entry positive
    PowerStep last;
    bool converged = false;
};

// `on_step` (may be empty) sees every step. InputError when `a` is not
// square; NumericError for non-finite entries or a product that overflows.
PowerResult power_iteration(const Eigen::Ref<const Eigen::MatrixXd>& a, const PowerSettings& settings,
                            const std::function<void(const PowerStep&)>& on_step = {});

}  // namespace mlm::linalg
