#include "calc/finite_difference.hpp"

#include <cmath>
#include <limits>

#include "error.hpp"

namespace mlm::calc {
namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();

double scaled(double base, double x) { return base * std::fmax(1.0, std::fabs(x)); }

// The step actually taken: x + h rounds, so use the difference that is exact.
double representable_step(double x, double h) {
    const double moved = x + h;
    return moved - x;
}

double chosen_step(const std::optional<double>& h, double automatic) {
    if (!h) return automatic;
    if (!(*h > 0) || !std::isfinite(*h)) throw UsageError("the step h must be a positive number");
    return *h;
}

}  // namespace

double gradient_step(Scheme scheme, double x) {
    return scaled(scheme == Scheme::forward ? std::sqrt(eps) : std::cbrt(eps), x);
}

double hessian_step(Scheme scheme, double x) {
    return scaled(scheme == Scheme::forward ? std::cbrt(eps) : std::sqrt(std::sqrt(eps)), x);
}

Eigen::VectorXd numeric_gradient(const Function& f, const Eigen::VectorXd& x, Scheme scheme,
                                 std::optional<double> h) {
    Eigen::VectorXd g(x.size());
    Eigen::VectorXd p = x;
    const double f0 = scheme == Scheme::forward ? f(x) : 0.0;
    for (Eigen::Index j = 0; j < x.size(); ++j) {
        const double step = representable_step(x[j], chosen_step(h, gradient_step(scheme, x[j])));
        p[j] = x[j] + step;
        const double up = f(p);
        if (scheme == Scheme::forward) {
            g[j] = (up - f0) / step;
        } else {
            p[j] = x[j] - step;
            g[j] = (up - f(p)) / (2 * step);
        }
        p[j] = x[j];
    }
    return g;
}

Eigen::MatrixXd numeric_hessian(const Function& f, const Eigen::VectorXd& x, Scheme scheme,
                                std::optional<double> h) {
    const Eigen::Index n = x.size();
    Eigen::VectorXd step(n);
    for (Eigen::Index j = 0; j < n; ++j)
        step[j] = representable_step(x[j], chosen_step(h, hessian_step(scheme, x[j])));
    // f at x + si·hi·e_i + sj·hj·e_j
    auto at = [&](Eigen::Index i, double si, Eigen::Index j, double sj) {
        Eigen::VectorXd p = x;
        p[i] += si * step[i];
        p[j] += sj * step[j];
        return f(p);
    };
    Eigen::MatrixXd hess(n, n);
    const double f0 = f(x);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i; j < n; ++j) {
            double value;
            if (scheme == Scheme::forward) {
                value = (at(i, 1, j, 1) - at(i, 1, j, 0) - at(i, 0, j, 1) + f0) / (step[i] * step[j]);
            } else if (i == j) {
                value = (at(i, 1, i, 0) - 2 * f0 + at(i, -1, i, 0)) / (step[i] * step[i]);
            } else {
                value = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) /
                        (4 * step[i] * step[j]);
            }
            hess(i, j) = hess(j, i) = value;
        }
    }
    return hess;
}

std::vector<DifferenceQuotient> difference_quotients(const Function& f, const Eigen::VectorXd& x,
                                                     Eigen::Index variable) {
    std::vector<DifferenceQuotient> out;
    const double f0 = f(x);
    Eigen::VectorXd p = x;
    for (int k = 1; k <= 12; ++k) {
        const double h = std::pow(10.0, -k);
        p[variable] = x[variable] + h;
        out.push_back({h, (f(p) - f0) / h});
    }
    return out;
}

}  // namespace mlm::calc
