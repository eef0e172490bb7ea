// The choice of method and the first-order loop; see fit.hpp.
#include "models/fit.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "models/coordinate_descent.hpp"
#include "models/least_squares.hpp"
#include "models/proximal_gradient.hpp"
#include "optim/lbfgs.hpp"

namespace mlm::models {
namespace {

using Eigen::Index;
using Eigen::VectorXd;

Parameters zeros(Index d, const Spec& spec) {
    return {Eigen::MatrixXd::Zero(d, spec.classes), VectorXd::Zero(spec.classes)};
}

FitResult coordinate(const RowMatrix& x, const VectorXd& y, const Spec& spec, const FitSettings& s,
                     const Parameters& start) {
    const VectorXd mean_x = spec.intercept ? VectorXd(x.colwise().mean().transpose()) : VectorXd::Zero(x.cols());
    const double mean_y = spec.intercept ? y.mean() : 0;
    const Eigen::MatrixXd xc = x.rowwise() - mean_x.transpose();
    const VectorXd yc = y.array() - mean_y;
    // Changes in units of the target's spread, far below what the fit reports.
    const double scale = std::max(std::sqrt(yc.squaredNorm() / static_cast<double>(x.rows())), 1e-300);
    const CoordinateResult cd =
        coordinate_descent(xc, yc, spec.l1, spec.l2, start.weights.col(0), s.tol * 1e-3 * scale, s.epochs);
    FitResult r;
    r.parameters.weights = cd.weights;
    r.parameters.intercept = VectorXd::Constant(1, mean_y - mean_x.dot(cd.weights));
    r.epochs = cd.sweeps;
    r.stop = cd.converged ? FitStop::converged : FitStop::max_epochs;
    return r;
}

// Fisher-Yates with our own draws, so the order is the same with every standard library.
void shuffle(std::vector<Index>& order, std::mt19937_64& rng) {
    for (std::size_t i = order.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i);
        std::swap(order[i - 1], order[j]);
    }
}

// |∇f| without l1; under l1 the optimum's gradient is not zero, so the length
// of a unit proximal step θ − S(θ − ∇f, l1) instead (0 exactly at the optimum).
double mapping_norm(const Objective& f, const VectorXd& theta) {
    VectorXd g(theta.size());
    f(theta, g);
    VectorXd mapped = theta - g;
    for (Index j = 0; j < f.weight_count() && f.spec().l1 > 0; ++j)
        mapped[j] = soft_threshold(mapped[j], f.spec().l1);
    return (theta - mapped).norm();
}

FitResult first_order(const Objective& f, const FitSettings& s, VectorXd theta, const EpochObserver& observer) {
    const Index n = f.rows();
    const Index batch = s.batch > 0 ? std::min<Index>(s.batch, n) : n;
    optim::Optimizer opt(s.method, s.hyper, theta.size());
    std::mt19937_64 rng(s.seed);
    std::vector<Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Index{0});
    VectorXd g(theta.size());
    FitResult r;
    const double start = f.value(theta);
    long step = 0;
    for (r.epochs = 1; r.epochs <= s.epochs; ++r.epochs) {
        if (batch < n) shuffle(order, rng);
        double lr = 0;
        for (Index first = 0; first < n; first += batch) {
            lr = s.hyper.lr * s.schedule.factor(++step);
            if (batch < n) {
                const auto begin = order.begin() + first;
                f.batch(theta, std::vector<Index>(begin, begin + std::min(batch, n - first)), g);
            } else {
                f(theta, g);
            }
            opt.step(theta, g, lr);
            for (Index j = 0; j < f.weight_count() && f.spec().l1 > 0; ++j)
                theta[j] = soft_threshold(theta[j], lr * f.spec().l1);
        }
        r.grad_norm = mapping_norm(f, theta);
        r.objective = f.value(theta);
        if (observer) observer({r.epochs, r.objective, r.grad_norm, lr});
        if (!std::isfinite(r.objective) || !theta.allFinite() || r.objective > 1e6 * std::max(std::abs(start), 1.0)) {
            r.stop = FitStop::diverged;
            break;
        }
        if (r.grad_norm <= s.tol) {
            r.stop = FitStop::converged;
            break;
        }
    }
    if (r.epochs > s.epochs) {
        r.epochs = s.epochs;
        r.stop = FitStop::max_epochs;
    }
    r.parameters = f.unpack(theta);
    return r;
}

// The change of variables θ = T u that makes the problem look standardized to
// L-BFGS: W = D U, b = u_b − (c∘D)ᵀU with c the column means (0 without an
// intercept) and D = 1/sd. Raw features on scales from 1e-3 to 1e3 (or years
// near 2000) make the Hessian's condition number 1e10 or worse, where L-BFGS
// stalls; in u it is that of the standardized problem. The objective is the
// same function, so the optimum is the same point.
struct Preconditioner {
    VectorXd mean, scale;
    Index classes = 1;

    Preconditioner(const RowMatrix& x, const Spec& spec) : classes(spec.classes) {
        const double n = static_cast<double>(x.rows());
        mean = spec.intercept ? VectorXd(x.colwise().mean().transpose()) : VectorXd::Zero(x.cols());
        scale.resize(x.cols());
        for (Index j = 0; j < x.cols(); ++j) {
            const double sd = std::sqrt((x.col(j).array() - mean[j]).square().sum() / n);
            scale[j] = sd > 0 && std::isfinite(sd) ? 1 / sd : 1;
        }
    }
    Index d() const { return mean.size(); }
    // θ from u (and back), ∇_u from ∇_θ; both vectors [vec(W); b].
    VectorXd theta(const VectorXd& u, bool intercept) const {
        VectorXd t = u;
        for (Index c = 0; c < classes; ++c) {
            auto w = t.segment(c * d(), d());
            w.array() *= scale.array();
            if (intercept) t[d() * classes + c] -= mean.dot(w);
        }
        return t;
    }
    VectorXd u(const VectorXd& theta, bool intercept) const {
        VectorXd v = theta;
        for (Index c = 0; c < classes; ++c) {
            if (intercept) v[d() * classes + c] += mean.dot(theta.segment(c * d(), d()));
            v.segment(c * d(), d()).array() /= scale.array();
        }
        return v;
    }
    VectorXd gradient(const VectorXd& g, bool intercept) const {
        VectorXd v = g;
        for (Index c = 0; c < classes; ++c) {
            auto w = v.segment(c * d(), d());
            if (intercept) w -= mean * g[d() * classes + c];
            w.array() *= scale.array();
        }
        return v;
    }
};

