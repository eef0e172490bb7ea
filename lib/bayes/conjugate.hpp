// Conjugate belief updates: a prior of a family and data whose likelihood
// keeps the posterior in that family, so that an update is arithmetic on the
// parameters.
//   Beta-Binomial:  Beta(a, b), s successes in n trials   -> Beta(a + s, b + n - s)
//   Gamma-Poisson:  Gamma(shape k, rate r), counts x_1..x_n -> Gamma(k + sum x, r + n)
//   Normal mean, known noise sd s: Normal(m, t), values x_1..x_n ->
//       precision 1/t'^2 = 1/t^2 + n/s^2,  m' = t'^2 (m/t^2 + sum x / s^2)
// and the summaries of the posterior: mean, variance, median, mode, and a
// credible interval.
#pragma once

#include "prob/spec.hpp"

#include <optional>

namespace mlm::bayes {

// InputError unless 0 <= s <= n and both are whole numbers.
prob::Beta update_beta(const prob::Beta& prior, double successes, double trials);
// InputError unless every count is a whole number >= 0 (checked by the caller
// per value: check_count), `sum` their sum and n their number.
prob::Gamma update_gamma(const prob::Gamma& prior, double sum, double n);
void check_count(double x);
// InputError unless noise_sd > 0 (finite).
prob::Normal update_normal(const prob::Normal& prior, double noise_sd, double sum, double n);
// InputError unless x is 0 or 1.
void check_outcome(double x);

struct Interval {
    double low = 0, high = 0;
};

struct Summary {
    double mean = 0, variance = 0, median = 0;
    std::optional<double> mode;  // absent where there is none (Beta(1,1), U-shaped Beta)
    Interval interval;
    double level = 0.95;
    bool hdi = false;  // the interval is the highest-density one, else equal-tailed
};

// The posterior's summary with an equal-tailed interval, or the HDI.
Summary summarize(const prob::Distribution& posterior, double level, bool hdi);

}  // namespace mlm::bayes
