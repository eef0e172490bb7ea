// What fit and merge print: the weights table (intercept first), --to json
// with every detail, and --save-model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "gd/gd_tool.hpp"
#include "models/fit.hpp"
#include "models/model.hpp"

namespace mlm::gd_tool {

struct FitReport {
    models::Spec spec;
    std::string target;
    std::vector<std::string> features;
    std::vector<std::string> classes;
    Eigen::Index rows = 0;
    models::FitResult result;
    models::FitSettings settings;
    std::optional<models::Parameters> original;  // with --standardize: the weights on the input's scale
    std::string method;                          // how the optimum was found, in words
};

// The model --save-model writes: on the input's scale.
models::Model saved_model(const FitReport& r);

nlohmann::json fit_json(const Options& o, const FitReport& r);

// feature,weight (softmax: feature,CLASS...) with the intercept first.
void print_weights(cli::Context& ctx, const FitReport& r);

// Writes the model atomically; IoError naming the path on failure.
void save_model(const std::string& path, const models::Model& model);

// Prints the report as asked (table or JSON) and saves the model.
void report_fit(const Options& o, cli::Context& ctx, const FitReport& r);

}  // namespace mlm::gd_tool
