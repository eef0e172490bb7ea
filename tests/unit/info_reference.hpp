// Reads the expected values that scipy, numpy and scikit-learn computed
// (tests/reference/*.json; infinities are stored as the string "inf"). First
// written for the info module; every module's tests read their JSON through it.
#pragma once

#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

namespace mlm::test {

// tests/reference/<file>, parsed once per test run.
inline const nlohmann::json& reference_json(const std::string& file) {
    static std::map<std::string, nlohmann::json> loaded;
    auto it = loaded.find(file);
    if (it != loaded.end()) return it->second;
    std::string path = std::string(MLM_REFERENCE_DIR "/") + file;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return loaded.emplace(file, nlohmann::json::parse(in)).first->second;
}

inline const nlohmann::json& kl_reference() { return reference_json("kl_scipy.json"); }

inline double number(const nlohmann::json& j) {
    if (j.is_string()) {
        auto s = j.get<std::string>();
        if (s == "inf") return std::numeric_limits<double>::infinity();
        if (s == "-inf") return -std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    return j.get<double>();
}

inline std::vector<double> numbers(const nlohmann::json& j) {
    std::vector<double> out;
    for (const auto& x : j) out.push_back(number(x));
    return out;
}

// A JSON array of rows as a matrix.
inline Eigen::MatrixXd json_matrix(const nlohmann::json& rows) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows[0].size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = rows[i][j].get<double>();
    return m;
}

}  // namespace mlm::test
