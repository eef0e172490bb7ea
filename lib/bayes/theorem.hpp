// Bayes' theorem. For one hypothesis H and a binary piece of evidence E
// (the disease test: H ill, E a positive test):
//   P(H|E)     = P(H) P(E|H) / P(E),  P(E) = P(H) P(E|H) + P(~H) P(E|~H)
//   P(H|not E) = P(H) (1-P(E|H)) / P(not E)
// where P(E|H) is the test's sensitivity and P(E|~H) its false-positive rate
// (1 - specificity). For hypotheses H_1..H_k that exclude each other and
// cover every case, P(H_i|E) = P(H_i) P(E|H_i) / sum_j P(H_j) P(E|H_j): the
// denominator is the law of total probability.
#pragma once

#include <string>
#include <vector>

namespace mlm::bayes {

struct BinaryTest {
    double prior = 0;           // P(H)
    double likelihood = 0;      // P(E|H), sensitivity
    double false_positive = 0;  // P(E|~H), 1 - specificity
};

struct Posterior {
    double evidence = 0;   // P(E), or P(not E) for a negative result
    double posterior = 0;  // P(H|E), or P(H|not E)
    // The two parts of the evidence: P(H) P(E|H) and P(~H) P(E|~H).
    double joint_h = 0, joint_not_h = 0;
};

// P(H|E) for a positive result, P(H|not E) for a negative one. InputError when
// the observed result has probability 0 (the posterior is then undefined).
Posterior posterior(const BinaryTest& t, bool negative = false);

struct Hypothesis {
    std::string name;
    double prior = 0;
    double likelihood = 0;  // P(E|H)
};

struct Posteriors {
    double prior_sum = 0;          // the priors' sum as given
    double evidence = 0;           // P(E) = sum_j P(H_j) P(E|H_j), with normalized priors
    std::vector<double> joint;     // P(H_i) P(E|H_i), with normalized priors
    std::vector<double> posterior; // P(H_i|E)
};

// InputError unless the likelihood is in [0, 1] and the prior too (with
// `normalize`, any finite weight >= 0).
void check_hypothesis(const Hypothesis& h, bool normalize);

// The posterior of every hypothesis. Likelihoods must lie in [0, 1]
// (InputError naming the row); priors too, and must sum to 1 within 1e-6
// (info::NotProbabilities), unless `normalize`, which takes any finite
// weights >= 0 and divides them by their sum. InputError when P(E) is 0.
Posteriors posteriors(const std::vector<Hypothesis>& h, bool normalize = false);

}  // namespace mlm::bayes
