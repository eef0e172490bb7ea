// Backpropagation written out for a person: every node's forward value, then
// every edge of the backward pass with its local derivative ∂v_i/∂v_a, the
// upstream gradient ∂f/∂v_i and their product, the chain rule's contribution to ∂f/∂v_a.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "calc/tape.hpp"

namespace mlm::calc {

struct ForwardStep {
    std::size_t node = 0;
    Op op = Op::constant;
    std::vector<std::size_t> operands;
    double value = 0;
};

struct BackwardStep {
    std::size_t node = 0;     // v_i
    std::size_t operand = 0;  // v_a, one of its operands
    double local = 0;         // ∂v_i/∂v_a
    double upstream = 0;      // ∂f/∂v_i, complete when this edge runs
    double product = 0;       // upstream · local, added to ∂f/∂v_a
};

struct ChainRuleTrace {
    std::vector<ForwardStep> forward;    // constants left out
    std::vector<BackwardStep> backward;  // edges into constants left out
    double value = 0;
    Eigen::VectorXd gradient;
};

ChainRuleTrace chain_rule_trace(const Tape& tape, const Eigen::VectorXd& x);

}  // namespace mlm::calc
