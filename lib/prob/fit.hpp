// Maximum-likelihood fits of a named family to data, with the log-likelihood
// and the information criteria AIC = 2k - 2 ln L and BIC = k ln n - 2 ln L
// (k free parameters). The estimates are scipy.stats' MLEs:
//   normal       mu = mean, sd = sqrt(Σ(x - mean)² / n)          (norm.fit)
//   bernoulli    p = mean;  poisson  lambda = mean;  exponential rate = 1/mean
//   binomial     n = max(x), p = mean / n (n taken as known: the largest count)
//   uniform      a = min, b = max
//   categorical  the frequency of each distinct value
//   gamma        shape solves ln(shape) - digamma(shape) = ln(mean) - mean(ln x),
//                rate = shape / mean                      (gamma.fit(floc=0))
//   beta         a, b solve digamma(a) - digamma(a+b) = mean(ln x) and
//                digamma(b) - digamma(a+b) = mean(ln(1-x)), by Newton with
//                trigamma from the moments' estimate (beta.fit(floc=0, fscale=1))
// Data outside the family's support (a negative count for Poisson, a value
// outside (0, 1) for beta) is an InputError that names the first such value.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "prob/spec.hpp"

namespace mlm::prob {

struct Fit {
    Distribution distribution;
    double log_likelihood = 0;
    double aic = 0;
    double bic = 0;
    std::size_t n = 0;
    std::size_t parameters = 0;       // k of AIC and BIC
    std::optional<double> sd_sample;  // normal: divisor n - 1
};

// `family` is a name of the table (spec.hpp); fewer than 1 value (2 for the
// normal, the uniform and the beta) or a degenerate estimate (a zero spread,
// every count 0) is an InputError.
Fit fit(const std::string& family, std::span<const double> data);

// The fits that need only moments of the data, so that data read in parts
// fit from their merged sums: normal, exponential, bernoulli and poisson.
// The log-likelihood in closed form (MLE: sd² = Σ(x - mean)²/n, p = λ = mean):
//   normal       -n (ln(2π)/2 + ln sd + 1/2)
//   exponential  -n (ln mean + 1)
//   bernoulli    k ln p + (n - k) ln(1 - p), with k = n p ones (0 ln 0 = 0)
//   poisson      n λ ln λ - n λ - Σ ln x!
// The same refusals as fit(family, data).
struct MomentSums {
    std::size_t n = 0;
    double mean = 0;
    double sd = 0;              // population sd, sqrt(Σ(x - mean)²/n): the normal's
    double log_factorials = 0;  // Σ ln x!: the Poisson's
};
bool fits_by_moments(const std::string& family);
Fit fit_by_moments(const std::string& family, const MomentSums& sums);
// ln x! = ln Γ(x + 1), a term of MomentSums::log_factorials.
double log_factorial(double x);

// The InputError fit() makes for the first value of `data` outside the support
// of `family` (or not finite).
void check_support(const std::string& family, std::span<const double> data);

// The log-likelihood of `data` under `d` (compensated sum of logpdf).
double log_likelihood(const Distribution& d, std::span<const double> data);

}  // namespace mlm::prob
