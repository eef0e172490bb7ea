// A fitted PCA as a JSON document, so a model fitted on one file projects
// another (`mlm-pca apply`): feature names, mean, scale, components (one row
// each), eigenvalues, total variance, n and the route that fitted it.
#pragma once

#include "linalg/pca.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace mlm::linalg {

nlohmann::json model_json(const PcaModel& model);

// Reads a model back, checking that every part is present, finite and of
// consistent size; InputError naming `source` otherwise.
PcaModel model_from_json(const nlohmann::json& document, const std::string& source);

}  // namespace mlm::linalg
