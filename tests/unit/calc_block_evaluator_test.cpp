#include <catch2/catch.hpp>

#include <random>

#include "calc/backprop.hpp"
#include "calc/block_evaluator.hpp"
#include "calc/expression.hpp"
#include "calc_reference.hpp"

using namespace mlm::calc;

TEST_CASE("block evaluator: gives the same bits as backprop point by point", "[block]") {
    // The block loops write every local derivative as local_derivatives() does,
    // so the results are identical, not merely close: 0 ulp.
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> jitter(-0.05, 0.05);
    for (const auto& c : calc_test::reference_cases()) {
        INFO(c.name << ": " << c.expression);
        const auto tape = parse_expression(c.expression);
        BlockEvaluator block(tape);
        // 600 points: two full blocks and a partial one, around the reference point.
        const Eigen::Index n = 600, k = c.point.size();
        Eigen::MatrixXd points(n, k);
        for (Eigen::Index r = 0; r < n; ++r)
            for (Eigen::Index j = 0; j < k; ++j) points(r, j) = c.point[j] * (1 + jitter(rng));
        Eigen::MatrixXd out(n, k + 1);
        block.value_and_gradient(points, out);
        Eigen::VectorXd values(n);
        block.value(points, values);
        for (Eigen::Index r = 0; r < n; r += 37) {
            const auto one = value_and_gradient(tape, points.row(r).transpose());
            CHECK_THAT(out(r, 0), Catch::Matchers::WithinULP(one.value, 0));
            CHECK_THAT(values[r], Catch::Matchers::WithinULP(one.value, 0));
            for (Eigen::Index j = 0; j < k; ++j) CHECK_THAT(out(r, j + 1), Catch::Matchers::WithinULP(one.gradient[j], 0));
        }
    }
}

TEST_CASE("block evaluator: takes row-major blocks and an expression without variables", "[block][edge]") {
    BlockEvaluator constant(parse_expression("2^10"));
    Eigen::MatrixXd none(3, 0), out(3, 1);
    constant.value_and_gradient(none, out);
    CHECK(out(2, 0) == 1024);

    BlockEvaluator product(parse_expression("x*y"));
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rows(2, 2);
    rows << 2, 3, 4, 5;
    Eigen::MatrixXd g(2, 3);
    product.value_and_gradient(rows, g);
    CHECK(g(1, 0) == 20);
    CHECK(g(1, 1) == 5);
    CHECK(g(1, 2) == 4);
}

TEST_CASE("block evaluator: a variable used twice collects both paths", "[block]") {
    BlockEvaluator square(parse_expression("x*x + x"));
    Eigen::MatrixXd p(1, 1), out(1, 2);
    p << 3;
    square.value_and_gradient(p, out);
    CHECK(out(0, 0) == 12);
    CHECK(out(0, 1) == 7);
}
