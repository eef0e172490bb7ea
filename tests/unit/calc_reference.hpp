// Shared by the calc unit tests: the reference cases of
// tests/reference/calc_derivatives.py and the closeness test they are held to.
#pragma once

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

namespace calc_test {

struct Case {
    std::string name;
    std::string expression;
    std::vector<std::string> variables;
    Eigen::VectorXd point;
    double f = 0;
    Eigen::VectorXd gradient;
    Eigen::MatrixXd hessian;
};

inline std::vector<Case> reference_cases() {
    std::ifstream in(MLM_REFERENCE_DIR "/calc_derivatives.json");
    const auto doc = nlohmann::json::parse(in);
    std::vector<Case> out;
    for (const auto& c : doc.at("cases")) {
        Case r;
        r.name = c.at("name");
        r.expression = c.at("expression");
        r.variables = c.at("variables").get<std::vector<std::string>>();
        const auto n = static_cast<Eigen::Index>(r.variables.size());
        r.point.resize(n);
        r.gradient.resize(n);
        r.hessian.resize(n, n);
        for (Eigen::Index j = 0; j < n; ++j) {
            const auto uj = static_cast<std::size_t>(j);
            r.point[j] = c.at("point").at(r.variables[uj]);
            r.gradient[j] = c.at("gradient")[uj];
            for (Eigen::Index k = 0; k < n; ++k) r.hessian(j, k) = c.at("hessian")[uj][static_cast<std::size_t>(k)];
        }
        r.f = c.at("f");
        out.push_back(std::move(r));
    }
    return out;
}

// |a - b| <= rel·|b|, or, for entries that are zero in exact arithmetic and
// come out as rounding noise, <= rel·1e-3·scale where scale is the largest
// entry of the vector or matrix being compared.
inline bool close(double a, double b, double rel, double scale) {
    return std::fabs(a - b) <= rel * std::max(std::fabs(b), 1e-3 * scale);
}

inline double largest(const Eigen::MatrixXd& m) { return m.size() ? m.cwiseAbs().maxCoeff() : 0.0; }

}  // namespace calc_test
