// Shannon entropy of a discrete distribution, H(P) = -sum_i p_i log_b p_i,
// with 0 log 0 = 0, from non-negative weights: probabilities whose sum is
// checked to be 1, or (WeightReading::divide_by_sum) any weights divided by
// their sum, as scipy.stats.entropy does.
#pragma once

#include "compensated_sum.hpp"
#include "error.hpp"

#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

namespace mlm::info {

// log_b(x) for base b (e for nats, 2 for bits).
inline double log_in_base(double x, double base);

// How non-negative weights become a distribution (CONTRACT.md section 3).
// Weights that do not sum to 1 are most often raw observations or counts given
// to a form that expects probabilities (a forgotten subcommand), so dividing
// them by their sum is asked for, never assumed.
enum class WeightReading {
    probabilities,  // must sum to 1 within probability_sum_tolerance, then are
                    // divided by their sum so that they sum to 1 exactly
    divide_by_sum,  // any positive sum is divided out: scipy.stats.entropy's reading
};
inline constexpr double probability_sum_tolerance = 1e-6;

// Weights read as probabilities whose sum is not 1. The message gives the sum;
// tools add where the weights came from and what to do instead.
class NotProbabilities : public InputError {
public:
    explicit NotProbabilities(double sum);
    double sum() const noexcept { return sum_; }
private:
    double sum_;
};

// Throws NotProbabilities when `sum` is not 1 within probability_sum_tolerance.
void check_probability_sum(double sum);

// The sum of the weights after checking them: throws InputError naming the
// 1-based position of the first negative or non-finite weight, when all are
// zero, when the sum overflows, or (probabilities) NotProbabilities when the
// sum is not 1. `what` names one weight in messages ("row", "column").
double checked_weight_sum(std::span<const double> weights,
                          WeightReading reading = WeightReading::probabilities,
                          const std::string& what = "row");

// H of the weights read as `reading` says, in the given log base.
double entropy(std::span<const double> weights, double base = 2,
               WeightReading reading = WeightReading::probabilities);

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
