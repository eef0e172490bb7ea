#include "linalg/cosine_scores.hpp"

#include "linalg/vector_ops.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlm::linalg {

namespace {

// A sum of squares whose square root is exact to rounding: no term or the sum
// overflowed, and the sum is not so small that its terms lost digits to
// underflow (below DBL_MIN / eps, a square may be subnormal).
bool safe_square_sum(double s) {
    constexpr double lowest = std::numeric_limits<double>::min() / std::numeric_limits<double>::epsilon();
    return std::isfinite(s) && (s == 0 || s >= lowest);
}

}  // namespace

Eigen::VectorXd row_norms(const RowBlockRef& rows) {
    Eigen::VectorXd norms = rows.rowwise().squaredNorm();
    for (Eigen::Index r = 0; r < rows.rows(); ++r) {
        if (safe_square_sum(norms[r])) {
            // 0 only when every entry is 0: a subnormal's square is 0 as well.
            norms[r] = norms[r] == 0 ? p_norm(rows.row(r).transpose()) : std::sqrt(norms[r]);
        } else {
            norms[r] = p_norm(rows.row(r).transpose());
        }
    }
    return norms;
}

Eigen::VectorXd cosine_scores(const RowBlockRef& rows, const Eigen::VectorXd& norms,
                              const Eigen::VectorXd& unit_query) {
    Eigen::VectorXd dots = rows * unit_query;
    for (Eigen::Index r = 0; r < rows.rows(); ++r) {
        if (norms[r] == 0) {
            dots[r] = 0;
        } else if (std::isfinite(dots[r]) && std::isfinite(norms[r])) {
            dots[r] /= norms[r];
        } else {
            // A huge row (norm near overflow): divide first, then multiply.
            dots[r] = (rows.row(r) / norms[r]).dot(unit_query.transpose());
        }
    }
    // Rounding can put a parallel row a few ulp past 1; a cosine is in [-1, 1]
    // (std::clamp keeps nan, which Eigen's cwiseMax need not).
    for (double& d : dots) d = std::clamp(d, -1.0, 1.0);
    return dots;
}

}  // namespace mlm::linalg
