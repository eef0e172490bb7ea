// L-BFGS with a strong-Wolfe line search; see lbfgs.hpp.
#include "optim/lbfgs.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <optional>
#include <vector>

namespace mlm::optim {
namespace {

using Eigen::VectorXd;

// A point on the search line x + α·p, with f and the slope φ'(α) = ∇f·p there.
struct LinePoint {
    double alpha = 0, f = 0, slope = 0;
    VectorXd gradient;
};

class LineSearch {
public:
    LineSearch(const SmoothObjective& f, const VectorXd& x, const VectorXd& p, const LinePoint& start,
               const LbfgsSettings& s, long& evaluations)
        : f_(f), x_(x), p_(p), start_(start), s_(s), evaluations_(evaluations) {}

    // A point satisfying the strong Wolfe conditions, else the lowest point
    // found below f(x), else nothing (no decrease along p).
    std::optional<LinePoint> run(double alpha) {
        LinePoint previous = start_;
        for (int i = 0; i < 40; ++i) {
            LinePoint now = at(alpha);
            if (!std::isfinite(now.f) || !std::isfinite(now.slope)) {
                alpha = previous.alpha + (alpha - previous.alpha) / 4;  // stepped out of the domain
                continue;
            }
            if (!sufficient(now) || (i > 0 && now.f >= previous.f)) return zoom(previous, now);
            if (curvature(now)) return now;
            if (now.slope >= 0) return zoom(now, previous);
            previous = std::move(now);
            alpha *= 2;
        }
        return best(previous);
    }

private:
    LinePoint at(double alpha) {
        LinePoint p;
        p.alpha = alpha;
        p.gradient.resize(x_.size());
        p.f = f_(x_ + alpha * p_, p.gradient);
        p.slope = p.gradient.dot(p_);
        ++evaluations_;
        return p;
    }
    bool sufficient(const LinePoint& q) const { return q.f <= start_.f + s_.c1 * q.alpha * start_.slope; }
    bool curvature(const LinePoint& q) const { return std::abs(q.slope) <= -s_.c2 * start_.slope; }
    std::optional<LinePoint> best(const LinePoint& q) const {
        if (q.alpha > 0 && q.f < start_.f) return q;
        return std::nullopt;
    }

    // The minimizer of the cubic through both ends, kept inside the interval.
    static double cubic(const LinePoint& lo, const LinePoint& hi) {
        const double d1 = lo.slope + hi.slope - 3 * (lo.f - hi.f) / (lo.alpha - hi.alpha);
        const double root = d1 * d1 - lo.slope * hi.slope;
        const double mid = (lo.alpha + hi.alpha) / 2;
        if (!(root >= 0)) return mid;
        const double d2 = std::copysign(std::sqrt(root), hi.alpha - lo.alpha);
        const double a = hi.alpha - (hi.alpha - lo.alpha) * (hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2);
        const double width = hi.alpha - lo.alpha;
        const double low = lo.alpha + 0.1 * width, high = hi.alpha - 0.1 * width;
        if (!std::isfinite(a)) return mid;
        return width > 0 ? std::clamp(a, low, high) : std::clamp(a, high, low);
    }

    std::optional<LinePoint> zoom(LinePoint lo, LinePoint hi) {
        for (int i = 0; i < 40; ++i) {
            if (std::abs(hi.alpha - lo.alpha) <= 1e-16 * std::abs(lo.alpha)) break;
            LinePoint now = at(cubic(lo, hi));
            if (!std::isfinite(now.f) || !sufficient(now) || now.f >= lo.f) {
                hi = std::move(now);
                continue;
            }
            if (curvature(now)) return now;
            if (now.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
            lo = std::move(now);
        }
        return best(lo);
    }

    const SmoothObjective& f_;
    const VectorXd& x_;
    const VectorXd& p_;
    const LinePoint& start_;
    const LbfgsSettings& s_;
    long& evaluations_;
};

// H·g by the two-loop recursion over the stored pairs, H₀ = γI with γ = sᵀy/yᵀy of the newest.
VectorXd direction(const std::deque<VectorXd>& s, const std::deque<VectorXd>& y, const VectorXd& g) {
    VectorXd q = g;
    const std::size_t m = s.size();
    std::vector<double> rho(m), a(m);
    for (std::size_t i = m; i-- > 0;) {
        rho[i] = 1 / y[i].dot(s[i]);
        a[i] = rho[i] * s[i].dot(q);
        q -= a[i] * y[i];
    }
    if (m > 0) q *= s.back().dot(y.back()) / y.back().squaredNorm();
    for (std::size_t i = 0; i < m; ++i) {
        const double b = rho[i] * y[i].dot(q);
        q += (a[i] - b) * s[i];
    }
    return -q;
}

}  // namespace

LbfgsResult lbfgs(const SmoothObjective& f, VectorXd x0, const LbfgsSettings& settings,
                  const LbfgsObserver& observer) {
    LbfgsResult r;
    r.x = std::move(x0);
    VectorXd g(r.x.size());
    r.f = f(r.x, g);
    r.evaluations = 1;
    r.grad_norm = g.norm();
    std::deque<VectorXd> s, y;
    double step = 0;
    for (;;) {
        if (!std::isfinite(r.f) || !std::isfinite(r.grad_norm)) {
            r.stop = LbfgsStop::not_finite;
            return r;
        }
        if (observer && !observer({r.iterations, r.f, r.grad_norm, step, &r.x})) return r;
        if (r.grad_norm <= settings.tol) {
            r.stop = LbfgsStop::converged;
            return r;
        }
        if (r.iterations >= settings.max_iterations) return r;
        VectorXd p = direction(s, y, g);
        double slope = g.dot(p);
        if (!(slope < 0)) {  // not a descent direction: restart from steepest descent
            s.clear();
            y.clear();
            p = -g;
            slope = -g.squaredNorm();
        }
        const LinePoint start{0, r.f, slope, g};
        const double alpha = s.empty() ? std::min(1.0, 1 / p.norm()) : 1.0;
        auto found = LineSearch(f, r.x, p, start, settings, r.evaluations).run(alpha);
        if (!found) {
            r.stop = LbfgsStop::no_progress;
            return r;
        }
        VectorXd sk = found->alpha * p;
        VectorXd yk = found->gradient - g;
        r.x += sk;
        r.f = found->f;
        g = std::move(found->gradient);
        r.grad_norm = g.norm();
        step = found->alpha;
        ++r.iterations;
        if (sk.dot(yk) > std::numeric_limits<double>::epsilon() * yk.squaredNorm()) {
            s.push_back(std::move(sk));
            y.push_back(std::move(yk));
            if (static_cast<int>(s.size()) > settings.memory) {
                s.pop_front();
                y.pop_front();
            }
        }
    }
}

}  // namespace mlm::optim
