// A fitted linear model as a tool saves and reads it back: kind, loss,
// feature names, class names, weights and intercept on the original scale of
// the features, and its predictions: linear z = xᵀW + b; logistic
// P(class 1) = σ(z); softmax P(c) = e^{z_c} / Σ e^{z_j}.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/objective.hpp"

namespace mlm::models {

struct Model {
    Kind kind = Kind::linear;
    Loss loss = Loss::mse;
    std::vector<std::string> features;
    std::vector<std::string> classes;  // logistic: 2 (the second is y = 1), softmax: k; linear: none
    Parameters parameters;             // on the original scale of the features
};

std::string_view kind_name(Kind k);
std::string_view loss_name(Loss l);
// UsageError naming the choices for an unknown name.
Kind parse_kind(std::string_view name);
Loss parse_loss(std::string_view name);

nlohmann::json model_json(const Model& model);
// InputError naming `source` when a part is missing or inconsistent.
Model model_from_json(const nlohmann::json& document, const std::string& source);

// Class probabilities, one column per class (logistic: P(first), P(second)).
Eigen::MatrixXd probabilities(const Model& model, const Eigen::Ref<const RowMatrix>& x);
// linear: the prediction; classifiers: the index of the most probable class.
Eigen::VectorXd predictions(const Model& model, const Eigen::Ref<const RowMatrix>& x);

// z-scores x ← (x − mean)/sd in place (population sd; a constant column keeps sd 1,
// as scikit-learn's StandardScaler), and the way back for the weights:
// W_orig = W / sd, b_orig = b − meanᵀ·W_orig.
struct Scaling {
    Eigen::VectorXd mean, sd;
};
Scaling standardize(RowMatrix& x);
Parameters original_scale(const Parameters& standardized, const Scaling& s);

}  // namespace mlm::models
