// Streaming first and second moments of the columns of a table: the count n,
// the mean vector and the co-moment matrix M2 = sum_i (x_i - mean)(x_i - mean)^T.
// Blocks and shards combine with Chan, Golub and LeVeque's pairwise formula:
//   M2 = M2_a + M2_b + (mean_b - mean_a)(mean_b - mean_a)^T * n_a n_b / n,
// which stays accurate where raw sums of squares cancel catastrophically.
#pragma once

#include <Eigen/Dense>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mlm::linalg {

class Moments {
public:
    explicit Moments(Eigen::Index columns = 0);

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

    // Combines with moments of other rows over the same columns.
    void merge(const Moments& other);

    // The same moments restricted to the given columns, in that order.
    Moments columns(const std::vector<Eigen::Index>& keep) const;

    Eigen::Index dimension() const { return mean_.size(); }
    std::int64_t count() const { return count_; }
    const Eigen::VectorXd& mean() const { return mean_; }

    // The full symmetric co-moment matrix M2.
    Eigen::MatrixXd comoments() const;
    // Sample covariance M2 / (n - 1); needs n >= 2.
    Eigen::MatrixXd covariance() const;
    // Population standard deviations sqrt(M2_jj / n), as numpy's std(ddof=0)
    // and scikit-learn's StandardScaler; needs n >= 1.
    Eigen::VectorXd population_sd() const;

private:
    void check_width(Eigen::Index columns) const;
    // Merges the block held (uncentred) in centred_ into the accumulator.
    void absorb_block();

    std::int64_t count_ = 0;
    Eigen::VectorXd mean_;
    Eigen::MatrixXd lower_;   // M2, lower triangle only (the upper is stale)
    Eigen::MatrixXd centred_; // scratch for add_block, kept to avoid reallocation
};

}  // namespace mlm::linalg
