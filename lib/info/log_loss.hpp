// Cross-entropy of predicted probabilities against true classes (log loss):
// loss_i = -log q_i(y_i), probabilities clipped to [eps, 1-eps] and each row
// renormalized after clipping, as scikit-learn's log_loss does.
#pragma once

#include <cstddef>
#include <span>

namespace mlm::info {

// Binary: y in {0, 1}, p the probability of class 1.
double binary_log_loss(double y, double p, double eps, double base);

// Multi-class: one probability per class, `truth` the index of the true class.
double multiclass_log_loss(std::span<const double> probabilities, std::size_t truth, double eps, double base);

}  // namespace mlm::info
