// The top k eigenpairs of the covariance of centred rows X by randomized SVD
// (Halko, Martinsson and Tropp 2011): Y = (X X^T)^q X Omega with a Gaussian
// Omega of k + p columns, Q = orth(Y), B = Q^T X = U_B S V^T, lambda = s^2/(n-1).
#pragma once

#include "linalg/spectrum.hpp"

#include <cstdint>

namespace mlm::linalg {

struct RandomizedSettings {
    Eigen::Index oversamples = 10;  // p, scikit-learn's default
    int power_iterations = -1;      // q; -1: 7 when k < min(n, d)/10, else 4 (scikit-learn's rule)
    std::uint64_t seed = 0;
};

// k eigenpairs, 1 <= k <= min(n, d); the same seed gives the same result.
// `transposed` is X^T (d x n): a row-major buffer of the rows seen column-major,
// used without a transposing copy.
Spectrum randomized_spectrum(const Eigen::Ref<const Eigen::MatrixXd>& transposed, Eigen::Index k,
                             const RandomizedSettings& settings = {});

// A d x m matrix of independent standard normal draws, reproducible from the
// seed on every platform (mt19937_64 and Box-Muller, not std::normal_distribution,
// whose algorithm differs between standard libraries).
Eigen::MatrixXd gaussian_matrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed);

}  // namespace mlm::linalg
