#include "prob/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <boost/math/distributions/bernoulli.hpp>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/exponential.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "prob/policy.hpp"

namespace mlm::prob {
namespace {

namespace bm = boost::math;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Each family as a Boost distribution object (categorical has none).
auto boost_of(const Normal& f) { return bm::normal_distribution<double, Policy>(f.mu, f.sd); }
auto boost_of(const Bernoulli& f) { return bm::bernoulli_distribution<double, Policy>(f.p); }
auto boost_of(const Binomial& f) { return bm::binomial_distribution<double, Policy>(f.n, f.p); }
auto boost_of(const Poisson& f) { return bm::poisson_distribution<double, Policy>(f.lambda); }
auto boost_of(const Uniform& f) { return bm::uniform_distribution<double, Policy>(f.a, f.b); }
auto boost_of(const Beta& f) { return bm::beta_distribution<double, Policy>(f.a, f.b); }
auto boost_of(const Exponential& f) {
    return bm::exponential_distribution<double, Policy>(f.rate);
}
auto boost_of(const Gamma& f) {
    return bm::gamma_distribution<double, Policy>(f.shape, 1 / f.rate);
}

template <class F>
constexpr bool is_discrete = std::is_same_v<F, Bernoulli> || std::is_same_v<F, Binomial> ||
                             std::is_same_v<F, Poisson> || std::is_same_v<F, Categorical>;

Support support_of(const Normal&) { return {-inf, inf, false}; }
Support support_of(const Bernoulli&) { return {0, 1, true}; }
Support support_of(const Categorical& f) {
    return {f.categories.front(), f.categories.back(), true};
}
Support support_of(const Binomial& f) { return {0, f.n, true}; }
Support support_of(const Poisson&) { return {0, inf, true}; }
Support support_of(const Uniform& f) { return {f.a, f.b, false}; }
Support support_of(const Beta&) { return {0, 1, false}; }
Support support_of(const Exponential&) { return {0, inf, false}; }
Support support_of(const Gamma&) { return {0, inf, false}; }

// --- categorical, by hand: the categories are sorted -----------------------

std::size_t index_at_or_below(const Categorical& c, double x) {  // categories <= x
    return static_cast<std::size_t>(
        std::upper_bound(c.categories.begin(), c.categories.end(), x) - c.categories.begin());
}

double cat_pdf(const Categorical& c, double x) {
    auto i = index_at_or_below(c, x);
    return i > 0 && c.categories[i - 1] == x ? c.probabilities[i - 1] : 0.0;
}
double cat_cdf(const Categorical& c, double x) {
    double s = 0;
    for (std::size_t i = 0, k = index_at_or_below(c, x); i < k; ++i) s += c.probabilities[i];
    return std::min(1.0, s);
}
double cat_sf(const Categorical& c, double x) {
    double s = 0;
    for (auto i = index_at_or_below(c, x); i < c.categories.size(); ++i) s += c.probabilities[i];
    return std::min(1.0, s);
}
double cat_quantile(const Categorical& c, double q) {
    double s = 0;
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        s += c.probabilities[i];
        if (s >= q) return c.categories[i];
    }
    return c.categories.back();  // rounding left the total a hair under q
}

double cat_isf(const Categorical& c, double q) {  // the first category with sf <= q
    for (double x : c.categories)
        if (cat_sf(c, x) <= q) return x;
    return c.categories.back();
}

// --- the generic cases over a Boost object ---------------------------------

template <class F>
double family_pdf(const F& f, double x) {
    auto s = support_of(f);
    if (std::isnan(x)) return nan;
    if (x < s.lower || x > s.upper || std::isinf(x)) return 0;
    if constexpr (std::is_same_v<F, Categorical>) return cat_pdf(f, x);
    else if constexpr (std::is_same_v<F, Gamma>) {
        // Boost gives 0 at x = 0 for any shape; the limit is inf, rate or 0.
        if (x == 0) return f.shape < 1 ? inf : f.shape == 1 ? f.rate : 0.0;
        return bm::pdf(boost_of(f), x);
    } else {
        if (is_discrete<F> && x != std::floor(x)) return 0;
        return bm::pdf(boost_of(f), x);
    }
}

template <class F>
double family_cdf(const F& f, double x) {
    auto s = support_of(f);
    if (std::isnan(x)) return nan;
    if (x < s.lower) return 0;
    if (x >= s.upper) return 1;
    if constexpr (std::is_same_v<F, Categorical>) return cat_cdf(f, x);
    else return bm::cdf(boost_of(f), is_discrete<F> ? std::floor(x) : x);
}

template <class F>
double family_sf(const F& f, double x) {
    auto s = support_of(f);
    if (std::isnan(x)) return nan;
    if (x < s.lower) return 1;
    if (x >= s.upper) return 0;
    if constexpr (std::is_same_v<F, Categorical>) return cat_sf(f, x);
    else return bm::cdf(bm::complement(boost_of(f), is_discrete<F> ? std::floor(x) : x));
}

// The smallest whole k of the support where `holds` (false below some k, true
// from there on): from Boost's estimate, whose rounding policies do not promise
// exactly this, by steps that double outwards and then bisection.
template <class F, class Holds>
double smallest_where(const F& f, double guess, Holds holds) {
    auto s = support_of(f);
    double start = std::isfinite(s.lower) ? s.lower : 0;
    double hi = std::isfinite(guess) ? std::clamp(std::floor(guess), s.lower, s.upper) : start;
    for (double step = 1; !holds(hi); step *= 2) {
        if (hi >= s.upper) return s.upper;
        hi = std::min(s.upper, hi + step);
    }
    double lo = s.lower - 1;  // the invariant: !holds(lo) or lo below the support
    for (double step = 1;; step *= 2) {
        double below = hi - step;
        if (below < s.lower) break;
        if (!holds(below)) {
            lo = below;
            break;
        }
        hi = below;
    }
    while (hi - lo > 1) {
        double mid = std::floor(lo + (hi - lo) / 2);
        (holds(mid) ? hi : lo) = mid;
    }
    return hi;
}

template <class F>
double family_quantile(const F& f, double q) {
    auto s = support_of(f);
    if (std::isnan(q) || q < 0 || q > 1) return nan;
    if (q == 0) return s.lower;
    if (q == 1) return s.upper;
    if constexpr (std::is_same_v<F, Categorical>) return cat_quantile(f, q);
    else if constexpr (is_discrete<F>)
        return smallest_where(f, bm::quantile(boost_of(f), q),
                              [&](double k) { return family_cdf(f, k) >= q; });
    else return bm::quantile(boost_of(f), q);
}

template <class F>
double family_isf(const F& f, double q) {
    auto s = support_of(f);
    if (std::isnan(q) || q < 0 || q > 1) return nan;
    if (q == 0) return s.upper;
    if (q == 1) return s.lower;
    if constexpr (std::is_same_v<F, Categorical>) {
        return cat_isf(f, q);
    } else if constexpr (is_discrete<F>) {
        // The smallest k with sf(k) <= q, scipy's isf for the discrete families.
        return smallest_where(f, family_quantile(f, 1 - q),
                              [&](double k) { return family_sf(f, k) <= q; });
    } else {
        return bm::quantile(bm::complement(boost_of(f), q));
    }
}

// log pdf without going through a pdf that underflows: the closed forms,
// written as scipy writes them, where the pdf is below the smallest normal double.
double log_density_formula(const Normal& f, double x) {
    double z = (x - f.mu) / f.sd;
    return -z * z / 2 - std::log(f.sd) - 0.5 * std::log(2 * std::numbers::pi);
}
double log_density_formula(const Binomial& f, double k) {
    return bm::lgamma(f.n + 1, Policy()) - bm::lgamma(k + 1, Policy()) -
           bm::lgamma(f.n - k + 1, Policy()) + k * std::log(f.p) + (f.n - k) * std::log1p(-f.p);
}
double log_density_formula(const Poisson& f, double k) {
    return k * std::log(f.lambda) - f.lambda - bm::lgamma(k + 1, Policy());
}
double log_density_formula(const Beta& f, double x) {
    return (f.a - 1) * std::log(x) + (f.b - 1) * std::log1p(-x) -
           (bm::lgamma(f.a, Policy()) + bm::lgamma(f.b, Policy()) -
            bm::lgamma(f.a + f.b, Policy()));
}
double log_density_formula(const Exponential& f, double x) { return std::log(f.rate) - f.rate * x; }
double log_density_formula(const Gamma& f, double x) {
    double y = x * f.rate;
    return (f.shape - 1) * std::log(y) - y - bm::lgamma(f.shape, Policy()) + std::log(f.rate);
}
template <class F>
double log_density_formula(const F&, double) {  // bernoulli, categorical, uniform never underflow
    return -inf;
}

template <class F>
double family_logpdf(const F& f, double x) {
    double p = family_pdf(f, x);
    if (std::isnan(p) || p >= std::numeric_limits<double>::min() || p == inf) return std::log(p);
    if (p == 0) {  // outside the support, or an underflow inside it
        auto s = support_of(f);
        if (x < s.lower || x > s.upper || std::isinf(x)) return -inf;
        if (is_discrete<F> && x != std::floor(x)) return -inf;
    }
    return log_density_formula(f, x);
}

// --- moments ------------------------------------------------------------------

template <class F>
double family_mean(const F& f) {
    if constexpr (std::is_same_v<F, Categorical>) {
        double m = 0;
        for (std::size_t i = 0; i < f.categories.size(); ++i)
            m += f.categories[i] * f.probabilities[i];
        return m;
    } else {
        return bm::mean(boost_of(f));
    }
}

template <class F>
double family_variance(const F& f) {
    if constexpr (std::is_same_v<F, Categorical>) {
        double m = family_mean(f), v = 0;
        for (std::size_t i = 0; i < f.categories.size(); ++i)
            v += (f.categories[i] - m) * (f.categories[i] - m) * f.probabilities[i];
        return v;
    } else {
        return bm::variance(boost_of(f));
    }
}

std::optional<double> family_mode(const Normal& f) { return f.mu; }
std::optional<double> family_mode(const Bernoulli& f) { return f.p > 0.5 ? 1.0 : 0.0; }
std::optional<double> family_mode(const Categorical& f) {
    auto i = std::max_element(f.probabilities.begin(), f.probabilities.end()) -
             f.probabilities.begin();
    return f.categories[static_cast<std::size_t>(i)];
}
std::optional<double> family_mode(const Binomial& f) {
    return std::min(f.n, std::floor((f.n + 1) * f.p));
}
std::optional<double> family_mode(const Poisson& f) { return std::floor(f.lambda); }
std::optional<double> family_mode(const Uniform&) { return std::nullopt; }
std::optional<double> family_mode(const Beta& f) {
    if (f.a > 1 && f.b > 1) return (f.a - 1) / (f.a + f.b - 2);
    if (f.a <= 1 && f.b > 1) return 0.0;
    if (f.a > 1 && f.b <= 1) return 1.0;
    if (f.a < 1 && f.b == 1) return 0.0;
    if (f.a == 1 && f.b < 1) return 1.0;
    return std::nullopt;  // beta(1,1) is flat, both shapes < 1 peak at 0 and 1
}
std::optional<double> family_mode(const Exponential&) { return 0.0; }
std::optional<double> family_mode(const Gamma& f) {
    return f.shape >= 1 ? (f.shape - 1) / f.rate : 0.0;
}

// -Σ p log p over the support, from the mean outwards until the terms vanish.
template <class F>
double summed_entropy(const F& f) {
    double h = 0;
    auto s = support_of(f);
    double middle = std::floor(family_mean(f));
    auto term = [&](double k) {
        double p = family_pdf(f, k);
        return p > 0 ? -p * family_logpdf(f, k) : 0.0;
    };
    h += term(middle);
    for (int side : {-1, 1})
        for (double k = middle + side; k >= s.lower && k <= s.upper; k += side) {
            double t = term(k);
            h += t;
            if (t < 1e-20 * h && std::abs(k - middle) > 1) break;
        }
    return h;
}

double family_entropy(const Normal& f) {
    return 0.5 * std::log(2 * std::numbers::pi * std::numbers::e * f.sd * f.sd);
}
double family_entropy(const Bernoulli& f) {
    auto xlogx = [](double p) { return p > 0 ? p * std::log(p) : 0.0; };
    return -xlogx(f.p) - xlogx(1 - f.p);
}
double family_entropy(const Categorical& f) {
    double h = 0;
    for (double p : f.probabilities)
        if (p > 0) h -= p * std::log(p);
    return h;
}
// Summing takes about 80 standard deviations of terms; beyond a million, the
// asymptotic series is exact to double precision.
double family_entropy(const Binomial& f) {
    double v = f.n * f.p * (1 - f.p);
    if (v < 1e8) return summed_entropy(f);
    return 0.5 * std::log(2 * std::numbers::pi * std::numbers::e * v);
}
double family_entropy(const Poisson& f) {
    double l = f.lambda;
    if (l < 1e8) return summed_entropy(f);
    return 0.5 * std::log(2 * std::numbers::pi * std::numbers::e * l) - 1 / (12 * l) -
           1 / (24 * l * l) - 19 / (360 * l * l * l);
}
double family_entropy(const Uniform& f) { return std::log(f.b - f.a); }
double family_entropy(const Beta& f) {
    using bm::digamma;
    double lbeta = bm::lgamma(f.a, Policy()) + bm::lgamma(f.b, Policy()) -
                   bm::lgamma(f.a + f.b, Policy());
    return lbeta - (f.a - 1) * digamma(f.a, Policy()) - (f.b - 1) * digamma(f.b, Policy()) +
           (f.a + f.b - 2) * digamma(f.a + f.b, Policy());
}
double family_entropy(const Exponential& f) { return 1 - std::log(f.rate); }
double family_entropy(const Gamma& f) {
    return f.shape - std::log(f.rate) + bm::lgamma(f.shape, Policy()) +
           (1 - f.shape) * bm::digamma(f.shape, Policy());
}

template <class Fn>
auto visit(const Distribution& d, Fn fn) {
    return std::visit(fn, d.family);
}

}  // namespace

