// Finite differences, for checking exact derivatives: forward
// (f(x+h e_j) - f(x))/h, error O(h), and central (f(x+h e_j) - f(x-h e_j))/2h,
// error O(h²); the automatic step balances that error against rounding in f.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include <Eigen/Core>

namespace mlm::calc {

enum class Scheme { forward, central };

using Function = std::function<double(const Eigen::VectorXd&)>;

// sqrt(eps)·max(1,|x|) for forward, cbrt(eps)·max(1,|x|) for central differences.
double gradient_step(Scheme scheme, double x);
// cbrt(eps)·max(1,|x|) for forward, eps^(1/4)·max(1,|x|) for central second differences.
double hessian_step(Scheme scheme, double x);

// `h`, when given, is the step for every coordinate; otherwise the automatic one.
Eigen::VectorXd numeric_gradient(const Function& f, const Eigen::VectorXd& x, Scheme scheme,
                                 std::optional<double> h = {});
// From function values only: second differences, symmetric by construction.
Eigen::MatrixXd numeric_hessian(const Function& f, const Eigen::VectorXd& x, Scheme scheme,
                                std::optional<double> h = {});

// The definition of the derivative at work: (f(x + h e_j) - f(x))/h for
// h = 1e-1, 1e-2, ..., 1e-12, converging and then breaking down from rounding.
struct DifferenceQuotient {
    double h = 0;
    double quotient = 0;
};
std::vector<DifferenceQuotient> difference_quotients(const Function& f, const Eigen::VectorXd& x,
                                                     Eigen::Index variable);

}  // namespace mlm::calc
