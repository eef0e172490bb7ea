#include "calc/backprop.hpp"

#include "calc/reverse_mode.hpp"

namespace mlm::calc {

double value(const Tape& tape, const Eigen::VectorXd& x) {
    check_point_size(tape, x.size());
    return forward_pass(tape, std::vector<double>(x.begin(), x.end())).back();
}

ValueGradient value_and_gradient(const Tape& tape, const Eigen::VectorXd& x) {
    check_point_size(tape, x.size());
    const auto v = forward_pass(tape, std::vector<double>(x.begin(), x.end()));
    const auto adj = backward_pass(tape, v);
    ValueGradient out{v.back(), Eigen::VectorXd(x.size())};
    for (std::size_t j = 0; j < tape.variables.size(); ++j) out.gradient[j] = adj[tape.variable_node[j]];
    return out;
}

}  // namespace mlm::calc
