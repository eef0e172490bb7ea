// The two passes of backpropagation (reverse-mode automatic differentiation)
// over a tape, for any scalar type T (double for gradients, Dual for Hessians):
// forward v_i = op_i(v_a, v_b); backward  adj_a += adj_i · ∂v_i/∂v_a, from adj_out = 1.
#pragma once

#include <cmath>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "calc/dual.hpp"
#include "calc/tape.hpp"
#include "error.hpp"

namespace mlm::calc {

inline double min(double a, double b) { return minimum(a, b); }
inline double max(double a, double b) { return maximum(a, b); }

template <class T>
T forward_value(Op op, const T& a, const T& b) {
    using std::abs, std::cos, std::exp, std::log, std::log2, std::log10, std::sin, std::sqrt, std::tan, std::tanh;
    switch (op) {
        case Op::add: return a + b;
        case Op::sub: return a - b;
        case Op::mul: return a * b;
        case Op::div: return a / b;
        case Op::pow: return power(a, b);
        case Op::min: return min(a, b);
        case Op::max: return max(a, b);
        case Op::neg: return -a;
        case Op::exp: return exp(a);
        case Op::log: return log(a);
        case Op::log2: return log2(a);
        case Op::log10: return log10(a);
        case Op::sqrt: return sqrt(a);
        case Op::abs: return abs(a);
        case Op::sin: return sin(a);
        case Op::cos: return cos(a);
        case Op::tan: return tan(a);
        case Op::tanh: return tanh(a);
        case Op::sigmoid: return sigmoid(a);
        case Op::relu: return relu(a);
        case Op::softplus: return softplus(a);
        case Op::constant: case Op::variable: break;
    }
    return T(0);
}

// ∂v/∂a and ∂v/∂b of one node whose value is v.
template <class T>
std::pair<T, T> local_derivatives(Op op, const T& a, const T& b, const T& v) {
    using std::cos, std::log, std::sin;
    switch (op) {
        case Op::add: return {T(1), T(1)};
        case Op::sub: return {T(1), T(-1)};
        case Op::mul: return {b, a};
        case Op::div: return {T(1) / b, -(v / b)};
        case Op::pow:
            return {b * power(a, b - T(1)), real(v) == 0 ? T(0) : v * log(a)};
        case Op::min: {
            const double w = first_wins_min(real(a), real(b));
            return {T(w), T(1 - w)};
        }
        case Op::max: {
            const double w = first_wins_max(real(a), real(b));
            return {T(w), T(1 - w)};
        }
        case Op::neg: return {T(-1), T(0)};
        case Op::exp: return {v, T(0)};
        case Op::log: return {T(1) / a, T(0)};
        case Op::log2: return {T(1) / (a * T(ln2)), T(0)};
        case Op::log10: return {T(1) / (a * T(ln10)), T(0)};
        case Op::sqrt: return {T(0.5) / v, T(0)};
        case Op::abs: return {T(sign(real(a))), T(0)};
        case Op::sin: return {cos(a), T(0)};
        case Op::cos: return {-sin(a), T(0)};
        case Op::tan: return {T(1) + v * v, T(0)};
        case Op::tanh: return {tanh_derivative(a), T(0)};
        case Op::sigmoid: return {sigmoid_derivative(a), T(0)};
        case Op::relu: return {T(step(real(a))), T(0)};
        case Op::softplus: return {sigmoid(a), T(0)};
        case Op::constant: case Op::variable: break;
    }
    return {T(0), T(0)};
}

inline void check_point_size(const Tape& tape, Eigen::Index size) {
    if (static_cast<std::size_t>(size) != tape.variables.size())
        throw UsageError("expected " + std::to_string(tape.variables.size()) + " variable values, got " +
                         std::to_string(size));
}

// Values of every node; `x` holds one value per variable, in tape order.
template <class T>
std::vector<T> forward_pass(const Tape& tape, const std::vector<T>& x) {
    std::vector<T> v(tape.nodes.size());
    for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
        const Node& n = tape.nodes[i];
        if (n.op == Op::constant) v[i] = T(n.constant);
        else if (n.op == Op::variable) v[i] = x[n.a];
        else v[i] = forward_value(n.op, v[n.a], is_binary(n.op) ? v[n.b] : T(0));
    }
    return v;
}

// Adjoints ∂f/∂v_i of every node, given the forward values.
template <class T>
std::vector<T> backward_pass(const Tape& tape, const std::vector<T>& v) {
    std::vector<T> adj(tape.nodes.size(), T(0));
    adj.back() = T(1);
    for (std::size_t i = tape.nodes.size(); i-- > 0;) {
        const Node& n = tape.nodes[i];
        if (n.op == Op::constant || n.op == Op::variable) continue;
        const bool binary = is_binary(n.op);
        const auto [da, db] = local_derivatives(n.op, v[n.a], binary ? v[n.b] : T(0), v[i]);
        adj[n.a] += adj[i] * da;
        if (binary) adj[n.b] += adj[i] * db;
    }
    return adj;
}

}  // namespace mlm::calc
