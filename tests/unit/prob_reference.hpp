// Compares with the expected values scipy computed for the prob module (read
// by info_reference.hpp's reference_json and number) with a relative
// tolerance that treats equal infinities and nan as equal.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "info_reference.hpp"

namespace mlm::test {

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
