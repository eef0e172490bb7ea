#include "linalg/dense_layer.hpp"

#include "error.hpp"
#include "linalg/matrix_ops.hpp"

#include <cmath>
#include <string>

namespace mlm::linalg {

Activation activation_from_name(std::string_view name) {
    if (name == "identity" || name == "none") return Activation::identity;
    if (name == "relu") return Activation::relu;
    if (name == "tanh") return Activation::tanh;
    if (name == "sigmoid") return Activation::sigmoid;
    if (name == "softmax") return Activation::softmax;
    throw UsageError("unknown activation \"" + std::string(name) +
                     "\": expected relu, tanh, sigmoid, softmax or identity");
}

std::string_view activation_name(Activation a) {
    switch (a) {
        case Activation::identity: return "identity";
        case Activation::relu: return "relu";
        case Activation::tanh: return "tanh";
        case Activation::sigmoid: return "sigmoid";
        case Activation::softmax: return "softmax";
    }
    return "identity";
}

void check_layer(const DenseLayer& layer) {
    if (layer.bias.size() != layer.weights.rows())
        throw InputError("the weights are " + shape_text(layer.weights.rows(), layer.weights.cols()) +
                         " (out x in) but the bias has " + std::to_string(layer.bias.size()) +
                         " entries: it needs one per output, " + std::to_string(layer.weights.rows()));
    if (!layer.weights.allFinite()) throw NumericError("the weights have non-finite entries (nan or inf)");
    if (!layer.bias.allFinite()) throw NumericError("the bias has non-finite entries (nan or inf)");
}

void softmax_rows(Eigen::Ref<Eigen::MatrixXd> z) {
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
        auto row = z.row(i);
        const double m = row.maxCoeff();
        if (!std::isfinite(m)) {  // nan anywhere, or +inf: no distribution
            row.setConstant(std::nan(""));
            continue;
        }
        row = (row.array() - m).exp();
        row /= row.sum();
    }
}

Eigen::MatrixXd apply_layer(const DenseLayer& layer, const Eigen::Ref<const Eigen::MatrixXd>& x) {
    Eigen::MatrixXd z = x * layer.weights.transpose();
    z.rowwise() += layer.bias.transpose();
    switch (layer.activation) {
        case Activation::identity: break;
        case Activation::relu:  // nan stays nan, as in PyTorch
            z = z.unaryExpr([](double v) { return v > 0 || std::isnan(v) ? v : 0.0; });
            break;
        case Activation::tanh: z = z.array().tanh(); break;
        case Activation::sigmoid: z = (1.0 + (-z.array()).exp()).inverse(); break;
        case Activation::softmax: softmax_rows(z); break;
    }
    return z;
}

}  // namespace mlm::linalg
