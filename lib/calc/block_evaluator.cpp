#include "calc/block_evaluator.hpp"

#include <algorithm>
#include <cmath>

#include "calc/reverse_mode.hpp"
#include "calc/scalar_functions.hpp"

namespace mlm::calc {
namespace {

// out[k] = f(a[k]) for one node; the switch sits outside the loop.
template <class F>
void map1(double* __restrict out, const double* __restrict a, std::size_t n, F f) {
    for (std::size_t k = 0; k < n; ++k) out[k] = f(a[k]);
}

template <class F>
void map2(double* __restrict out, const double* __restrict a, const double* __restrict b, std::size_t n, F f) {
    for (std::size_t k = 0; k < n; ++k) out[k] = f(a[k], b[k]);
}

// target[k] += g[k] · d(k): one edge of the backward pass. `target` is an
// adjoint array, never one of the value arrays `d` reads.
template <class D>
void accumulate(double* __restrict target, const double* __restrict g, std::size_t n, D d) {
    for (std::size_t k = 0; k < n; ++k) target[k] += g[k] * d(k);
}

}  // namespace

BlockEvaluator::BlockEvaluator(Tape tape)
    : tape_(std::move(tape)),
      block_size_(std::clamp<std::size_t>(memory_budget / (16 * std::max<std::size_t>(tape_.nodes.size(), 1)), 1,
                                          max_block_size)),
      active_(tape_.nodes.size(), false),
      values_(tape_.nodes.size() * block_size_),
      adjoints_(tape_.nodes.size() * block_size_) {
    for (std::size_t i = 0; i < tape_.nodes.size(); ++i) {
        const Node& n = tape_.nodes[i];
        if (n.op == Op::constant) std::fill_n(values(i), block_size_, n.constant);
        active_[i] = n.op == Op::variable ||
                     (n.op != Op::constant && (active_[n.a] || (is_binary(n.op) && active_[n.b])));
    }
}

void BlockEvaluator::load(const Eigen::Ref<const Eigen::MatrixXd>& points, Eigen::Index first, std::size_t n) {
    check_point_size(tape_, points.cols());
    for (std::size_t j = 0; j < tape_.variables.size(); ++j) {
        double* v = values(tape_.variable_node[j]);
        const auto column = points.col(static_cast<Eigen::Index>(j)).segment(first, static_cast<Eigen::Index>(n));
        for (std::size_t k = 0; k < n; ++k) v[k] = column[static_cast<Eigen::Index>(k)];
    }
}

void BlockEvaluator::forward(std::size_t n) {
    for (std::size_t i = 0; i < tape_.nodes.size(); ++i) {
        const Node& node = tape_.nodes[i];
        if (node.op == Op::constant || node.op == Op::variable) continue;
        double* out = values(i);
        const double* a = values(node.a);
        const double* b = is_binary(node.op) ? values(node.b) : a;
        switch (node.op) {
            case Op::add: map2(out, a, b, n, [](double x, double y) { return x + y; }); break;
            case Op::sub: map2(out, a, b, n, [](double x, double y) { return x - y; }); break;
            case Op::mul: map2(out, a, b, n, [](double x, double y) { return x * y; }); break;
            case Op::div: map2(out, a, b, n, [](double x, double y) { return x / y; }); break;
            case Op::pow: map2(out, a, b, n, [](double x, double y) { return power(x, y); }); break;
            case Op::min: map2(out, a, b, n, [](double x, double y) { return minimum(x, y); }); break;
            case Op::max: map2(out, a, b, n, [](double x, double y) { return maximum(x, y); }); break;
            case Op::neg: map1(out, a, n, [](double x) { return -x; }); break;
            case Op::exp: map1(out, a, n, [](double x) { return std::exp(x); }); break;
            case Op::log: map1(out, a, n, [](double x) { return std::log(x); }); break;
            case Op::log2: map1(out, a, n, [](double x) { return std::log2(x); }); break;
            case Op::log10: map1(out, a, n, [](double x) { return std::log10(x); }); break;
            case Op::sqrt: map1(out, a, n, [](double x) { return std::sqrt(x); }); break;
            case Op::abs: map1(out, a, n, [](double x) { return std::fabs(x); }); break;
            case Op::sin: map1(out, a, n, [](double x) { return std::sin(x); }); break;
            case Op::cos: map1(out, a, n, [](double x) { return std::cos(x); }); break;
            case Op::tan: map1(out, a, n, [](double x) { return std::tan(x); }); break;
            case Op::tanh: map1(out, a, n, [](double x) { return std::tanh(x); }); break;
            case Op::sigmoid: map1(out, a, n, [](double x) { return sigmoid(x); }); break;
            case Op::relu: map1(out, a, n, [](double x) { return relu(x); }); break;
            case Op::softplus: map1(out, a, n, [](double x) { return softplus(x); }); break;
            case Op::constant: case Op::variable: break;
        }
    }
}

// adj_a += adj_i · ∂v_i/∂v_a, with each local derivative written exactly as
// local_derivatives() writes it, so a block gives the same bits as one point.
void BlockEvaluator::backward_node(std::size_t i, std::size_t n) {
    const Node& node = tape_.nodes[i];
    const double* g = adjoints(i);
    const double* v = values(i);
    const double* a = values(node.a);
    const bool binary = is_binary(node.op);
    const double* b = binary ? values(node.b) : a;
    // x*x has a == b: the two edges are separate loops, each its own target.
    auto to_a = [&](auto da) {
        if (active_[node.a]) accumulate(adjoints(node.a), g, n, da);
    };
    auto to_b = [&](auto db) {
        if (binary && active_[node.b]) accumulate(adjoints(node.b), g, n, db);
    };
    switch (node.op) {
        case Op::add:
            to_a([](std::size_t) { return 1.0; });
            to_b([](std::size_t) { return 1.0; });
            break;
        case Op::sub:
            to_a([](std::size_t) { return 1.0; });
            to_b([](std::size_t) { return -1.0; });
            break;
        case Op::mul:
            to_a([&](std::size_t k) { return b[k]; });
            to_b([&](std::size_t k) { return a[k]; });
            break;
        case Op::div:
            to_a([&](std::size_t k) { return 1 / b[k]; });
            to_b([&](std::size_t k) { return -(v[k] / b[k]); });
            break;
        case Op::pow:
            to_a([&](std::size_t k) { return b[k] * power(a[k], b[k] - 1); });
            to_b([&](std::size_t k) { return v[k] == 0 ? 0.0 : v[k] * std::log(a[k]); });
            break;
        case Op::min:
            to_a([&](std::size_t k) { return first_wins_min(a[k], b[k]); });
            to_b([&](std::size_t k) { return 1 - first_wins_min(a[k], b[k]); });
            break;
        case Op::max:
            to_a([&](std::size_t k) { return first_wins_max(a[k], b[k]); });
            to_b([&](std::size_t k) { return 1 - first_wins_max(a[k], b[k]); });
            break;
        case Op::neg: to_a([](std::size_t) { return -1.0; }); break;
        case Op::exp: to_a([&](std::size_t k) { return v[k]; }); break;
        case Op::log: to_a([&](std::size_t k) { return 1 / a[k]; }); break;
        case Op::log2: to_a([&](std::size_t k) { return 1 / (a[k] * ln2); }); break;
        case Op::log10: to_a([&](std::size_t k) { return 1 / (a[k] * ln10); }); break;
        case Op::sqrt: to_a([&](std::size_t k) { return 0.5 / v[k]; }); break;
        case Op::abs: to_a([&](std::size_t k) { return sign(a[k]); }); break;
        case Op::sin: to_a([&](std::size_t k) { return std::cos(a[k]); }); break;
        case Op::cos: to_a([&](std::size_t k) { return -std::sin(a[k]); }); break;
        case Op::tan: to_a([&](std::size_t k) { return 1 + v[k] * v[k]; }); break;
        case Op::tanh: to_a([&](std::size_t k) { return tanh_derivative(a[k]); }); break;
        case Op::sigmoid: to_a([&](std::size_t k) { return sigmoid_derivative(a[k]); }); break;
        case Op::relu: to_a([&](std::size_t k) { return step(a[k]); }); break;
        case Op::softplus: to_a([&](std::size_t k) { return sigmoid(a[k]); }); break;
        case Op::constant: case Op::variable: break;
    }
}

void BlockEvaluator::backward(std::size_t n) {
    for (std::size_t i = 0; i < tape_.nodes.size(); ++i)
        if (active_[i]) std::fill_n(adjoints(i), n, 0.0);
    std::fill_n(adjoints(tape_.output()), n, 1.0);
    for (std::size_t i = tape_.nodes.size(); i-- > 0;) {
        const Op op = tape_.nodes[i].op;
        if (active_[i] && op != Op::variable) backward_node(i, n);
    }
}

void BlockEvaluator::value_and_gradient(const Eigen::Ref<const Eigen::MatrixXd>& points,
                                        Eigen::Ref<Eigen::MatrixXd> out) {
    const std::size_t k = tape_.variables.size();
    for (Eigen::Index first = 0; first < points.rows(); first += static_cast<Eigen::Index>(block_size_)) {
        const auto n = std::min<std::size_t>(block_size_, static_cast<std::size_t>(points.rows() - first));
        load(points, first, n);
        forward(n);
        backward(n);
        const double* f = values(tape_.output());
        for (std::size_t r = 0; r < n; ++r) out(first + static_cast<Eigen::Index>(r), 0) = f[r];
        for (std::size_t j = 0; j < k; ++j) {
            const double* g = adjoints(tape_.variable_node[j]);
            for (std::size_t r = 0; r < n; ++r)
                out(first + static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(j + 1)) = g[r];
        }
    }
}

void BlockEvaluator::value(const Eigen::Ref<const Eigen::MatrixXd>& points, Eigen::Ref<Eigen::VectorXd> out) {
    for (Eigen::Index first = 0; first < points.rows(); first += static_cast<Eigen::Index>(block_size_)) {
        const auto n = std::min<std::size_t>(block_size_, static_cast<std::size_t>(points.rows() - first));
        load(points, first, n);
        forward(n);
        const double* f = values(tape_.output());
        for (std::size_t r = 0; r < n; ++r) out[first + static_cast<Eigen::Index>(r)] = f[r];
    }
}

}  // namespace mlm::calc
