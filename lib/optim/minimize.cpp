#include "optim/minimize.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

#include <Eigen/Eigenvalues>

#include "calc/backprop.hpp"
#include "calc/hessian.hpp"
#include "error.hpp"

namespace mlm::optim {
namespace {

// Growth by this factor over the start (or over 1 for f near 0) counts as
// growing without bound: no descent method makes f a million times worse and recovers.
constexpr double growth_limit = 1e6;

bool grew_without_bound(double f, double f_start) {
    return f - f_start > growth_limit * std::fmax(1.0, std::fabs(f_start));
}

Divergence explain_divergence(const calc::Tape& tape, const Eigen::VectorXd& start, long step,
                              double f_start, double f_at) {
    Divergence d{step, f_start, f_at, std::numeric_limits<double>::quiet_NaN(),
                 std::numeric_limits<double>::infinity()};
    const Eigen::MatrixXd h = calc::hessian(tape, start);
    if (h.size() == 0 || !h.allFinite()) return d;
    d.largest_eigenvalue = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(h, Eigen::EigenvaluesOnly).eigenvalues().maxCoeff();
    if (d.largest_eigenvalue > 0) d.stable_lr = 2 / d.largest_eigenvalue;
    return d;
}

}  // namespace

std::string readable(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    std::string s(buf);
    // 4.1e+09 -> 4.1e9, 2e-05 -> 2e-5
    if (const auto e = s.find('e'); e != std::string::npos) {
        std::string exponent = s.substr(e + 1);
        const bool negative = exponent[0] == '-';
        exponent.erase(0, 1);
        exponent.erase(0, exponent.find_first_not_of('0'));
        s = s.substr(0, e + 1) + (negative ? "-" : "") + exponent;
    }
    return s;
}

MinimizeResult minimize(const calc::Tape& tape, const Eigen::VectorXd& start, const MinimizeSettings& settings) {
    if (!(settings.hyper.lr > 0) || !std::isfinite(settings.hyper.lr))
        throw UsageError("the learning rate must be a positive number");
    Optimizer optimizer(settings.method, settings.hyper, start.size());
    MinimizeResult r;
    Eigen::VectorXd x = start;
    double f_start = 0;
    for (long step = 0;; ++step) {
        const auto vg = calc::value_and_gradient(tape, x);
        const double norm = vg.gradient.norm();
        const double lr = settings.hyper.lr * settings.schedule.factor(step + 1);
        if (step == 0) {
            if (!std::isfinite(vg.value) || !std::isfinite(norm))
                throw NumericError("f or its gradient is not finite at the start point (f = " + readable(vg.value) +
                                   ")");
            f_start = vg.value;
        }
        if (settings.trace_limit < 0 || static_cast<long>(r.trace.size()) < settings.trace_limit)
            r.trace.push_back({step, vg.value, norm, lr, x, vg.gradient});
        r.point = x;
        r.f = vg.value;
        r.grad_norm = norm;
        r.steps = step;
        if (!std::isfinite(vg.value) || !std::isfinite(norm) || !x.allFinite() ||
            grew_without_bound(vg.value, f_start)) {
            r.stop = Stop::diverged;
            r.divergence = explain_divergence(tape, start, step, f_start, vg.value);
            return r;
        }
        if (norm <= settings.tol) {
            r.stop = Stop::converged;
            return r;
        }
        if (step >= settings.max_steps) {
            r.stop = Stop::max_steps;
            return r;
        }
        optimizer.step(x, vg.gradient, lr);
    }
}

std::string divergence_message(const Divergence& d, const MinimizeSettings& settings) {
    const bool fell = d.f_at < d.f_start;
    std::string s = "diverged at step " + std::to_string(d.step) + ": f " + (fell ? "fell" : "grew") + " from " +
                    readable(d.f_start) + " to " + readable(d.f_at);
    if (fell) return s + "; the function looks unbounded below along the descent path";
    const double lr = settings.hyper.lr;
    if (std::isnan(d.largest_eigenvalue)) return s + "; the Hessian at the start is not finite, so 2/L is unknown";
    if (!std::isfinite(d.stable_lr))
        return s + "; the Hessian at the start has no positive eigenvalue (L = " + readable(d.largest_eigenvalue) +
               "), so no learning rate is safe by the 2/L test";
    s += "; the learning rate " + readable(lr) + (lr > d.stable_lr ? " is above" : " is below") +
         " 2/L = " + readable(d.stable_lr) + " for this function near the start";
    if (lr <= d.stable_lr) s += ", so the growth comes from curvature further away: try a smaller learning rate";
    if (settings.method != Method::sgd) s += " (2/L is the limit for plain gradient descent)";
    return s;
}

}  // namespace mlm::optim
