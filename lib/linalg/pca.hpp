// Principal component analysis: the eigenvectors of the sample covariance
// C = M2/(n-1) of the (optionally standardized) columns, sorted by eigenvalue,
// the top k kept; scores z = ((x - mean) / scale) V_k^T, whitened by 1/sqrt(lambda).
// Conventions are scikit-learn's (StandardScaler's population sd, PCA's n-1).
#pragma once

#include "linalg/moments.hpp"
#include "linalg/spectrum.hpp"

#include <Eigen/Dense>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::linalg {

enum class PcaMethod { automatic, cov, svd, randomized };

std::string_view method_name(PcaMethod method);  // "auto", "cov", "svd", "randomized"
PcaMethod method_from_name(std::string_view name);  // UsageError when unknown

struct PcaSettings {
    PcaMethod method = PcaMethod::automatic;
    Eigen::Index components = 0;  // k; 0 keeps min(n, d) unless `variance` is set
    double variance = 0;          // in (0, 1): the fewest components explaining >= this
    bool standardize = false;     // z-scores first, with the population sd
    bool drop_constant = false;   // under standardize, drop constant columns instead of failing
    bool whiten = false;          // scores divided by sqrt(eigenvalue)
    std::uint64_t seed = 0;       // randomized SVD's Gaussian test matrix
};

struct PcaModel {
    std::vector<std::string> features;  // the analysed columns, in order
    std::vector<std::string> dropped;   // constant columns left out (drop_constant)
    Eigen::VectorXd mean;               // of each feature
    Eigen::VectorXd scale;              // population sd when standardized, else ones
    bool standardized = false;
    bool whiten = false;
    Eigen::MatrixXd components;         // k x d, one unit loading vector per row
    Eigen::VectorXd eigenvalues;        // explained variance of every computed component, descending
                                        // (inf where it exceeds a double: data near 1e308)
    Eigen::VectorXd variance_ratio;     // eigenvalues / total_variance, computed in range
    double total_variance = 0;          // trace of the covariance the eigenvalues belong to
    std::int64_t n = 0;                 // rows fitted
    PcaMethod method = PcaMethod::cov;  // the route taken (never automatic)

    Eigen::Index kept() const { return components.rows(); }
};

// Up to this many rows (when they are no more than the columns) the exact thin
// SVD stays affordable: O(n^2 d); 1,000 x 20,000 measured 5 s (QR 3.6 s), so
// 2,000 x 20,000 about 20 s; beyond, randomized when k is small.
constexpr std::int64_t exact_svd_rows = 2000;

// The route `auto` takes for n rows and d columns: `cov` when n > d (one
// streaming pass; the top k by Lanczos when d is large); otherwise the exact
// thin `svd`, unless both sides are large (n > exact_svd_rows) and a fixed k
// below 0.8 n is asked: then `randomized`, which is approximate.
PcaMethod choose_method(std::int64_t rows, Eigen::Index columns, const PcaSettings& settings);

// True for the routes whose result is an approximation (randomized SVD).
bool approximate(PcaMethod method);

// Columns whose population variance is zero up to rounding, by scikit-learn's
// test var <= n eps var + (n eps mean)^2.
std::vector<Eigen::Index> constant_columns(const Moments& moments);

// Fits from streamed moments (the `cov` route). `names` has one entry per column.
PcaModel fit_moments(const Moments& moments, const std::vector<std::string>& names,
                     const PcaSettings& settings);

// Fits from rows held in memory by any route (`auto` resolved by choose_method).
PcaModel fit_rows(const Eigen::Ref<const Eigen::MatrixXd>& rows,
                  const std::vector<std::string>& names, const PcaSettings& settings);

// A fit by the thin SVD (`svd`, or `randomized`) of rows held once in memory,
// with the scores of those rows (n x k, whitened if asked).
struct RowsFit {
    PcaModel model;
    Eigen::MatrixXd scores;
};

// `transposed` is X^T, d x n: a row-major n x d buffer of the rows seen
// column-major. It is centred, scaled and factorized in place (its contents are
// lost), so memory stays O(n d): no d x d matrix, no copy of the data.
// `moments` are the rows' moments (diagonal ones suffice); method must not be cov.
RowsFit fit_in_place(Eigen::Ref<Eigen::MatrixXd> transposed, const Moments& moments,
                     const std::vector<std::string>& names, const PcaSettings& settings);

// A column holding over 90% of the total variance while the column variances
// differ by more than 100x: unstandardized PCA then mostly follows its units.
struct DominantColumn {
    Eigen::Index column = 0;
    double share = 0;   // its variance / the sum of the variances
    double spread = 0;  // largest variance / smallest (inf when one is 0)
};
std::optional<DominantColumn> dominant_column(const Moments& moments);

// Eigenvalue / total variance, for every computed component.
Eigen::VectorXd explained_variance_ratio(const PcaModel& model);

// Running sums, compensated (Neumaier) so the last one is the correctly rounded total.
Eigen::VectorXd cumulative_sum(const Eigen::VectorXd& values);

// The fewest leading components whose ratios add up to more than `fraction`,
// exactly as scikit-learn's PCA(n_components=fraction) counts them
// (searchsorted(cumsum, fraction, side="right") + 1), at most ratios.size().
Eigen::Index components_for_variance(const Eigen::VectorXd& ratios, double fraction);

// Scores of rows (one per row, columns in model.features order): n x k. The
// row-major form takes a reader's block as it is, without a copy of the whole.
using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
Eigen::MatrixXd transform(const PcaModel& model, const Eigen::Ref<const Eigen::MatrixXd>& rows);
Eigen::MatrixXd transform(const PcaModel& model, const Eigen::Map<const RowMajorMatrix>& rows);

// Rows reconstructed from scores (n x k) in the original units: n x d.
Eigen::MatrixXd inverse_transform(const PcaModel& model,
                                  const Eigen::Ref<const Eigen::MatrixXd>& scores);

}  // namespace mlm::linalg