double pdf(const Distribution& d, double x) {
    return visit(d, [x](const auto& f) { return family_pdf(f, x); });
}
double logpdf(const Distribution& d, double x) {
    return visit(d, [x](const auto& f) { return family_logpdf(f, x); });
}
double cdf(const Distribution& d, double x) {
    return visit(d, [x](const auto& f) { return family_cdf(f, x); });
}
double sf(const Distribution& d, double x) {
    return visit(d, [x](const auto& f) { return family_sf(f, x); });
}
double quantile(const Distribution& d, double q) {
    return visit(d, [q](const auto& f) { return family_quantile(f, q); });
}
double isf(const Distribution& d, double q) {
    return visit(d, [q](const auto& f) { return family_isf(f, q); });
}
double mean(const Distribution& d) {
    return visit(d, [](const auto& f) { return family_mean(f); });
}
double variance(const Distribution& d) {
    return visit(d, [](const auto& f) { return family_variance(f); });
}
std::optional<double> mode(const Distribution& d) {
    return visit(d, [](const auto& f) { return family_mode(f); });
}
double median(const Distribution& d) { return quantile(d, 0.5); }
double entropy(const Distribution& d) {
    return visit(d, [](const auto& f) { return family_entropy(f); });
}
Support support(const Distribution& d) {
    return visit(d, [](const auto& f) { return support_of(f); });
}

}  // namespace mlm::prob
