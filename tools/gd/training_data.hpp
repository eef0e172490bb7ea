// The rows a fit learns from: the features as numbers, the target as numbers
// (linear) or as class labels (logistic, softmax), held in memory once.
#pragma once

#include <string>
#include <vector>

#include "cli/context.hpp"
#include "gd/gd_tool.hpp"
#include "models/objective.hpp"

namespace mlm::gd_tool {

struct TrainingData {
    models::RowMatrix x;
    Eigen::VectorXd y;                  // linear: values; logistic: 0/1; softmax: class index
    std::vector<std::string> features;
    std::string target;
    std::vector<std::string> classes;   // sorted: numerically when every label is a number
    std::string file;
};

// Reads the table of the FILE arguments: --target and the features (-c, or
// every other column). UsageError for a missing or doubly chosen column;
// InputError for no rows, one class, or (logistic) more than two.
TrainingData read_training_data(const Options& o, cli::Context& ctx, models::Kind kind);

// The spec the options describe: kind, loss, l1, l2, intercept, classes.
models::Spec model_spec(const Options& o, models::Kind kind, Eigen::Index classes);

// InputError when, without a penalty, the rows are fewer than the weights to determine.
void check_unpenalized(const TrainingData& t, const models::Spec& spec);

}  // namespace mlm::gd_tool
