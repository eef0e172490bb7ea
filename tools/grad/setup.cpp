#include <algorithm>
#include <cmath>

#include "calc/assignment.hpp"
#include "calc/backprop.hpp"
#include "calc/expression.hpp"
#include "calc/nonfinite.hpp"
#include "shortest.hpp"
#include "error.hpp"
#include "grad/grad_tool.hpp"

namespace mlm::grad_tool {

Setup make_setup(const Options& o) {
    Setup s{calc::parse_expression(o.expression), {},
            o.scheme == "forward" ? calc::Scheme::forward : calc::Scheme::central, {}};
    if (o.h && !(*o.h > 0 && std::isfinite(*o.h))) throw UsageError("--h must be a positive number");
    try {
        s.at = calc::parse_partial_assignment(o.at, s.tape);
    } catch (const UsageError& e) {
        throw UsageError(std::string("--at: ") + e.what());
    }
    const auto& vars = s.tape.variables;
    if (o.wrt.empty()) {
        for (std::size_t j = 0; j < vars.size(); ++j) s.wrt.push_back(j);
        return s;
    }
    std::size_t start = 0;
    while (start <= o.wrt.size()) {
        const std::size_t comma = std::min(o.wrt.find(',', start), o.wrt.size());
        const std::string name = o.wrt.substr(start, comma - start);
        const auto it = std::find(vars.begin(), vars.end(), name);
        if (it == vars.end())
            throw UsageError("--wrt: '" + name + "' is not a variable of the expression (variables: " +
                             calc::variable_list(s.tape) + ")");
        s.wrt.push_back(static_cast<std::size_t>(it - vars.begin()));
        start = comma + 1;
    }
    return s;
}

bool Setup::one_point() const {
    return std::all_of(at.begin(), at.end(), [](const auto& v) { return v.has_value(); });
}

Eigen::VectorXd point_at(const Options&, const Setup& s) {
    Eigen::VectorXd x(static_cast<Eigen::Index>(s.at.size()));
    for (std::size_t j = 0; j < s.at.size(); ++j) {
        if (!s.at[j]) throw UsageError("--at: no value for '" + s.tape.variables[j] + "'");
        x[static_cast<Eigen::Index>(j)] = *s.at[j];
    }
    return x;
}

std::string nonfinite_note(const Setup& s, const Eigen::VectorXd& x,
                           const std::vector<std::pair<std::string, double>>& results) {
    std::vector<std::string> bad;
    for (const auto& [name, v] : results)
        if (!std::isfinite(v)) bad.push_back(name + " = " + shortest(v));
    if (bad.empty()) return "";
    std::string note;
    const std::size_t shown = std::min<std::size_t>(bad.size(), 3);
    for (std::size_t k = 0; k < shown; ++k)
        note += (k == 0 ? "" : (k + 1 == shown && bad.size() <= 3 ? " and " : ", ")) + bad[k];
    if (bad.size() > 3) note += " and " + std::to_string(bad.size() - 3) + " more";
    note += bad.size() == 1 ? " is not finite" : " are not finite";
    if (const auto origin = calc::nonfinite_origin(s.tape, x)) return note + ": " + calc::describe(s.tape, x, *origin);
    return note;
}

double relative_difference(double a, double b) {
    const double scale = std::max(std::fabs(a), std::fabs(b));
    if (scale == 0) return 0;
    return std::fabs(a - b) / scale;
}

Eigen::VectorXd numeric_gradient(const Options& o, const Setup& s, const Eigen::VectorXd& x) {
    return calc::numeric_gradient([&](const Eigen::VectorXd& p) { return calc::value(s.tape, p); }, x, s.scheme,
                                  o.h);
}

Eigen::MatrixXd numeric_hessian(const Options& o, const Setup& s, const Eigen::VectorXd& x) {
    return calc::numeric_hessian([&](const Eigen::VectorXd& p) { return calc::value(s.tape, p); }, x, s.scheme,
                                 o.h);
}

}  // namespace mlm::grad_tool
