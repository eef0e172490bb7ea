#include "calc/hessian.hpp"

#include "calc/reverse_mode.hpp"

namespace mlm::calc {

Eigen::MatrixXd hessian(const Tape& tape, const Eigen::VectorXd& x) {
    check_point_size(tape, x.size());
    const auto n = x.size();
    Eigen::MatrixXd h(n, n);
    std::vector<Dual> point(static_cast<std::size_t>(n));
    for (Eigen::Index k = 0; k < n; ++k) {
        for (Eigen::Index j = 0; j < n; ++j) point[static_cast<std::size_t>(j)] = Dual(x[j], j == k ? 1.0 : 0.0);
        const auto adj = backward_pass(tape, forward_pass(tape, point));
        for (Eigen::Index j = 0; j < n; ++j) h(j, k) = adj[tape.variable_node[static_cast<std::size_t>(j)]].d;
    }
    // Exact in theory; the two triangles can differ by rounding, so report one matrix.
    return (h + h.transpose()) / 2;
}

}  // namespace mlm::calc
