// Backpropagation over many points at once: each node of the tape holds a block
// of values, and every pass is one tight loop per node over the block, so the
// interpretive overhead is paid once per block and the loops vectorize.
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "calc/tape.hpp"

namespace mlm::calc {

class BlockEvaluator {
public:
    // Points per inner pass: the values and adjoints of a few dozen nodes stay in L2.
    static constexpr std::size_t max_block_size = 256;
    // Values and adjoints take 16 bytes per node and point; a long expression
    // (x+x+...+x, 60,000 terms) gets smaller blocks so that they stay within
    // this many bytes instead of 250 MB. The numbers do not depend on it.
    static constexpr std::size_t memory_budget = std::size_t{16} << 20;

    explicit BlockEvaluator(Tape tape);
    const Tape& tape() const { return tape_; }

    // points: one row per point, column j the value of tape().variables[j].
    // out (same rows, one more column): f, then ∂f/∂x_j, the same numbers
    // value_and_gradient() gives point by point.
    void value_and_gradient(const Eigen::Ref<const Eigen::MatrixXd>& points, Eigen::Ref<Eigen::MatrixXd> out);
    void value(const Eigen::Ref<const Eigen::MatrixXd>& points, Eigen::Ref<Eigen::VectorXd> out);
    std::size_t block_size() const { return block_size_; }

private:
    double* values(std::size_t node) { return values_.data() + node * block_size_; }
    double* adjoints(std::size_t node) { return adjoints_.data() + node * block_size_; }
    void load(const Eigen::Ref<const Eigen::MatrixXd>& points, Eigen::Index first, std::size_t n);
    void forward(std::size_t n);
    void backward(std::size_t n);
    void backward_node(std::size_t i, std::size_t n);

    Tape tape_;
    std::size_t block_size_;
    std::vector<bool> active_;  // depends on a variable, so it needs an adjoint
    std::vector<double> values_;
    std::vector<double> adjoints_;
};

}  // namespace mlm::calc
