// mlm-bayes nb fit --explain and nb predict --explain: a naive Bayes model in
// words and numbers (priors, then each class's parameters per feature), and a
// prediction term by term (log prior, each feature's log likelihood, their
// sum, the log-sum-exp normalization, the posterior).
#pragma once

#include "bayes/naive_bayes.hpp"
#include "io/output.hpp"

#include <string>

namespace mlm::bayes_tool {

// The model `m` of the statistics `s`; `saved` is the --save-model file, or empty.
void explain_fit(const bayes::NbModel& m, const bayes::NbStats& s, const std::string& saved, io::Output& out);

// The first rows of the input, one line per row in `x`; `more` says whether
// other rows follow them.
void explain_prediction(const bayes::NbModel& m, const bayes::NbRows& x, bool more, io::Output& out);

}  // namespace mlm::bayes_tool
