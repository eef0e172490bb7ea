#include "prob/fit.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>

#include "compensated_sum.hpp"
#include "error.hpp"
#include "prob/distribution.hpp"
#include "prob/policy.hpp"
#include "shortest.hpp"

namespace mlm::prob {
namespace {

double digamma(double x) { return boost::math::digamma(x, Policy()); }
double trigamma(double x) { return boost::math::trigamma(x, Policy()); }

double mean_of(std::span<const double> xs) {
    CompensatedSum s;
    for (double x : xs) s.add(x);
    return s.value() / static_cast<double>(xs.size());
}

double mean_log(std::span<const double> xs, bool complement) {
    CompensatedSum s;
    for (double x : xs) s.add(complement ? std::log1p(-x) : std::log(x));
    return s.value() / static_cast<double>(xs.size());
}

void require(bool ok, const std::string& family, const std::string& what, double x) {
    if (!ok)
        throw InputError("cannot fit " + family + ": " + what + ", got " + shortest(x));
}

void check_support(const std::string& family, std::span<const double> xs) {
    for (double x : xs) {
        require(std::isfinite(x), family, "every value must be a finite number", x);
        if (family == "bernoulli") require(x == 0 || x == 1, family, "values must be 0 or 1", x);
        if (family == "binomial" || family == "poisson")
            require(x >= 0 && x == std::floor(x), family, "values must be counts 0, 1, 2, ...", x);
        if (family == "beta") require(x > 0 && x < 1, family, "values must be in (0, 1)", x);
        if (family == "gamma") require(x > 0, family, "values must be > 0", x);
        if (family == "exponential") require(x >= 0, family, "values must be >= 0", x);
    }
}

// ln(k) - digamma(k) = s, s > 0: Newton on ln k from Minka's start, which
// converges in a few steps (the function is convex and decreasing).
double gamma_shape(double s) {
    double k = (3 - s + std::sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
    for (int i = 0; i < 100; ++i) {
        double f = std::log(k) - digamma(k) - s;
        double df = 1 / k - trigamma(k);
        double next = k - f / df;
        if (!(next > 0)) next = k / 2;
        bool done = std::abs(next - k) <= 1e-15 * k;
        k = next;
        if (done) break;
    }
    return k;
}

// Newton on the beta likelihood equations from the moments' estimate.
std::pair<double, double> beta_shapes(double m, double v, double log_x, double log_1mx) {
    double common = m * (1 - m) / v - 1;
    double a = common > 0 ? m * common : 1, b = common > 0 ? (1 - m) * common : 1;
    for (int i = 0; i < 200; ++i) {
        double ab = digamma(a + b), t = trigamma(a + b);
        double g1 = digamma(a) - ab - log_x, g2 = digamma(b) - ab - log_1mx;
        double h11 = trigamma(a) - t, h22 = trigamma(b) - t, h12 = -t;
        double det = h11 * h22 - h12 * h12;
        double da = (h22 * g1 - h12 * g2) / det, db = (h11 * g2 - h12 * g1) / det;
        // Halve a step that would leave the positive quadrant.
        double scale = 1;
        while (a - scale * da <= 0 || b - scale * db <= 0) scale /= 2;
        a -= scale * da;
        b -= scale * db;
        if (std::abs(da) <= 1e-14 * a && std::abs(db) <= 1e-14 * b) break;
    }
    return {a, b};
}

Distribution estimate(const std::string& family, std::span<const double> xs) {
    double n = static_cast<double>(xs.size());
    double m = mean_of(xs);
    auto [lo, hi] = std::minmax_element(xs.begin(), xs.end());
    auto spread = [&] {
        CompensatedSum s;
        for (double x : xs) s.add((x - m) * (x - m));
        return s.value() / n;
    };
    if (family == "normal") {
        double sd = std::sqrt(spread());
        require(sd > 0, family, "the values do not vary (sd 0)", sd);
        return {Normal{m, sd}};
    }
    if (family == "bernoulli") return {Bernoulli{m}};
    if (family == "poisson") {
        require(m > 0, family, "every count is 0 (lambda 0)", m);
        return {Poisson{m}};
    }
    if (family == "binomial") {
        require(*hi > 0, family, "every count is 0", *hi);
        return {Binomial{*hi, m / *hi}};
    }
    if (family == "exponential") {
        require(m > 0, family, "every value is 0", m);
        return {Exponential{1 / m}};
    }
    if (family == "uniform") {
        require(*lo < *hi, family, "the values do not vary", *lo);
        return {Uniform{*lo, *hi}};
    }
    if (family == "gamma") {
        double s = std::log(m) - mean_log(xs, false);
        require(s > 0, family, "the values do not vary", m);
        double k = gamma_shape(s);
        return {Gamma{k, k / m}};
    }
    if (family == "beta") {
        double v = spread();
        require(v > 0, family, "the values do not vary", m);
        auto [a, b] = beta_shapes(m, v, mean_log(xs, false), mean_log(xs, true));
        return {Beta{a, b}};
    }
    // categorical: the frequency of each distinct value.
    std::map<double, double> counts;
    for (double x : xs) counts[x] += 1;
    Weights w;
    for (auto [x, c] : counts) {
        w.categories.push_back(x);
        w.weights.push_back(c);
    }
    return {make_categorical(std::move(w.categories), std::move(w.weights), "categorical")};
}

std::size_t free_parameters(const Distribution& d) {
    if (const auto* c = std::get_if<Categorical>(&d.family)) return c->categories.size() - 1;
    if (std::holds_alternative<Binomial>(d.family)) return 1;  // n is taken as known
    return parameters(d).size();
}

}  // namespace

double log_likelihood(const Distribution& d, std::span<const double> data) {
    CompensatedSum s;
    for (double x : data) s.add(logpdf(d, x));
    return s.value();
}

Fit fit(const std::string& family, std::span<const double> data) {
    const FamilyInfo* f = find_family(family);
    if (!f) throw UsageError("unknown distribution \"" + family + "\"");
    std::size_t least = family == "normal" || family == "uniform" || family == "beta" ? 2 : 1;
    if (data.size() < least)
        throw InputError("cannot fit " + family + ": need at least " + std::to_string(least) +
                         " values, got " + std::to_string(data.size()));
    check_support(family, data);
    Fit out;
    out.distribution = estimate(family, data);
    out.n = data.size();
    out.parameters = free_parameters(out.distribution);
    out.log_likelihood = log_likelihood(out.distribution, data);
    double k = static_cast<double>(out.parameters), n = static_cast<double>(out.n);
    out.aic = 2 * k - 2 * out.log_likelihood;
    out.bic = k * std::log(n) - 2 * out.log_likelihood;
    if (family == "normal") {
        auto& nd = std::get<Normal>(out.distribution.family);
        out.sd_sample = nd.sd * std::sqrt(n / (n - 1));
    }
    return out;
}

}  // namespace mlm::prob
