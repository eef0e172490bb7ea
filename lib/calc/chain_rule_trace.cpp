#include "calc/chain_rule_trace.hpp"

#include "calc/reverse_mode.hpp"

namespace mlm::calc {

ChainRuleTrace chain_rule_trace(const Tape& tape, const Eigen::VectorXd& x) {
    check_point_size(tape, x.size());
    const auto v = forward_pass(tape, std::vector<double>(x.begin(), x.end()));
    ChainRuleTrace trace;
    std::vector<bool> active(tape.nodes.size(), false);
    for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
        const Node& n = tape.nodes[i];
        if (n.op == Op::constant) continue;
        ForwardStep step{i, n.op, {}, v[i]};
        if (n.op != Op::variable) {
            step.operands.push_back(n.a);
            if (is_binary(n.op)) step.operands.push_back(n.b);
        }
        active[i] = n.op == Op::variable || active[n.a] || (is_binary(n.op) && active[n.b]);
        trace.forward.push_back(std::move(step));
    }
    // The same backward pass as backward_pass(), recording each edge.
    std::vector<double> adj(tape.nodes.size(), 0.0);
    adj.back() = 1;
    for (std::size_t i = tape.nodes.size(); i-- > 0;) {
        const Node& n = tape.nodes[i];
        if (!active[i] || n.op == Op::variable) continue;
        const bool binary = is_binary(n.op);
        const auto [da, db] = local_derivatives(n.op, v[n.a], binary ? v[n.b] : 0.0, v[i]);
        auto edge = [&](std::size_t operand, double local) {
            if (!active[operand]) return;
            const double product = adj[i] * local;
            trace.backward.push_back({i, operand, local, adj[i], product});
            adj[operand] += product;
        };
        edge(n.a, da);
        if (binary) edge(n.b, db);
    }
    trace.value = v.back();
    trace.gradient.resize(x.size());
    for (std::size_t j = 0; j < tape.variables.size(); ++j) trace.gradient[static_cast<Eigen::Index>(j)] = adj[tape.variable_node[j]];
    return trace;
}

}  // namespace mlm::calc
