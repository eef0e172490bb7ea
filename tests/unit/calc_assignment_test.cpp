#include <catch2/catch.hpp>

#include "calc/assignment.hpp"
#include "calc/backprop.hpp"
#include "calc/expression.hpp"
#include "error.hpp"

using namespace mlm::calc;

TEST_CASE("assignment: values land in the order of first appearance", "[assignment]") {
    const auto tape = parse_expression("y*x + z");
    const auto x = parse_assignment("x=1, z=-2.5e1,y = 3", tape);
    CHECK(x[0] == 3);
    CHECK(x[1] == 1);
    CHECK(x[2] == -25);
}

TEST_CASE("assignment: each mistake is a usage error that names it", "[assignment][error]") {
    const auto tape = parse_expression("x*y");
    CHECK_THROWS_WITH(parse_assignment("x=1", tape), "no value for 'y'");
    CHECK_THROWS_WITH(parse_assignment("x=1,y=2,z=3", tape), "'z' is not a variable of the expression (variables: x, y)");
    CHECK_THROWS_WITH(parse_assignment("x=1,x=2", tape), "'x' is given twice");
    CHECK_THROWS_WITH(parse_assignment("x=1,y", tape), "expected NAME=VALUE, got 'y'");
    CHECK_THROWS_WITH(parse_assignment("x=1,y=abc", tape), "'abc' is not a number in 'y=abc'");
    CHECK_THROWS_WITH(parse_assignment("x=1,y=", tape), "'' is not a number in 'y='");
    CHECK_THROWS_WITH(parse_assignment("x=1,y=1e400", tape), "'1e400' is not a number in 'y=1e400'");
    CHECK_THROWS_WITH(parse_assignment("", tape), "no value for 'x'");
    CHECK_THROWS_AS(parse_assignment("x=1,,y=2", tape), mlm::UsageError);
}

TEST_CASE("assignment: an expression without variables takes an empty point", "[assignment][edge]") {
    CHECK(parse_assignment("", parse_expression("2+2")).size() == 0);
}

TEST_CASE("assignment: bound variables become constants, the others renumbered", "[assignment]") {
    const auto tape = mlm::calc::parse_expression("(w*x - y)^2");
    const auto values = mlm::calc::parse_partial_assignment("x=2, y=6", tape);
    CHECK(!values[0]);
    const auto bound = mlm::calc::bind_variables(tape, values);
    CHECK(bound.variables == std::vector<std::string>{"w"});
    // (3*2 - 6)^2 = 0 and d/dw = 2*(w*x - y)*x = 0 at w = 3; at w = 0: 36 and -24.
    const auto r = mlm::calc::value_and_gradient(bound, Eigen::VectorXd::Zero(1));
    CHECK(r.value == 36);
    CHECK(r.gradient[0] == -24);
}
