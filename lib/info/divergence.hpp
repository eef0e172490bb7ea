// How different two discrete distributions are: KL(P||Q) = Σ p log(p/q), its
// reverse, cross-entropy H(P,Q) = -Σ p log q, Jensen-Shannon divergence
// JS = ½KL(P||M) + ½KL(Q||M) with M = (P+Q)/2, and PSI = Σ (p-q) ln(p/q).
#pragma once

#include "info/entropy.hpp"

#include <cstddef>
#include <numbers>
#include <optional>
#include <span>
#include <vector>

namespace mlm::info {

struct Normalization {
    double smooth = 0;  // added to every weight before dividing by the sum
    // probabilities: the raw weights (before smoothing) must sum to 1 within 1e-6
    WeightReading reading = WeightReading::probabilities;
};

// Weights divided by their sum after the checks of checked_weight_sum
// (info/entropy.hpp): a negative or non-finite weight (named by its 1-based
// position), no weights, all zeros, or, read as probabilities, a sum other
// than 1 (NotProbabilities) is an mlm::InputError. Smoothing adds to every
// weight after that check, then divides by the new sum.
std::vector<double> normalized(std::span<const double> weights, Normalization how = {});

// A divergence that can be infinite says which outcome made it so.
struct Divergence {
    double value = 0;                        // +inf when some term is infinite
    std::optional<std::size_t> infinite_at;  // 0-based index of the first such outcome
};

// ln(base); base e gives 1. A base that is not finite, <= 0 or 1 is a UsageError.
double log_of_base(double base);

// The terms p log(p/q) in nats, as scipy.special.rel_entr: 0 where p = 0,
// +inf where q = 0 < p.
std::vector<double> kl_terms(std::span<const double> p, std::span<const double> q);

// The functions below take probability vectors (see normalized()) of one size;
// a size mismatch is an InputError.
Divergence kl_divergence(std::span<const double> p, std::span<const double> q,
                         double base = std::numbers::e);
Divergence reverse_kl_divergence(std::span<const double> p, std::span<const double> q,
                                 double base = std::numbers::e);
Divergence cross_entropy(std::span<const double> p, std::span<const double> q,
                         double base = std::numbers::e);

// Never negative, never NaN, at most log_base(2); finite whatever the zeros.
double js_divergence(std::span<const double> p, std::span<const double> q,
                     double base = std::numbers::e);
// sqrt(JS): scipy.spatial.distance.jensenshannon.
double js_distance(std::span<const double> p, std::span<const double> q,
                   double base = std::numbers::e);

// Population stability index, always in nats because its thresholds
// (0.1, 0.25) are; infinite where exactly one of p, q is 0.
Divergence population_stability_index(std::span<const double> p, std::span<const double> q);

}  // namespace mlm::info
