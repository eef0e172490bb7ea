#include "info/divergence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.hpp"
#include "info/entropy.hpp"
#include "shortest.hpp"

namespace mlm::info {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

void check_same_size(std::span<const double> p, std::span<const double> q) {
    if (p.size() != q.size())
        throw InputError("P has " + std::to_string(p.size()) + " outcomes but Q has " +
                         std::to_string(q.size()));
}

// ln(p/q) for p, q > 0. Near p = q, p - q is exact (Sterbenz) and log1p keeps
// the digits log(p/q) loses; where p/q overflows or is subnormal, the
// difference of logs stays finite and exact enough.
double log_ratio(double p, double q) {
    double d = p - q;
    if (std::abs(d) <= 0.5 * q) return std::log1p(d / q);
    double r = p / q;
    if (std::isnormal(r)) return std::log(r);
    return std::log(p) - std::log(q);
}

// g(d) = (1+d) ln(1+d) + (1-d) ln(1-d) for d in [-1, 1]: the JS term of one
// outcome is (p+q) g(d) / 4 with d = (p-q)/(p+q). Its series
// Σ d^2k / (k(2k-1)) is used near 0, where the closed form cancels, so that
// the result is never negative.
double js_kernel(double d) {
    d = std::min(std::abs(d), 1.0);
    if (d < 1e-2) {
        double d2 = d * d;
        return d2 * (1 + d2 * (1.0 / 6 + d2 * (1.0 / 15 + d2 / 28)));
    }
    double plus = (1 + d) * std::log1p(d);
    double minus = d < 1 ? (1 - d) * std::log1p(-d) : 0.0;
    return std::max(0.0, plus + minus);
}

Divergence finish(CompensatedSum sum, std::optional<std::size_t> infinite_at, double base) {
    if (infinite_at) return {inf, infinite_at};
    return {sum.value() / log_of_base(base), std::nullopt};
}

}  // namespace

std::vector<double> normalized(std::span<const double> weights, Normalization how) {
    if (!std::isfinite(how.smooth) || how.smooth < 0)
        throw UsageError("smoothing must be a finite number >= 0, got " + shortest(how.smooth));
    double sum = checked_weight_sum(weights, how.reading, "position");
    std::vector<double> out(weights.begin(), weights.end());
    if (how.smooth > 0) {
        for (double& w : out) w += how.smooth;
        sum = compensated_sum(out);
    }
    for (double& w : out) w /= sum;
    return out;
}

double log_of_base(double base) {
    if (!std::isfinite(base) || base <= 0 || base == 1)
        throw UsageError("log base must be a positive number other than 1, got " + shortest(base));
    return base == std::numbers::e ? 1.0 : std::log(base);
}

std::vector<double> kl_terms(std::span<const double> p, std::span<const double> q) {
    check_same_size(p, q);
    std::vector<double> terms(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p[i] == 0)
            terms[i] = 0;
        else if (q[i] == 0)
            terms[i] = inf;
        else
            terms[i] = p[i] * log_ratio(p[i], q[i]);
    }
    return terms;
}

Divergence kl_divergence(std::span<const double> p, std::span<const double> q, double base) {
    double scale = log_of_base(base);
    std::vector<double> terms = kl_terms(p, q);
    CompensatedSum sum;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (std::isinf(terms[i])) return {inf, i};
        sum.add(terms[i]);
    }
    // KL >= 0 (Gibbs); rounding of nearly equal inputs must not show -1e-17.
    return {std::max(0.0, sum.value()) / scale, std::nullopt};
}

Divergence reverse_kl_divergence(std::span<const double> p, std::span<const double> q,
                                 double base) {
    return kl_divergence(q, p, base);
}

Divergence cross_entropy(std::span<const double> p, std::span<const double> q, double base) {
    check_same_size(p, q);
    CompensatedSum sum;
    std::optional<std::size_t> infinite_at;
    for (std::size_t i = 0; i < p.size() && !infinite_at; ++i) {
        if (p[i] == 0) continue;
        if (q[i] == 0)
            infinite_at = i;
        else
            sum.add(-p[i] * std::log(q[i]));
    }
    return finish(sum, infinite_at, base);
}

double js_divergence(std::span<const double> p, std::span<const double> q, double base) {
    double scale = log_of_base(base);
    check_same_size(p, q);
    CompensatedSum sum;
    for (std::size_t i = 0; i < p.size(); ++i) {
        double s = p[i] + q[i];
        if (s == 0) continue;
        sum.add(s * js_kernel((p[i] - q[i]) / s) / 4);
    }
    return std::clamp(sum.value(), 0.0, std::numbers::ln2) / scale;
}

double js_distance(std::span<const double> p, std::span<const double> q, double base) {
    return std::sqrt(std::max(0.0, js_divergence(p, q, base)));
}

Divergence population_stability_index(std::span<const double> p, std::span<const double> q) {
    check_same_size(p, q);
    CompensatedSum sum;
    std::optional<std::size_t> infinite_at;
    for (std::size_t i = 0; i < p.size() && !infinite_at; ++i) {
        if (p[i] == 0 && q[i] == 0) continue;
        if (p[i] == 0 || q[i] == 0)
            infinite_at = i;
        else
            sum.add((p[i] - q[i]) * log_ratio(p[i], q[i]));
    }
    return finish(sum, infinite_at, std::numbers::e);
}

}  // namespace mlm::info
