// Reads the expected values scipy computed for the prob module
// (tests/reference/*.json; infinities are the strings "inf" and "-inf") and
// compares with a relative tolerance that treats equal infinities and nan as equal.
#pragma once

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace mlm::test {

inline const nlohmann::json& prob_reference(const std::string& file) {
    static std::map<std::string, nlohmann::json> loaded;
    auto it = loaded.find(file);
    if (it != loaded.end()) return it->second;
    std::string path = std::string(MLM_REFERENCE_DIR "/") + file;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return loaded.emplace(file, nlohmann::json::parse(in)).first->second;
}

inline double ref_number(const nlohmann::json& j) {
    if (j.is_string()) {
        auto s = j.get<std::string>();
        if (s == "inf") return std::numeric_limits<double>::infinity();
        if (s == "-inf") return -std::numeric_limits<double>::infinity();
        return std::numeric_limits<double>::quiet_NaN();
    }
    return j.get<double>();
}

// |actual - expected| <= rel |expected| + abs; infinities and nan must match exactly.
inline bool close(double actual, double expected, double rel, double abs = 0) {
    if (std::isnan(expected)) return std::isnan(actual);
    if (std::isinf(expected)) return actual == expected;
    return std::abs(actual - expected) <= rel * std::abs(expected) + abs;
}

// A Catch2 matcher for `close`, so that a failure prints both numbers in full.
class CloseTo : public Catch::MatcherBase<double> {
public:
    CloseTo(double expected, double rel, double abs = 0)
        : expected_(expected), rel_(rel), abs_(abs) {}
    bool match(const double& actual) const override {
        return close(actual, expected_, rel_, abs_);
    }
    std::string describe() const override {
        char buf[96];
        std::snprintf(buf, sizeof buf, "is within %g relative of %.17g", rel_, expected_);
        return buf;
    }

private:
    double expected_, rel_, abs_;
};

}  // namespace mlm::test