// L-BFGS in the preconditioned variables. Converged means |∇_θ F| ≤ tol: when
// |∇_u F| ≤ tol is met first, the run goes on with a tighter tol in u.
FitResult quasi_newton(const Objective& f, const RowMatrix& x, const FitSettings& s, const Parameters& start,
                       const EpochObserver& observer) {
    const bool intercept = f.spec().intercept;
    const Preconditioner p(x, f.spec());
    const optim::SmoothObjective in_u = [&](const VectorXd& u, VectorXd& g) {
        VectorXd gt(u.size());
        const double value = f(p.theta(u, intercept), gt);
        g = p.gradient(gt, intercept);
        return value;
    };
    optim::LbfgsSettings ls;
    ls.max_iterations = s.epochs;
    ls.tol = s.tol;
    VectorXd u = p.u(f.pack(start), intercept);
    FitResult r;
    optim::LbfgsResult out;
    for (int round = 0; round < 4; ++round) {
        out = optim::lbfgs(in_u, u, ls, [&](const optim::LbfgsIteration& it) {
            if (observer) observer({r.epochs + it.iteration, it.f, it.grad_norm, it.step});
            return true;
        });
        r.epochs += out.iterations;
        u = out.x;
        ls.max_iterations = s.epochs - r.epochs;
        if (out.stop != optim::LbfgsStop::converged) break;
        VectorXd g(u.size());
        f(p.theta(u, intercept), g);
        if (g.norm() <= s.tol) break;
        ls.tol *= s.tol / g.norm() / 2;
        out.stop = optim::LbfgsStop::max_iterations;
        if (ls.max_iterations <= 0) break;
    }
    r.parameters = f.unpack(p.theta(u, intercept));
    switch (out.stop) {
        case optim::LbfgsStop::converged: r.stop = FitStop::converged; break;
        case optim::LbfgsStop::max_iterations: r.stop = FitStop::max_epochs; break;
        case optim::LbfgsStop::no_progress: r.stop = FitStop::no_progress; break;
        case optim::LbfgsStop::not_finite: r.stop = FitStop::diverged; break;
    }
    return r;
}

}  // namespace

std::string_view solver_name(Solver s) {
    switch (s) {
        case Solver::exact: return "exact";
        case Solver::coordinate: return "coordinate_descent";
        case Solver::lbfgs: return "lbfgs";
        case Solver::proximal: return "proximal_gradient";
        case Solver::first_order: return "first_order";
    }
    return "?";
}

Solver choose_solver(const Spec& spec) {
    if (spec.kind == Kind::linear && spec.loss == Loss::mse) return spec.l1 > 0 ? Solver::coordinate : Solver::exact;
    return spec.l1 > 0 ? Solver::proximal : Solver::lbfgs;
}

FitResult fit(const RowMatrix& x, const VectorXd& y, const Spec& spec, const FitSettings& s,
              const EpochObserver& observer, const Parameters* warm_start) {
    const Solver solver = s.solver.value_or(choose_solver(spec));
    const Objective f(x, y, spec);
    const Parameters start = warm_start ? *warm_start : zeros(x.cols(), spec);
    FitResult r;
    switch (solver) {
        case Solver::exact:
            r.parameters = least_squares(x, y, spec.l2, spec.intercept);
            if (!spec.intercept) r.parameters.intercept.setZero();
            break;
        case Solver::coordinate: r = coordinate(x, y, spec, s, start); break;
        case Solver::lbfgs: r = quasi_newton(f, x, s, start, observer); break;
        case Solver::proximal: {
            const auto out = proximal_gradient(f, f.pack(start), f.weight_count(), spec.l1, s.tol, s.epochs,
                                               [&](long i, double v, double g, double step) {
                                                   if (observer) observer({i, v, g, step});
                                               });
            r.parameters = f.unpack(out.x);
            r.epochs = out.iterations;
            r.grad_norm = out.grad_norm;
            r.stop = out.converged ? FitStop::converged : FitStop::max_epochs;
            break;
        }
        case Solver::first_order: r = first_order(f, s, f.pack(start), observer); break;
    }
    r.solver = solver;
    const VectorXd theta = f.pack(r.parameters);
    r.objective = f.value(theta);
    r.loss = f.mean_loss(theta);
    if (solver != Solver::first_order) r.grad_norm = mapping_norm(f, theta);
    return r;
}

bool separates(const RowMatrix& x, const VectorXd& y, const Spec& spec, const Parameters& p) {
    if (spec.kind == Kind::linear) return false;
    const Eigen::MatrixXd z = linear_scores(x, p);
    for (Index i = 0; i < x.rows(); ++i) {
        if (spec.kind == Kind::logistic) {
            if ((z(i, 0) > 0) != (y[i] > 0.5)) return false;
        } else {
            Index best = 0;
            z.row(i).maxCoeff(&best);
            if (best != static_cast<Index>(y[i])) return false;
        }
    }
    return true;
}

}  // namespace mlm::models
