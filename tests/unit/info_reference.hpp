// Reads the expected values scipy and numpy computed for the info module
// (tests/reference/*.json; infinities are stored as the string "inf").
#pragma once

#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

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

}  // namespace mlm::test
