#include <catch2/catch.hpp>

#include <limits>

#include "calc/expression.hpp"
#include "calc/nonfinite.hpp"

using namespace mlm::calc;

namespace {

std::string origin_of(const std::string& text, Eigen::VectorXd x) {
    const auto tape = parse_expression(text);
    const auto origin = nonfinite_origin(tape, x);
    return origin ? describe(tape, x, *origin) : "finite";
}

}  // namespace

TEST_CASE("nonfinite: names the first node that is not finite while its operands are", "[nonfinite]") {
    CHECK(origin_of("log(x)", Eigen::VectorXd::Constant(1, 0.0)) == "log(x) is -inf at x = 0");
    // Variables in order of appearance: y = 2, x = 1.
    CHECK(origin_of("y + 1/(x - 1)", Eigen::Vector2d(2, 1)) == "1/(x - 1) is inf at x = 1");
    CHECK(origin_of("exp(exp(x))", Eigen::VectorXd::Constant(1, 10.0)) == "exp(exp(x)) is inf at x = 10");
    CHECK(origin_of("x*y", Eigen::Vector2d(1, std::numeric_limits<double>::quiet_NaN())) ==
          "the point has y = nan");
}

TEST_CASE("nonfinite: a finite value with an infinite local derivative", "[nonfinite]") {
    CHECK(origin_of("sqrt(x)*y", Eigen::Vector2d(0, 1)) == "the derivative of sqrt(x) is inf at x = 0");
    CHECK(origin_of("x^2 + sin(x)", Eigen::VectorXd::Constant(1, 0.5)) == "finite");
}

TEST_CASE("nonfinite: a long subexpression is shortened to its ends", "[nonfinite]") {
    const std::string text = "log(x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x - 16*x)";
    CHECK(origin_of(text, Eigen::VectorXd::Constant(1, 1.0)) ==
          "log(x + x + x + x + x + x + ... + x + x + x + x + x - 16*x) is -inf at x = 1");
}
