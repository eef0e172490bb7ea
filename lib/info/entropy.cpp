#include "info/entropy.hpp"

#include "error.hpp"
#include "shortest.hpp"

#include <cmath>
#include <cstdio>

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

namespace {
// The sum with 7 significant digits: enough to show a miss of 1e-6, short
// enough to read (0.9999 rather than 0.99990000000000001).
std::string sum_text(double sum) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7g", sum);
    return buf;
}
}  // namespace

NotProbabilities::NotProbabilities(double sum)
    : InputError("weights sum to " + sum_text(sum) + ", not 1"), sum_(sum) {}

void check_probability_sum(double sum) {
    if (!(std::fabs(sum - 1) <= probability_sum_tolerance)) throw NotProbabilities(sum);
}

double checked_weight_sum(std::span<const double> weights, WeightReading reading, const std::string& what) {
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
    if (reading == WeightReading::probabilities) check_probability_sum(s);
    return s;
}

double surprisal_term(double p, double base) { return p > 0 ? -p * log_in_base(p, base) : 0.0; }

double entropy(std::span<const double> weights, double base, WeightReading reading) {
    double s = checked_weight_sum(weights, reading);
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
