// The compiled form of an expression: a tape, the nodes of its graph in
// topological order (every operand before the node that uses it), so one pass
// forward gives f and one pass backward gives the whole gradient.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::calc {

enum class Op : std::uint8_t {
    constant, variable,
    add, sub, mul, div, pow, min, max,  // binary
    neg, exp, log, log2, log10, sqrt, abs, sin, cos, tan, tanh, sigmoid, relu, softplus,  // unary
};

// The name used in the expression language and in the chain-rule trace.
std::string_view op_name(Op op);
bool is_binary(Op op);

struct Node {
    Op op = Op::constant;
    std::uint32_t a = 0;      // first operand (node index), or variable index
    std::uint32_t b = 0;      // second operand (node index) of a binary op
    double constant = 0;      // value of a constant node
    std::uint32_t begin = 0;  // the node's text in the source, for explanations
    std::uint32_t end = 0;
};

struct Tape {
    std::string source;
    std::vector<Node> nodes;               // the output is the last node
    std::vector<std::string> variables;    // in order of first appearance
    std::vector<std::uint32_t> variable_node;  // variable index -> its node

    std::size_t output() const { return nodes.size() - 1; }
    std::string_view text(std::size_t node) const {
        return std::string_view(source).substr(nodes[node].begin, nodes[node].end - nodes[node].begin);
    }
};

}  // namespace mlm::calc
