// Exact linear and ridge regression: w minimizing
//   (1/2n)‖y − Xw − b‖² + l2/2·‖w‖²,
// with b = ȳ − x̄ᵀw when there is an intercept (the data are centered first,
// which removes the intercept's column and most of the ill-conditioning of
// raw columns such as years). From rows: column-pivoted Householder QR of
// [X_c; √(n·l2)·I] (error ~ cond(X)·ε, not cond(X)²·ε as normal equations),
// then one step of iterative refinement on the residual. From moments (the
// mergeable form): the normal equations (M2_xx/n + l2·I) w = M2_xy/n, scaled
// to unit diagonal and solved by Cholesky with pivoting; every shard's moments
// merged give the same equations as one pass over all rows.
#pragma once

#include "linalg/moments.hpp"
#include "models/objective.hpp"

namespace mlm::models {

// NumericError when X_c is rank-deficient and l2 = 0.
Parameters least_squares(const RowMatrix& x, const Eigen::VectorXd& y, double l2, bool intercept);

// `moments` are over the columns [features..., target], the target last.
Parameters least_squares(const linalg::Moments& moments, double l2, bool intercept);

}  // namespace mlm::models
