// The functions of a distribution, in scipy.stats' conventions, from Boost.Math
// (incomplete beta and gamma and their inverses, erfc, log-gamma):
//   pdf (the pmf for the discrete families), logpdf, cdf F(x) = P(X <= x),
//   sf 1 - F(x) computed directly (no cancellation in the upper tail),
//   quantile q -> the smallest x with F(x) >= q, isf q -> quantile of 1 - q,
//   mean, variance, mode, median, entropy (differential for the continuous ones).
// Outside the support: pdf 0, logpdf -inf, cdf 0 or 1, sf 1 or 0, as scipy.
// A discrete pmf at a point that is not a whole number is 0; cdf(x) = cdf(floor x).
// Nothing here throws on overflow, underflow or a point outside the support:
// results are inf, 0, or nan for a nan argument or a q outside [0, 1].
#pragma once

#include <optional>

#include "prob/spec.hpp"

namespace mlm::prob {

double pdf(const Distribution& d, double x);
double logpdf(const Distribution& d, double x);
double cdf(const Distribution& d, double x);
double sf(const Distribution& d, double x);
// q = 0 gives the lower end of the support, q = 1 the upper end (scipy gives
// a - 1 for a discrete family at q = 0; we give the smallest value it takes).
double quantile(const Distribution& d, double q);
double isf(const Distribution& d, double q);

double mean(const Distribution& d);
double variance(const Distribution& d);
// Absent where no single mode exists: uniform, beta(1,1), beta with both
// shapes < 1. Where two values tie, the textbook one: bernoulli(0.5) gives 0,
// poisson floor(LAMBDA), binomial floor((N+1)P) at most N, categorical the
// first most probable category.
std::optional<double> mode(const Distribution& d);
double median(const Distribution& d);
double entropy(const Distribution& d);

// The closed support [lower, upper] (infinite ends for unbounded ones).
struct Support {
    double lower;
    double upper;
    bool discrete;
};
Support support(const Distribution& d);

}  // namespace mlm::prob
