#include "bayes/theorem.hpp"

#include "compensated_sum.hpp"
#include "error.hpp"
#include "info/entropy.hpp"
#include "shortest.hpp"

#include <cmath>

namespace mlm::bayes {

Posterior posterior(const BinaryTest& t, bool negative) {
    Posterior p;
    const double l = negative ? 1 - t.likelihood : t.likelihood;
    const double f = negative ? 1 - t.false_positive : t.false_positive;
    p.joint_h = t.prior * l;
    p.joint_not_h = (1 - t.prior) * f;
    p.evidence = p.joint_h + p.joint_not_h;
    if (!(p.evidence > 0))
        throw InputError(std::string("a ") + (negative ? "negative" : "positive") +
                         " result has probability 0 under these numbers, so P(H|E) is undefined");
    p.posterior = p.joint_h / p.evidence;
    return p;
}

void check_hypothesis(const Hypothesis& h, bool normalize) {
    if (normalize && (!(h.prior >= 0) || std::isinf(h.prior)))
        throw InputError("a prior weight must be finite and >= 0, got " + shortest(h.prior));
    if (!normalize && !(h.prior >= 0 && h.prior <= 1))
        throw InputError("a prior must be a probability in [0, 1], got " + shortest(h.prior));
    if (!(h.likelihood >= 0 && h.likelihood <= 1))
        throw InputError("a likelihood must be a probability in [0, 1], got " + shortest(h.likelihood));
}

Posteriors posteriors(const std::vector<Hypothesis>& h, bool normalize) {
    if (h.empty()) throw InputError("no hypotheses");
    CompensatedSum prior_sum;
    for (std::size_t i = 0; i < h.size(); ++i) {
        try {
            check_hypothesis(h[i], normalize);
        } catch (const InputError& e) {
            throw InputError(e.message() + " in row " + std::to_string(i + 1));
        }
        prior_sum.add(h[i].prior);
    }
    Posteriors out;
    out.prior_sum = prior_sum.value();
    if (!normalize) info::check_probability_sum(out.prior_sum);
    if (!(out.prior_sum > 0)) throw InputError("the priors are all 0");
    CompensatedSum evidence;
    for (const auto& x : h) {
        out.joint.push_back(x.prior / out.prior_sum * x.likelihood);
        evidence.add(out.joint.back());
    }
    out.evidence = evidence.value();
    if (!(out.evidence > 0))
        throw InputError("the evidence has probability 0 under every hypothesis, so no posterior is defined");
    for (double j : out.joint) out.posterior.push_back(j / out.evidence);
    return out;
}

}  // namespace mlm::bayes
