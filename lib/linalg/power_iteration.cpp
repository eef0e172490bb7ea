#include "linalg/power_iteration.hpp"

#include "error.hpp"
#include "linalg/matrix_ops.hpp"
#include "linalg/randomized_svd.hpp"
#include "linalg/spectrum.hpp"

#include <cmath>

namespace mlm::linalg {

PowerResult power_iteration(const Eigen::Ref<const Eigen::MatrixXd>& a, const PowerSettings& settings,
                            const std::function<void(const PowerStep&)>& on_step) {
    require_square(a, "power iteration");
    if (!a.allFinite()) throw NumericError("the matrix has non-finite entries (nan or inf)");
    const double a_norm = a.norm();
    PowerResult out;
    Eigen::VectorXd v = gaussian_matrix(a.rows(), 1, settings.seed).col(0);
    v.normalize();
    Eigen::VectorXd av = a * v;
    double previous = 0;
    for (int k = 1; k <= settings.max_iter; ++k) {
        const double lambda = v.dot(av);
        PowerStep step{k, lambda, std::abs(lambda - previous), (av - lambda * v).norm()};
        if (!std::isfinite(step.residual)) throw NumericError("power iteration overflowed at step " + std::to_string(k));
        previous = lambda;
        out.last = step;
        out.lambda = lambda;
        out.vector = v;
        if (on_step) on_step(step);
        const double scale = lambda != 0 ? std::abs(lambda) : a_norm;
        if (step.residual <= settings.tol * scale) {
            out.converged = true;
            break;
        }
        const double norm = av.norm();
        if (norm == 0) {  // v is in the null space: lambda = 0 with this vector
            out.converged = true;
            break;
        }
        v = av / norm;
        av = a * v;
    }
    Eigen::MatrixXd as_matrix = out.vector;
    orient(as_matrix);
    out.vector = as_matrix.col(0);
    return out;
}

}  // namespace mlm::linalg
