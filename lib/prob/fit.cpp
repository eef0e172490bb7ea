#include "prob/fit.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <boost/math/constants/constants.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
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

// Σ(x - m)² / n.
double spread(std::span<const double> xs, double m) {
    CompensatedSum s;
    for (double x : xs) s.add((x - m) * (x - m));
    return s.value() / static_cast<double>(xs.size());
}

Distribution estimate(const std::string& family, std::span<const double> xs) {
    double m = mean_of(xs);
    auto [lo, hi] = std::minmax_element(xs.begin(), xs.end());
    if (family == "binomial") {
        require(*hi > 0, family, "every count is 0", *hi);
        return {Binomial{*hi, m / *hi}};
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
        double v = spread(xs, m);
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

void check_support(const std::string& family, std::span<const double> xs) {
    // The family decided once, not per value: this runs once per input number.
    const bool bernoulli = family == "bernoulli", counts = family == "binomial" || family == "poisson",
               beta = family == "beta", gamma = family == "gamma", exponential = family == "exponential";
    for (double x : xs) {
        require(std::isfinite(x), family, "every value must be a finite number", x);
        if (bernoulli) require(x == 0 || x == 1, family, "values must be 0 or 1", x);
        if (counts) require(x >= 0 && x == std::floor(x), family, "values must be counts 0, 1, 2, ...", x);
        if (beta) require(x > 0 && x < 1, family, "values must be in (0, 1)", x);
        if (gamma) require(x > 0, family, "values must be > 0", x);
        if (exponential) require(x >= 0, family, "values must be >= 0", x);
    }
}

double log_likelihood(const Distribution& d, std::span<const double> data) {
    CompensatedSum s;
    for (double x : data) s.add(logpdf(d, x));
    return s.value();
}

namespace {

void require_count(const std::string& family, std::size_t n) {
    std::size_t least = family == "normal" || family == "uniform" || family == "beta" ? 2 : 1;
    if (n < least)
        throw InputError("cannot fit " + family + ": need at least " + std::to_string(least) + " values, got " +
                         std::to_string(n));
}

// The fit of `d` to n values with this log-likelihood, scored by AIC and BIC.
Fit scored(Distribution d, std::size_t n, double log_likelihood) {
    Fit out;
    out.distribution = std::move(d);
    out.n = n;
    out.parameters = free_parameters(out.distribution);
    out.log_likelihood = log_likelihood;
    double k = static_cast<double>(out.parameters), count = static_cast<double>(n);
    out.aic = 2 * k - 2 * out.log_likelihood;
    out.bic = k * std::log(count) - 2 * out.log_likelihood;
    if (const auto* normal = std::get_if<Normal>(&out.distribution.family))
        out.sd_sample = normal->sd * std::sqrt(count / (count - 1));
    return out;
}

}  // namespace

bool fits_by_moments(const std::string& family) {
    return family == "normal" || family == "exponential" || family == "bernoulli" || family == "poisson";
}

Fit fit_by_moments(const std::string& family, const MomentSums& s) {
    require_count(family, s.n);
    const double n = static_cast<double>(s.n), m = s.mean;
    auto xlogy = [](double x, double y) { return x == 0 ? 0.0 : x * std::log(y); };  // 0 ln 0 = 0
    if (family == "normal") {
        require(s.sd > 0, family, "the values do not vary (sd 0)", s.sd);
        // Σ(x - mean)² / sd² = n at the MLE; ln sd rather than ln sd², which overflows first.
        const double pi = boost::math::constants::pi<double>();
        return scored({Normal{m, s.sd}}, s.n, -n * (0.5 * std::log(2 * pi) + std::log(s.sd) + 0.5));
    }
    if (family == "exponential") {
        require(m > 0, family, "every value is 0", m);
        return scored({Exponential{1 / m}}, s.n, -n * (std::log(m) + 1));
    }
    if (family == "poisson") {
        require(m > 0, family, "every count is 0 (lambda 0)", m);
        return scored({Poisson{m}}, s.n, n * m * std::log(m) - n * m - s.log_factorials);
    }
    if (family != "bernoulli") throw UsageError("fit_by_moments: " + family + " needs more than moments");
    const double ones = std::round(n * m);  // the count of 1s
    return scored({Bernoulli{m}}, s.n, xlogy(ones, m) + xlogy(n - ones, 1 - m));
}

double log_factorial(double k) { return boost::math::lgamma(k + 1, Policy()); }

Fit fit(const std::string& family, std::span<const double> data) {
    const FamilyInfo* f = find_family(family);
    if (!f) throw UsageError("unknown distribution \"" + family + "\"");
    require_count(family, data.size());
    check_support(family, data);
    if (fits_by_moments(family)) {
        MomentSums s{data.size(), mean_of(data), 0, 0};
        s.sd = std::sqrt(spread(data, s.mean));
        CompensatedSum log_factorials;
        if (family == "poisson")
            for (double x : data) log_factorials.add(log_factorial(x));
        s.log_factorials = log_factorials.value();
        return fit_by_moments(family, s);
    }
    Distribution d = estimate(family, data);
    double ln_l = log_likelihood(d, data);
    return scored(std::move(d), data.size(), ln_l);
}

}  // namespace mlm::prob
