// FISTA with backtracking and restarts; see proximal_gradient.hpp.
#include "models/proximal_gradient.hpp"

#include <cmath>

#include "models/coordinate_descent.hpp"

namespace mlm::models {

ProximalResult proximal_gradient(const optim::SmoothObjective& f, Eigen::VectorXd x, Eigen::Index penalized,
                                 double l1, double tol, long max_iterations,
                                 const std::function<void(long, double, double, double)>& observer) {
    using Eigen::VectorXd;
    auto penalty = [&](const VectorXd& v) { return l1 * v.head(penalized).lpNorm<1>(); };
    auto prox = [&](const VectorXd& v, double step) {
        VectorXd out = v;
        for (Eigen::Index j = 0; j < penalized; ++j) out[j] = soft_threshold(v[j], step * l1);
        return out;
    };
    ProximalResult r;
    VectorXd g(x.size()), gy(x.size());
    double fx = f(x, g);
    r.value = fx + penalty(x);
    VectorXd y = x;
    double t = 1, lipschitz = 1;
    while (r.iterations < max_iterations) {
        const double fy = f(y, gy);
        VectorXd next;
        double fnext = 0;
        for (int tries = 0; tries < 60; ++tries) {
            next = prox(y - gy / lipschitz, 1 / lipschitz);
            const VectorXd step = next - y;
            fnext = f(next, g);
            if (fnext <= fy + gy.dot(step) + lipschitz / 2 * step.squaredNorm() + 1e-12 * std::abs(fy)) break;
            lipschitz *= 2;
        }
        ++r.iterations;
        r.grad_norm = lipschitz * (next - y).norm();
        const double value = fnext + penalty(next);
        if (observer) observer(r.iterations, value, r.grad_norm, 1 / lipschitz);
        if (!std::isfinite(value)) break;
        const double t_next = (1 + std::sqrt(1 + 4 * t * t)) / 2;
        if (value > r.value) {  // restart the momentum
            y = x;
            t = 1;
            continue;
        }
        y = next + ((t - 1) / t_next) * (next - x);
        x = std::move(next);
        t = t_next;
        r.value = value;
        if (r.grad_norm <= tol) {
            r.converged = true;
            break;
        }
        lipschitz *= 0.9;  // let the step grow back where f is flatter
    }
    r.x = std::move(x);
    return r;
}

}  // namespace mlm::models
