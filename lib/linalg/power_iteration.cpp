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
    // The iteration runs on A / s (s a power of two: exact), so entries near
    // 1e308 do not overflow A v; lambda and the residual are scaled back.
    const double scale = power_of_two_scale(a);
    const Eigen::MatrixXd m = a / scale;
    const double a_norm = m.norm();
    PowerResult out;
    Eigen::VectorXd v = gaussian_matrix(a.rows(), 1, settings.seed).col(0);
    v.normalize();
    Eigen::VectorXd av = m * v;
    double previous = 0;
    for (int k = 1; k <= settings.max_iter; ++k) {
        const double mu = v.dot(av);  // the Rayleigh quotient of A / s
        const double lambda = mu * scale;
        PowerStep step{k, lambda, std::abs(lambda - previous), (av - mu * v).norm() * scale};
        if (!std::isfinite(step.residual)) throw NumericError("power iteration overflowed at step " + std::to_string(k));
        previous = lambda;
        out.last = step;
        out.lambda = lambda;
        out.vector = v;
        if (on_step) on_step(step);
        const double size = mu != 0 ? std::abs(mu) : a_norm;
        if (step.residual / scale <= settings.tol * size) {
            out.converged = true;
            break;
        }
        const double norm = av.norm();
        if (norm == 0) {  // v is in the null space: lambda = 0 with this vector
            out.converged = true;
            break;
        }
        v = av / norm;
        av = m * v;
    }
    Eigen::MatrixXd as_matrix = out.vector;
    orient(as_matrix);
    out.vector = as_matrix.col(0);
    return out;
}

}  // namespace mlm::linalg
