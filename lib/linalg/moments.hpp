// Streaming first and second moments of the columns of a table: the count n,
// the mean vector and the co-moment matrix M2 = sum_i (x_i - mean)(x_i - mean)^T.
// Blocks and shards combine with Chan, Golub and LeVeque's pairwise formula:
//   M2 = M2_a + M2_b + (mean_b - mean_a)(mean_b - mean_a)^T * n_a n_b / n,
// which stays accurate where raw sums of squares cancel catastrophically.
#pragma once

#include <Eigen/Dense>

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
    void add_block(const Eigen::Ref<const Eigen::MatrixXd>& rows);

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
    std::int64_t count_ = 0;
    Eigen::VectorXd mean_;
    Eigen::MatrixXd lower_;   // M2, lower triangle only (the upper is stale)
    Eigen::MatrixXd centred_; // scratch for add_block, kept to avoid reallocation
};

}  // namespace mlm::linalg
