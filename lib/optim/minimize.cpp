#include "optim/minimize.hpp"

#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>

#include <Eigen/Eigenvalues>

#include "calc/backprop.hpp"
#include "calc/hessian.hpp"
#include "calc/nonfinite.hpp"
#include "dense_solvers.hpp"
#include "error.hpp"
#include "shortest.hpp"

namespace mlm::optim {
namespace {

// Growth by this factor over the start (or over 1 for f near 0) counts as
// growing without bound: no descent method makes f a million times worse and recovers.
constexpr double growth_limit = 1e6;

// The last steps kept to say why a descent stopped at max_steps: enough to
// see a trend, and memory flat in the number of steps.
constexpr std::size_t stall_window = 100;

bool grew_without_bound(double f, double f_start) {
    return f - f_start > growth_limit * std::fmax(1.0, std::fabs(f_start));
}

// 2/L for the Hessian at x, +inf when L ≤ 0; NaN in `largest` when not finite.
double largest_curvature(const calc::Tape& tape, const Eigen::VectorXd& x) {
    const Eigen::MatrixXd h = calc::hessian(tape, x);
    if (h.size() == 0 || !h.allFinite()) return std::numeric_limits<double>::quiet_NaN();
    return Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(h, Eigen::EigenvaluesOnly).eigenvalues().maxCoeff();
}

// "x = nan, y = inf": the coordinates of x that are not finite.
std::string nonfinite_coordinates(const calc::Tape& tape, const Eigen::VectorXd& x) {
    std::string out;
    for (Eigen::Index j = 0; j < x.size(); ++j)
        if (!std::isfinite(x[j])) out += (out.empty() ? "" : ", ") + tape.variables[static_cast<std::size_t>(j)] + " = " + shortest(x[j]);
    return out;
}

// Where f or its gradient stops being finite at x, as calc::describe says it.
std::string origin(const calc::Tape& tape, const Eigen::VectorXd& x) {
    const auto o = calc::nonfinite_origin(tape, x);
    return o ? calc::describe(tape, x, *o) : std::string();
}

struct Recent {
    double f;
    double grad_norm;
    Eigen::VectorXd x;
};

Stall diagnose_stall(const calc::Tape& tape, const std::deque<Recent>& recent, double f_start, double tol) {
    Stall s;
    s.window = static_cast<long>(recent.size()) - 1;
    s.f_first = recent.front().f;
    s.f_last = recent.back().f;
    const double total = f_start - s.f_last;
    s.drop_share = total > 0 ? (s.f_first - s.f_last) / total : 0;
    std::size_t reversed = 0, pairs = 0;
    for (std::size_t i = 1; i + 1 < recent.size(); ++i, ++pairs)
        if ((recent[i].x - recent[i - 1].x).dot(recent[i + 1].x - recent[i].x) < 0) ++reversed;
    s.reversals = pairs ? static_cast<double>(reversed) / static_cast<double>(pairs) : 0;
    const double g0 = recent.front().grad_norm, g1 = recent.back().grad_norm;
    if (g1 < g0 && g1 > tol && g1 > 0 && s.window > 0) {
        const double rate = std::log(g1 / g0) / static_cast<double>(s.window);  // per step, < 0
        s.steps_to_tol = std::ceil(std::log(tol / g1) / rate);
    }
    const double L = largest_curvature(tape, recent.back().x);
    if (L > 0) s.stable_lr = 2 / L;
    // Falling: f still fell by at least 0.1% of itself over the window;
    // less than that (or a rise) is a plateau, where |g| is small but not below tol.
    const double relative = (s.f_first - s.f_last) / std::fmax(std::fabs(s.f_first), std::fabs(s.f_last));
    if (s.reversals > 0.5) s.kind = Stall::Kind::oscillating;
    else if (relative >= 1e-3) s.kind = Stall::Kind::falling;
    else s.kind = Stall::Kind::stalled;
    return s;
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

MinimizeResult minimize(const calc::Tape& tape, const Eigen::VectorXd& start, const MinimizeSettings& settings,
                        const StepObserver& observer) {
    if (!(settings.hyper.lr > 0) || !std::isfinite(settings.hyper.lr))
        throw UsageError("the learning rate must be a positive number");
    if (!start.allFinite())
        throw NumericError("the start point has " + nonfinite_coordinates(tape, start) +
                           ": gradient descent needs a finite start");
    Optimizer optimizer(settings.method, settings.hyper, start.size());
    MinimizeResult r;
    Eigen::VectorXd x = start;
    double f_start = 0, f_before = 0;
    std::deque<Recent> recent;
    for (long step = 0;; ++step) {
        const auto vg = calc::value_and_gradient(tape, x);
        const double norm = vg.gradient.norm();
        const double lr = settings.hyper.lr * settings.schedule.factor(step + 1);
        if (step == 0) {
            if (!std::isfinite(vg.value) || !std::isfinite(norm)) {
                const std::string why = origin(tape, x);
                throw NumericError(std::string(std::isfinite(vg.value) ? "the gradient" : "f") +
                                   " is not finite at the start point" + (why.empty() ? "" : ": " + why));
            }
            f_start = f_before = vg.value;
        }
        const TraceRow row{step, vg.value, norm, lr, x, vg.gradient};
        if (observer) observer(row);
        if (settings.trace_limit < 0 || static_cast<long>(r.trace.size()) < settings.trace_limit) r.trace.push_back(row);
        r.point = x;
        r.f = vg.value;
        r.grad_norm = norm;
        r.steps = step;
        std::optional<Cause> cause;
        std::string where;
        if (!x.allFinite()) {
            cause = Cause::point;
            where = nonfinite_coordinates(tape, x);
        } else if (vg.value == -std::numeric_limits<double>::infinity()) {
            cause = Cause::fell;
        } else if (!std::isfinite(vg.value)) {
            cause = Cause::f;
            where = origin(tape, x);
        } else if (!std::isfinite(norm)) {
            cause = Cause::gradient;
            where = origin(tape, x);
        } else if (grew_without_bound(vg.value, f_start)) {
            cause = Cause::grew;
        }
        if (cause) {
            r.stop = Stop::diverged;
            Divergence d{step, *cause, where, f_start, f_before, vg.value, std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::infinity()};
            if (*cause == Cause::grew) {
                d.largest_eigenvalue = largest_curvature(tape, start);
                if (d.largest_eigenvalue > 0) d.stable_lr = 2 / d.largest_eigenvalue;
            }
            r.divergence = d;
            return r;
        }
        if (norm <= settings.tol) {
            r.stop = Stop::converged;
            return r;
        }
        recent.push_back({vg.value, norm, x});
        if (recent.size() > stall_window + 1) recent.pop_front();
        if (step >= settings.max_steps) {
            r.stop = Stop::max_steps;
            if (step > 0) r.stall = diagnose_stall(tape, recent, f_start, settings.tol);
            return r;
        }
        f_before = vg.value;
        optimizer.step(x, vg.gradient, lr);
    }
}

std::string divergence_message(const Divergence& d, const MinimizeSettings& settings) {
    std::string s = "diverged at step " + std::to_string(d.step) + ": ";
    const Method m = settings.method;
    switch (d.cause) {
        case Cause::point: {
            s += "the update after step " + std::to_string(d.step - 1) + " (f = " + readable(d.f_before) +
                 ") made the point not finite: " + d.where;
            const bool has_eps = m == Method::adagrad || m == Method::rmsprop || m == Method::adam || m == Method::adamw;
            if (has_eps && settings.hyper.eps == 0)
                s += "; with --eps 0, a gradient of 0 divides 0 by 0: give --eps a positive value";
            return s;
        }
        case Cause::f:
            return s + "f is " + readable(d.f_at) + (d.where.empty() ? "" : ": " + d.where);
        case Cause::gradient:
            return s + "the gradient is not finite (f = " + readable(d.f_at) + ")" +
                   (d.where.empty() ? "" : ": " + d.where);
        case Cause::fell:
            return s + "f fell from " + readable(d.f_start) + " to " + readable(d.f_at) +
                   "; the function looks unbounded below along the descent path";
        case Cause::grew: break;
    }
    s += "f grew from " + readable(d.f_start) + " to " + readable(d.f_at);
    const double lr = settings.hyper.lr;
    if (std::isnan(d.largest_eigenvalue)) return s + "; the Hessian at the start is not finite, so 2/L is unknown";
    if (!std::isfinite(d.stable_lr))
        return s + "; the Hessian at the start has no positive eigenvalue (L = " + readable(d.largest_eigenvalue) +
               "), so no learning rate is safe by the 2/L test";
    s += "; the learning rate " + readable(lr) + (lr > d.stable_lr ? " is above" : " is below") +
         " 2/L = " + readable(d.stable_lr) + " for this function near the start";
    if (lr <= d.stable_lr) s += ", so the growth comes from curvature further away: try a smaller learning rate";
    if (m != Method::sgd) s += " (2/L is the limit for plain gradient descent)";
    return s;
}

std::string stall_message(const Stall& st, const MinimizeSettings& settings) {
    const std::string over = " over the last " + std::to_string(st.window) + (st.window == 1 ? " step" : " steps");
    switch (st.kind) {
        case Stall::Kind::falling: {
            std::string s = "f was still falling (from " + readable(st.f_first) + " to " +
                            readable(st.f_last) + over + ")";
            if (st.steps_to_tol > 0)
                s += ": at this rate |grad f| reaches --tol in about " + readable(st.steps_to_tol) + " more steps";
            return s + "; raise --max-steps or the learning rate";
        }
        case Stall::Kind::oscillating: {
            std::string s = "the steps were oscillating (" + readable(100 * st.reversals) + "% of the moves" + over +
                            " reversed the one before)";
            if (std::isfinite(st.stable_lr))
                s += ", the mark of a learning rate near 2/L = " + readable(st.stable_lr) + " (learning rate " +
                     readable(settings.hyper.lr) + ")";
            const bool momentum = settings.hyper.momentum > 0 || settings.method == Method::adam ||
                                  settings.method == Method::adamw;
            return s + ": try a smaller learning rate" + (momentum ? " or less momentum" : "");
        }
        case Stall::Kind::stalled: break;
    }
    return "progress had stalled (f went from " + readable(st.f_first) + " to " + readable(st.f_last) + over +
           "), on a plateau where |grad f| is small but above --tol: a larger learning rate, momentum or adam "
           "moves faster there, or a larger --tol accepts the point";
}

}  // namespace mlm::optim
