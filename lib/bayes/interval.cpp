#include "bayes/interval.hpp"

#include "error.hpp"
#include "prob/distribution.hpp"
#include "shortest.hpp"

#include <boost/math/tools/toms748_solve.hpp>

#include <cmath>
#include <variant>

namespace mlm::bayes {

Interval equal_tailed(const prob::Distribution& d, double level) {
    return {prob::quantile(d, (1 - level) / 2), prob::quantile(d, (1 + level) / 2)};
}

Interval highest_density(const prob::Distribution& d, double level) {
    if (const auto* beta = std::get_if<prob::Beta>(&d.family); beta && beta->a < 1 && beta->b < 1)
        throw NumericError("Beta(" + shortest(beta->a) + ", " + shortest(beta->b) +
                           ") is U-shaped: its highest-density region is two intervals, not one");
    const double top = 1 - level;
    // g(p) = f(F^-1(p + level)) - f(F^-1(p)) falls from >= 0 to <= 0 for a unimodal density.
    auto g = [&](double p) { return prob::pdf(d, prob::quantile(d, p + level)) - prob::pdf(d, prob::quantile(d, p)); };
    const double g0 = g(0), g1 = g(top);
    if (!(g0 > 0)) return {prob::quantile(d, 0), prob::quantile(d, level)};  // density highest at the lower end
    if (!(g1 < 0)) return {prob::quantile(d, top), prob::quantile(d, 1)};    // highest at the upper end
    boost::uintmax_t iterations = 200;
    const auto [lo, hi] =
        boost::math::tools::toms748_solve(g, 0.0, top, g0, g1, boost::math::tools::eps_tolerance<double>(), iterations);
    const double p = (lo + hi) / 2;
    return {prob::quantile(d, p), prob::quantile(d, p + level)};
}

Interval wilson(double successes, double trials, double level) {
    if (!(trials > 0)) throw InputError("a Wilson interval needs at least one trial");
    const double z = prob::quantile(prob::Distribution{prob::Normal{0, 1}}, (1 + level) / 2);
    const double p = successes / trials, z2n = z * z / trials;
    const double center = (p + z2n / 2) / (1 + z2n);
    const double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / trials + z2n / (4 * trials));
    return {center - half, center + half};
}

}  // namespace mlm::bayes
