// Reads tests/reference/kl_scipy.json, the expected values scipy and numpy
// computed for the info module (infinities are stored as the string "inf").
#pragma once

#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace mlm::test {

inline const nlohmann::json& kl_reference() {
    static const nlohmann::json data = [] {
        std::ifstream in(MLM_REFERENCE_DIR "/kl_scipy.json");
        if (!in) throw std::runtime_error("cannot read " MLM_REFERENCE_DIR "/kl_scipy.json");
        return nlohmann::json::parse(in);
    }();
    return data;
}

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
