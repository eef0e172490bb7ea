#include "info/entropy.hpp"

#include "error.hpp"
#include "shortest.hpp"

#include <cmath>

namespace mlm::info {

double pairwise_sum(std::span<const double> x) {
    if (x.size() > 128) {
        std::size_t half = x.size() / 2;
        return pairwise_sum(x.first(half)) + pairwise_sum(x.subspan(half));
    }
    double part[8] = {};
    std::size_t i = 0;
    for (; i + 8 <= x.size(); i += 8)
        for (std::size_t k = 0; k < 8; ++k) part[k] += x[i + k];
    double s = ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
    for (; i < x.size(); ++i) s += x[i];
    return s;
}

double checked_weight_sum(std::span<const double> weights, bool strict, const std::string& what) {
    if (weights.empty()) throw InputError("no weights: the distribution is empty");
    CompensatedSum sum;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        double w = weights[i];
        if (!std::isfinite(w) || w < 0)
            throw InputError("weights must be finite and >= 0, got " + shortest(w) + " in " +
                             what + " " + std::to_string(i + 1));
        sum.add(w);
    }
    double s = sum.value();
    if (s == 0) throw InputError("all weights are zero: no distribution");
    if (!std::isfinite(s)) throw InputError("the weights sum to infinity");
    if (strict && std::fabs(s - 1) > 1e-9)
        throw InputError("probabilities sum to " + shortest(s) + ", not 1 (--strict)");
    return s;
}

double surprisal_term(double p, double base) { return p > 0 ? -p * log_in_base(p, base) : 0.0; }

double entropy(std::span<const double> weights, double base, bool strict) {
    double s = checked_weight_sum(weights, strict);
    CompensatedSum h;
    for (double w : weights) h.add(surprisal_term(w / s, base));
    return h.value() == 0 ? 0.0 : h.value();
}

double entropy_of_counts(std::span<const double> counts, double base) {
    CompensatedSum n;
    for (double c : counts) n.add(c);
    double total = n.value();
    if (total <= 0) return 0;
    // Term by term rather than log N - sum(c log c)/N, which cancels when one
    // value dominates and H is tiny.
    CompensatedSum h;
    for (double c : counts) h.add(surprisal_term(c / total, base));
    return h.value() == 0 ? 0.0 : h.value();
}

}  // namespace mlm::info
