// A/B tests on conversion rates, each arm's rate with a Beta posterior
// (prior Beta(a0, b0), s successes of n: Beta(a0 + s, b0 + n - s)):
//   P(B > A) = integral_0^1 f_B(x) F_A(x) dx, integrated over the narrower
//              posterior (its pdf times the other's cdf or sf) between its
//              1e-20 and 1 - 1e-20 quantiles, so that a million trials,
//              which make f a spike, cost nothing more (adaptive Gauss-Kronrod)
//   expected loss of choosing B: E[max(p_A - p_B, 0)]
//              = E[p_A] P(A+ > B) - E[p_B] P(A > B+), where A+ is
//              Beta(a_A + 1, b_A): E[p 1{p > q}] = E[p] P(p' > q) for Beta
//   lift (p_B - p_A) / p_A: its equal-tailed credible interval, from its CDF
//              P(p_B <= (1 + t) p_A) = integral f_A(x) F_B((1 + t) x) dx,
//              solved for t at (1 -/+ level)/2
//   Thompson sampling's traffic shares: the chance each arm's draw is the
//              largest, estimated from seeded draws (prob::Sampler: our own
//              mapping from std::mt19937_64, arm k seeded with seed + k, so the
//              same seed gives the same shares everywhere).
#pragma once

#include "bayes/conjugate.hpp"
#include "prob/spec.hpp"

#include <cstdint>
#include <vector>

namespace mlm::bayes {

// P(X_B > X_A) for independent Beta variables.
double prob_greater(const prob::Beta& b, const prob::Beta& a);

struct AbResult {
    double prob_b_beats_a = 0;
    double expected_loss_a = 0;  // E[max(p_B - p_A, 0)]: what choosing A costs on average
    double expected_loss_b = 0;  // E[max(p_A - p_B, 0)]
    double lift_mean = 0;        // E[p_B] / E[p_A] - 1, the lift of the posterior means
    Interval lift;               // equal-tailed credible interval of (p_B - p_A) / p_A
    double level = 0.95;
};

AbResult ab_test(const prob::Beta& a, const prob::Beta& b, double level);

// Each arm's share of `draws` Thompson draws (ties go to the first arm).
std::vector<double> thompson_shares(const std::vector<prob::Beta>& arms, std::uint64_t seed, std::size_t draws);

}  // namespace mlm::bayes
