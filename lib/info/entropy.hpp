// Shannon entropy of a discrete distribution, H(P) = -sum_i p_i log_b p_i,
// with 0 log 0 = 0, from non-negative weights (probabilities or counts),
// normalized as scipy.stats.entropy does, or checked with `strict`.
#pragma once

#include "compensated_sum.hpp"

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

namespace mlm::info {

// log_b(x) for base b (e for nats, 2 for bits).
inline double log_in_base(double x, double base);

// The sum of the weights after checking them: throws InputError naming the
// 1-based position of the first negative or non-finite weight, when all are
// zero, or (strict) when the sum is not 1 within 1e-9. `what` names one
// weight in messages ("row", "column").
double checked_weight_sum(std::span<const double> weights, bool strict = false,
                          const std::string& what = "row");

// H of the normalized weights, in the given log base.
double entropy(std::span<const double> weights, double base = 2, bool strict = false);

// H of counts already known to be valid (non-negative, finite), in the given base.
double entropy_of_counts(std::span<const double> counts, double base = 2);

// The term -p log_b p of one probability (0 for p = 0).
double surprisal_term(double p, double base);

// Pairwise sum (numpy's: blocks of 128 with 8 accumulators, halves added
// recursively): error O(eps log n), and vectorized, unlike CompensatedSum's
// dependent adds. For blocks of terms whose totals a CompensatedSum then adds.
double pairwise_sum(std::span<const double> x);

// The shared compensated sum (lib/compensated_sum.hpp), by its old name here.
using mlm::CompensatedSum;

}  // namespace mlm::info

#include <cmath>

inline double mlm::info::log_in_base(double x, double base) {
    return base == 2 ? std::log2(x) : std::log(x) / std::log(base);
}
