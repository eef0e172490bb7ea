#include "bayes/ab.hpp"

#include "bayes/interval.hpp"
#include "error.hpp"
#include "prob/distribution.hpp"
#include "prob/sample.hpp"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>

namespace mlm::bayes {

namespace {

prob::Distribution dist(const prob::Beta& b) { return prob::Distribution{b}; }

// Where a posterior's mass is: outside [F^-1(1e-20), F^-1(1 - 1e-20)] lies
// 2e-20 of it, far below what a double of the result can show.
struct Range {
    double lo, hi;
};
Range mass(const prob::Distribution& d) { return {prob::quantile(d, 1e-20), prob::isf(d, 1e-20)}; }

// integral_lo^hi h(x) dx of a smooth h (a density times a probability),
// adaptive Gauss-Kronrod to a relative 1e-12 (asking 1e-13 of integrands
// whose own rounding is near that made it split to full depth: 15 s, not 1 ms).
template <class F>
double integral(F h, double lo, double hi) {
    if (!(hi > lo)) return 0;
    double error = 0;
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(h, lo, hi, 12, 1e-12, &error);
}

}  // namespace

double prob_greater(const prob::Beta& b, const prob::Beta& a) {
    const auto da = dist(a), db = dist(b);
    // Integrate over the narrower posterior, whose density is the sharper part.
    if (prob::variance(da) <= prob::variance(db)) {
        const Range r = mass(da);
        return integral([&](double x) { return prob::pdf(da, x) * prob::sf(db, x); }, r.lo, r.hi);
    }
    const Range r = mass(db);
    return integral([&](double x) { return prob::pdf(db, x) * prob::cdf(da, x); }, r.lo, r.hi);
}

namespace {

// P((p_B - p_A) / p_A <= t) = P(p_B <= s p_A), s = 1 + t, over the narrower
// posterior; the integral stops where the scaled rate leaves [0, 1] (a kink),
// and what lies beyond is added in closed form.
double lift_cdf(const prob::Beta& a, const prob::Beta& b, double t) {
    const auto da = dist(a), db = dist(b);
    const double s = 1 + t;
    if (prob::variance(da) <= prob::variance(db)) {
        const Range r = mass(da);
        const double hi = std::min(r.hi, 1 / s);  // past 1/s, s p_A > 1 >= p_B
        return integral([&](double x) { return prob::pdf(da, x) * prob::cdf(db, s * x); }, r.lo, hi) +
               prob::sf(da, hi);
    }
    const Range r = mass(db);
    const double hi = std::min(r.hi, s);  // past s, p_B / s > 1 >= p_A
    return integral([&](double y) { return prob::pdf(db, y) * prob::sf(da, y / s); }, r.lo, hi);
}

double lift_quantile(const prob::Beta& a, const prob::Beta& b, double q) {
    auto f = [&](double t) { return lift_cdf(a, b, t) - q; };
    // The lift lies in [-1, inf); widen the upper bracket until it holds q.
    double lo = -1, hi = 1;
    while (f(hi) < 0 && hi < 1e12) lo = hi, hi *= 4;
    boost::uintmax_t iterations = 200;
    const auto [x, y] = boost::math::tools::toms748_solve(f, lo, hi, boost::math::tools::eps_tolerance<double>(40),
                                                          iterations);
    return (x + y) / 2;
}

}  // namespace

AbResult ab_test(const prob::Beta& a, const prob::Beta& b, double level) {
    AbResult r;
    r.level = level;
    r.prob_b_beats_a = prob_greater(b, a);
    const double mean_a = a.a / (a.a + a.b), mean_b = b.a / (b.a + b.b);
    const prob::Beta a_plus{a.a + 1, a.b}, b_plus{b.a + 1, b.b};
    r.expected_loss_b = std::max(0.0, mean_a * prob_greater(a_plus, b) - mean_b * prob_greater(a, b_plus));
    r.expected_loss_a = std::max(0.0, mean_b * prob_greater(b_plus, a) - mean_a * prob_greater(b, a_plus));
    r.lift_mean = mean_b / mean_a - 1;
    r.lift = {lift_quantile(a, b, (1 - level) / 2), lift_quantile(a, b, (1 + level) / 2)};
    return r;
}

std::vector<double> thompson_shares(const std::vector<prob::Beta>& arms, std::uint64_t seed, std::size_t draws) {
    std::vector<prob::Sampler> samplers;
    for (std::size_t k = 0; k < arms.size(); ++k) samplers.emplace_back(dist(arms[k]), seed + k);
    std::vector<double> wins(arms.size(), 0);
    for (std::size_t i = 0; i < draws; ++i) {
        std::size_t best = 0;
        double best_x = -1;
        for (std::size_t k = 0; k < samplers.size(); ++k) {
            const double x = samplers[k]();
            if (x > best_x) best = k, best_x = x;
        }
        wins[best] += 1;
    }
    for (double& w : wins) w /= static_cast<double>(draws);
    return wins;
}

}  // namespace mlm::bayes
