// NaN in is NaN out (tests/reference/calc_nan.py: numpy's np.maximum,
// np.minimum, np.sign, np.heaviside): relu, max, min and abs once turned a NaN
// into 0 or 2.5 through std::fmax and bare comparisons.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "calc/backprop.hpp"
#include "calc/block_evaluator.hpp"
#include "calc/chain_rule_trace.hpp"
#include "calc/expression.hpp"
#include "calc/hessian.hpp"

using namespace mlm::calc;

namespace {
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("nan: relu, max, min, abs at y = nan are nan, value and derivative, in every evaluator", "[nan][edge]") {
    // Variables x, y in that order; x = 1, y = nan. Every expression uses x
    // beside y so that d_x is checked too where it does not depend on y.
    for (const std::string text : {"relu(y) + x", "max(y, 0) + x", "max(0, y) + x", "min(y, 0) + x",
                                   "min(0, y) + x", "abs(y) + x", "softplus(y) + x", "max(y, y) + x"}) {
        INFO(text);
        const auto tape = parse_expression(text);
        REQUIRE(tape.variables.size() == 2);
        const std::size_t jx = tape.variables[0] == "x" ? 0 : 1, jy = 1 - jx;
        Eigen::VectorXd point(2);
        point[static_cast<Eigen::Index>(jx)] = 1;
        point[static_cast<Eigen::Index>(jy)] = not_a_number;
        const auto ex = static_cast<Eigen::Index>(jx), ey = static_cast<Eigen::Index>(jy);

        const auto r = value_and_gradient(tape, point);
        CHECK(std::isnan(r.value));
        CHECK(std::isnan(value(tape, point)));
        CHECK(std::isnan(r.gradient[ey]));
        CHECK(r.gradient[ex] == 1);

        const auto trace = chain_rule_trace(tape, point);
        CHECK(std::isnan(trace.value));
        CHECK(std::isnan(trace.gradient[ey]));

        CHECK(std::isnan(hessian(tape, point)(ey, ey)));

        BlockEvaluator block(tape);
        Eigen::MatrixXd points(1, 2), out(1, 3);
        points.row(0) = point.transpose();
        block.value_and_gradient(points, out);
        CHECK(std::isnan(out(0, 0)));
        CHECK(std::isnan(out(0, 1 + ey)));
        CHECK(out(0, 1 + ex) == 1);
    }
}

TEST_CASE("nan: a finite point still gets the subgradients at the kinks", "[nan][edge]") {
    // The NaN checks must not change the numbers elsewhere: ties share, 0 takes 0.
    const auto tape = parse_expression("max(x, y) + relu(x) + abs(y)");
    const auto r = value_and_gradient(tape, Eigen::Vector2d(0, 0));
    CHECK(r.value == 0);
    CHECK(r.gradient[0] == 0.5);
    CHECK(r.gradient[1] == 0.5);
}
