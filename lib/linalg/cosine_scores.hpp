// Cosine similarity of every row of a block against one query, as a
// matrix-vector product (Eigen's GEMV over the row-major block), for exact
// nearest-neighbour search that streams: one block of rows at a time.
//
//   sim_r = (x_r . q) / (||x_r|| ||q||)
//
// The query is normalized once; each row's norm is taken with a plain sum of
// squares, and only rows whose sum of squares overflows or underflows are
// taken again scaled (as linalg::p_norm does), so the common case costs one
// pass over the block for norms and one for the product.
#pragma once

#include <Eigen/Core>

namespace mlm::linalg {

using RowBlockRef =
    Eigen::Ref<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>;

// ||x_r||_2 of each row, without overflow or underflow.
Eigen::VectorXd row_norms(const RowBlockRef& rows);

// sim_r for each row given its norm and the unit query q / ||q||; a row of
// norm 0 gets similarity 0 (whether that is allowed is the caller's call).
Eigen::VectorXd cosine_scores(const RowBlockRef& rows, const Eigen::VectorXd& norms,
                              const Eigen::VectorXd& unit_query);

}  // namespace mlm::linalg
