// mlm-grad's parts: the options and one function per way of running.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "calc/finite_difference.hpp"
#include "calc/tape.hpp"
#include "cli/context.hpp"
#include "cli/options.hpp"

namespace mlm::grad_tool {

struct Options {
    cli::StandardOptions common;
    std::string expression;
    std::string at;  // "x=1,y=2"; empty: points from the input
    std::string wrt;  // variables to differentiate with respect to; empty: all
    bool hessian = false;
    bool numeric = false;
    bool check = false;
    bool limit = false;
    std::optional<double> h;
    std::string scheme = "central";
    std::optional<double> lr;
};

// What every mode needs, worked out once from the options.
struct Setup {
    calc::Tape tape;
    std::vector<std::size_t> wrt;  // indexes into tape.variables
    calc::Scheme scheme = calc::Scheme::central;
    std::vector<std::optional<double>> at;  // --at, per variable; over rows, the values not in the columns

    // --at gives every variable: one point, not the rows of the input.
    bool one_point() const;
};

Setup make_setup(const Options& o);
// The point of --at, in the tape's variable order (every variable given).
Eigen::VectorXd point_at(const Options& o, const Setup& s);

int run_point(const Options& o, const Setup& s, cli::Context& ctx);
int run_points(const Options& o, const Setup& s, cli::Context& ctx);
int run_explain(const Options& o, const Setup& s, cli::Context& ctx);

// The note for results that are not finite, e.g. "f = -inf and d_x = inf are
// not finite: log(x) is -inf at x = 0"; empty when every result is finite.
std::string nonfinite_note(const Setup& s, const Eigen::VectorXd& x,
                           const std::vector<std::pair<std::string, double>>& results);

// |a-b| / max(|a|,|b|), 0 when both are 0: the usual gradient-check measure.
double relative_difference(double a, double b);

// The numeric gradient or Hessian of the tape, by the chosen scheme and step.
Eigen::VectorXd numeric_gradient(const Options& o, const Setup& s, const Eigen::VectorXd& x);
Eigen::MatrixXd numeric_hessian(const Options& o, const Setup& s, const Eigen::VectorXd& x);

}  // namespace mlm::grad_tool
