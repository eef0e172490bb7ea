// One fully connected neural-network layer, as PyTorch's nn.Linear followed by
// an activation: y = f(W x + b) for each input row x, computed a block of rows
// at a time as Y = f(X W^T + 1 b^T). W is out x in (PyTorch's weight layout:
// one row per output). Activations: identity, relu max(0, z), tanh,
// sigmoid 1 / (1 + e^-z), and softmax e^{z_i - m} / sum_j e^{z_j - m} with m =
// max_j z_j, so large z never overflow (the log-sum-exp shift).
#pragma once

#include <Eigen/Dense>

#include <string_view>

namespace mlm::linalg {

enum class Activation { identity, relu, tanh, sigmoid, softmax };

Activation activation_from_name(std::string_view name);  // UsageError when unknown
std::string_view activation_name(Activation a);

struct DenseLayer {
    Eigen::MatrixXd weights;  // out x in
    Eigen::VectorXd bias;     // out
    Activation activation = Activation::identity;
};

// InputError naming the shapes unless the bias has one entry per row of W;
// NumericError for a non-finite weight or bias.
void check_layer(const DenseLayer& layer);

// Rows of inputs (n x in) to rows of outputs (n x out). The caller checks
// that x has layer.weights.cols() columns.
Eigen::MatrixXd apply_layer(const DenseLayer& layer, const Eigen::Ref<const Eigen::MatrixXd>& x);

// Softmax of each row, in place, with the max subtracted first.
void softmax_rows(Eigen::Ref<Eigen::MatrixXd> z);

}  // namespace mlm::linalg
