// Streaming first and second moments of the columns of a table: the count n,
// the mean vector and the co-moment matrix M2 = sum_i (x_i - mean)(x_i - mean)^T.
// Blocks and shards combine with Chan, Golub and LeVeque's pairwise formula:
//   M2 = M2_a + M2_b + (mean_b - mean_a)(mean_b - mean_a)^T * n_a n_b / n,
// which stays accurate where raw sums of squares cancel catastrophically.
//
// Two kinds: full (the d x d matrix, for the covariance route) and diagonal
// (only M2_jj, O(d) memory: what a wide fit needs for means, scales and the
// total variance, where a d x d matrix would not fit).
//
// Finite values up to 1e308 square to overflow, so once a column holds a value
// beyond 2^400 the accumulator works, for that column, in units of a power of
// two u_j above it: M2_ij is stored as M2_ij / (u_i u_j) and differences are
// taken as x/u - mean/u. Powers of two scale exactly, so ordinary data (every
// u_j = 1) give the same bits as without; per column, so a column of 1e300
// does not flush a column of 1s to zero.
#pragma once

#include <Eigen/Dense>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mlm::linalg {

class Moments {
public:
    explicit Moments(Eigen::Index columns = 0);
    // Only the diagonal of M2 (variances, no co-moments): O(columns) memory.
    static Moments diagonal(Eigen::Index columns);

    // Rebuild from stored parts (a partial read back); comoments must be square,
    // symmetric and of the size of mean, and count must be >= 0.
    static Moments from_parts(std::int64_t count, Eigen::VectorXd mean,
                              const Eigen::MatrixXd& comoments);

    // Adds every row of `rows` (one observation per row) in one step: the block's
    // own mean and centred co-moments (one symmetric rank-m update), then a merge.
    // Any dense layout: a reader's row-major block is used without a transposing copy.
    template <typename Derived>
    void add_block(const Eigen::MatrixBase<Derived>& rows) {
        if (rows.rows() == 0) return;
        check_width(rows.cols());
        // Chunks of ~256 KB keep the layout-changing copy in cache (a 4096 x 256
        // row-major block copied whole runs 2x slower); at least 128 rows each so
        // the rank updates stay matrix products for wide data.
        const Eigen::Index chunk = std::max<Eigen::Index>(128, 32768 / std::max<Eigen::Index>(1, rows.cols()));
        for (Eigen::Index start = 0; start < rows.rows(); start += chunk) {
            centred_.noalias() = rows.middleRows(start, std::min(chunk, rows.rows() - start));
            absorb_block();
        }
    }

    // Combines with moments of other rows over the same columns (and of the same kind).
    void merge(const Moments& other);

    // The same moments restricted to the given columns, in that order.
    Moments columns(const std::vector<Eigen::Index>& keep) const;

    bool full() const { return full_; }
    Eigen::Index dimension() const { return mean_.size(); }
    std::int64_t count() const { return count_; }
    const Eigen::VectorXd& mean() const { return mean_; }

    // The powers of two u_j each column's second moments are kept in units of
    // (1 unless a value beyond 2^400 was seen there): M2 = U scaled_comoments() U.
    const Eigen::VectorXd& units() const { return units_; }
    // M2_ij / (u_i u_j), full symmetric (full moments only).
    Eigen::MatrixXd scaled_comoments() const;
    // M2_jj / u_j^2, either kind.
    Eigen::VectorXd scaled_variances_m2() const;

    // The full symmetric co-moment matrix M2 (entries overflow to inf where
    // the true value exceeds a double). Full moments only.
    Eigen::MatrixXd comoments() const;
    // Sample covariance M2 / (n - 1); needs n >= 2. Full moments only.
    Eigen::MatrixXd covariance() const;
    // Population standard deviations sqrt(M2_jj / n), as numpy's std(ddof=0)
    // and scikit-learn's StandardScaler; needs n >= 1. Finite for finite data.
    Eigen::VectorXd population_sd() const;

private:
    void check_width(Eigen::Index columns) const;
    void check_full() const;
    // Merges the block held (uncentred) in centred_ into the accumulator.
    void absorb_block();
    // Switches column j to units of `unit` (a larger power of two).
    void rescale(Eigen::Index j, double unit);
    void add_outer(const Eigen::VectorXd& delta, double weight);
    // mean / units, and back.
    Eigen::VectorXd in_units(const Eigen::VectorXd& v) const;

    std::int64_t count_ = 0;
    Eigen::VectorXd mean_;
    bool full_ = true;
    Eigen::VectorXd units_;   // u_j, powers of two
    bool scaled_ = false;     // some u_j != 1
    Eigen::MatrixXd lower_;   // M2_ij / (u_i u_j): lower triangle only (full), or d x 1 diagonal
    Eigen::MatrixXd centred_; // scratch for add_block, kept to avoid reallocation
};

// The power of two above |x| when |x| > 2^400 (squares would overflow), else 1.
double unit_for(double largest_magnitude);

}  // namespace mlm::linalg
