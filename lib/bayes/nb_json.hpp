// Naive Bayes fits as JSON documents: the sufficient statistics with the
// settings (what --partial prints, merge reads and predict refits from), and
// the model's parameters beside them in a saved model, for people and peers
// (theta, var, feature_log_prob named as in scikit-learn).
#pragma once

#include "bayes/naive_bayes.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace mlm::bayes {

struct NbFit {
    NbStats stats;
    NbSettings settings;
};

// {"kind", "features", "classes", "class_count", "sum" or "mean", "m2", "alpha", "var_smoothing"}
nlohmann::json stats_json(const NbStats& stats, const NbSettings& settings);
// The statistics and the model's parameters in one document.
nlohmann::json model_json(const NbStats& stats, const NbModel& model);
// Reads what stats_json wrote (a saved model too); InputError naming `source`
// for anything missing, malformed or inconsistent.
NbFit fit_from_json(const nlohmann::json& doc, const std::string& source);

}  // namespace mlm::bayes
