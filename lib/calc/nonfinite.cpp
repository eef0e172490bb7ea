#include "calc/nonfinite.hpp"

#include <cmath>
#include <vector>

#include "calc/reverse_mode.hpp"
#include "shortest.hpp"

namespace mlm::calc {
namespace {

// The variables node `root` depends on, in tape order; a loop, not recursion,
// since a tape may be 100,000 nodes deep.
std::vector<std::size_t> variables_below(const Tape& tape, std::size_t root) {
    std::vector<bool> seen(tape.nodes.size(), false), used(tape.variables.size(), false);
    std::vector<std::size_t> stack{root};
    seen[root] = true;
    while (!stack.empty()) {
        const Node& n = tape.nodes[stack.back()];
        stack.pop_back();
        if (n.op == Op::variable) {
            used[n.a] = true;
            continue;
        }
        if (n.op == Op::constant) continue;
        const std::size_t operands[] = {n.a, n.b};
        for (std::size_t k = 0; k < (is_binary(n.op) ? 2u : 1u); ++k) {
            const std::size_t operand = operands[k];
            if (!seen[operand]) {
                seen[operand] = true;
                stack.push_back(operand);
            }
        }
    }
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < used.size(); ++j)
        if (used[j]) out.push_back(j);
    return out;
}

}  // namespace

std::optional<NonFiniteOrigin> nonfinite_origin(const Tape& tape, const Eigen::VectorXd& x) {
    check_point_size(tape, x.size());
    const auto v = forward_pass(tape, std::vector<double>(x.begin(), x.end()));
    auto finite_operands = [&](const Node& n) {
        return std::isfinite(v[n.a]) && (!is_binary(n.op) || std::isfinite(v[n.b]));
    };
    for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
        const Node& n = tape.nodes[i];
        if (n.op == Op::constant || std::isfinite(v[i])) continue;
        if (n.op == Op::variable || finite_operands(n)) return NonFiniteOrigin{i, false, v[i]};
    }
    for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
        const Node& n = tape.nodes[i];
        if (n.op == Op::constant || n.op == Op::variable) continue;
        const bool binary = is_binary(n.op);
        const auto [da, db] = local_derivatives(n.op, v[n.a], binary ? v[n.b] : 0.0, v[i]);
        if (!std::isfinite(da)) return NonFiniteOrigin{i, true, da};
        if (binary && !std::isfinite(db)) return NonFiniteOrigin{i, true, db};
    }
    return std::nullopt;
}

std::string describe(const Tape& tape, const Eigen::VectorXd& x, const NonFiniteOrigin& origin) {
    const Node& n = tape.nodes[origin.node];
    if (n.op == Op::variable) return "the point has " + tape.variables[n.a] + " = " + shortest(x[n.a]);
    std::string at;
    for (std::size_t j : variables_below(tape, origin.node))
        at += (at.empty() ? " at " : ", ") + tape.variables[j] + " = " + shortest(x[static_cast<Eigen::Index>(j)]);
    std::string text(tape.text(origin.node));
    // A long subexpression is shortened to its ends, to keep the message one line.
    if (text.size() > 60) {
        std::string head = text.substr(0, 28), tail = text.substr(text.size() - 28);
        head.erase(head.find_last_not_of(' ') + 1);
        tail.erase(0, tail.find_first_not_of(' '));
        text = head + " ... " + tail;
    }
    return (origin.derivative ? "the derivative of " : "") + text + " is " + shortest(origin.value) + at;
}

}  // namespace mlm::calc
