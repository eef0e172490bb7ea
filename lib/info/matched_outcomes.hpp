// Two distributions over named outcomes put on one shared list of outcomes, so
// that KL(P||Q) = Σ_x P(x) log(P(x)/Q(x)) pairs the right x: an outcome named on
// one side only has weight 0 on the other.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace mlm::info {

struct MatchedOutcomes {
    std::vector<std::string> names;  // P's outcomes in order, then those only in Q
    std::vector<double> p;
    std::vector<double> q;
};

// A name given twice on one side, or names and weights of different lengths,
// is an InputError (the position is 1-based).
MatchedOutcomes match_outcomes(std::span<const std::string> p_names, std::span<const double> p,
                               std::span<const std::string> q_names, std::span<const double> q);

}  // namespace mlm::info
