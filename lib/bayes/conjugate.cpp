#include "bayes/conjugate.hpp"

#include "bayes/interval.hpp"
#include "error.hpp"
#include "prob/distribution.hpp"
#include "shortest.hpp"

#include <cmath>

namespace mlm::bayes {

namespace {

// A count a double holds exactly: a whole number up to 2^53.
bool whole(double x) { return std::isfinite(x) && x == std::floor(x) && std::fabs(x) <= 0x1p53; }

}  // namespace

prob::Beta update_beta(const prob::Beta& prior, double successes, double trials) {
    if (!whole(successes) || successes < 0)
        throw InputError("successes must be a whole number from 0 to 2^53, got " + shortest(successes));
    if (!whole(trials) || trials < 0) throw InputError("trials must be a whole number from 0 to 2^53, got " + shortest(trials));
    if (successes > trials)
        throw InputError("more successes than trials: " + shortest(successes) + " of " + shortest(trials));
    return {prior.a + successes, prior.b + (trials - successes)};
}

void check_count(double x) {
    if (!whole(x) || x < 0) throw InputError("a Poisson count must be a whole number from 0 to 2^53, got " + shortest(x));
}

void check_outcome(double x) {
    if (x != 0 && x != 1) throw InputError("an outcome must be 0 or 1, got " + shortest(x));
}

prob::Gamma update_gamma(const prob::Gamma& prior, double sum, double n) {
    return {prior.shape + sum, prior.rate + n};
}

prob::Normal update_normal(const prob::Normal& prior, double noise_sd, double sum, double n) {
    if (!(noise_sd > 0) || !std::isfinite(noise_sd))
        throw InputError("the noise sd must be finite and > 0, got " + shortest(noise_sd));
    const double prior_precision = 1 / (prior.sd * prior.sd), noise_precision = 1 / (noise_sd * noise_sd);
    const double precision = prior_precision + n * noise_precision;
    const double mu = (prior.mu * prior_precision + sum * noise_precision) / precision;
    return {mu, 1 / std::sqrt(precision)};
}

Summary summarize(const prob::Distribution& posterior, double level, bool hdi) {
    Summary s;
    s.mean = prob::mean(posterior);
    s.variance = prob::variance(posterior);
    s.median = prob::median(posterior);
    s.mode = prob::mode(posterior);
    s.level = level;
    s.hdi = hdi;
    s.interval = hdi ? highest_density(posterior, level) : equal_tailed(posterior, level);
    return s;
}

}  // namespace mlm::bayes
