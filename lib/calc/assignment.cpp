#include "calc/assignment.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <fast_float/fast_float.h>

#include "error.hpp"

namespace mlm::calc {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

double number(std::string_view text, std::string_view item) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto r = fast_float::from_chars(text.data(), end, v);
    // fast_float reads 1e400 as inf without complaint; only a spelled-out inf is one.
    const bool spelled_inf = !text.empty() && (text.back() == 'f' || text.back() == 'F' || text.back() == 'y');
    if (text.empty() || r.ec != std::errc() || r.ptr != end || (std::isinf(v) && !spelled_inf))
        throw UsageError("'" + std::string(text) + "' is not a number in '" + std::string(item) + "'");
    return v;
}

}  // namespace

std::string variable_list(const Tape& tape) {
    std::string out;
    for (const auto& v : tape.variables) out += (out.empty() ? "" : ", ") + v;
    return out.empty() ? "none" : out;
}

Eigen::VectorXd parse_assignment(std::string_view text, const Tape& tape) {
    const auto values = parse_partial_assignment(text, tape);
    Eigen::VectorXd x(static_cast<Eigen::Index>(values.size()));
    for (std::size_t j = 0; j < values.size(); ++j) {
        if (!values[j]) throw UsageError("no value for '" + tape.variables[j] + "'");
        x[static_cast<Eigen::Index>(j)] = *values[j];
    }
    return x;
}

Tape bind_variables(const Tape& tape, const std::vector<std::optional<double>>& values) {
    Tape out = tape;
    out.variables.clear();
    out.variable_node.clear();
    for (std::size_t j = 0; j < tape.variables.size(); ++j) {
        Node& n = out.nodes[tape.variable_node[j]];
        if (values[j]) {
            n.op = Op::constant;
            n.constant = *values[j];
            n.a = 0;
        } else {
            n.a = static_cast<std::uint32_t>(out.variables.size());
            out.variables.push_back(tape.variables[j]);
            out.variable_node.push_back(tape.variable_node[j]);
        }
    }
    return out;
}

std::vector<std::optional<double>> parse_partial_assignment(std::string_view text, const Tape& tape) {
    const auto n = tape.variables.size();
    std::vector<std::optional<double>> x(n);
    std::vector<bool> given(n, false);
    std::size_t start = 0;
    while (start <= text.size() && !trim(text).empty()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = trim(text.substr(start, comma - start));
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            throw UsageError("expected NAME=VALUE, got '" + std::string(item) + "'");
        const std::string_view name = trim(item.substr(0, eq));
        const auto it = std::find(tape.variables.begin(), tape.variables.end(), name);
        if (it == tape.variables.end() && (name == "pi" || name == "e"))
            throw UsageError("'" + std::string(name) + "' is a constant of the expression language, not a variable");
        if (it == tape.variables.end())
            throw UsageError("'" + std::string(name) + "' is not a variable of the expression (variables: " +
                             variable_list(tape) + ")");
        const auto j = static_cast<std::size_t>(it - tape.variables.begin());
        if (given[j]) throw UsageError("'" + std::string(name) + "' is given twice");
        given[j] = true;
        x[j] = number(trim(item.substr(eq + 1)), item);
        start = comma + 1;
        if (comma == text.size()) break;
    }
    return x;
}

}  // namespace mlm::calc
