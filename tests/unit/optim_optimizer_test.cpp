#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "calc/backprop.hpp"
#include "calc/expression.hpp"
#include "error.hpp"
#include "optim/optimizer.hpp"

using namespace mlm::optim;
using Catch::Matchers::WithinRel;

namespace {

Hyperparameters from_json(Method m, const nlohmann::json& j) {
    Hyperparameters h = default_hyperparameters(m);
    h.lr = j.value("lr", h.lr);
    h.momentum = j.value("momentum", h.momentum);
    h.dampening = j.value("dampening", h.dampening);
    h.weight_decay = j.value("weight_decay", h.weight_decay);
    h.alpha = j.value("alpha", h.alpha);
    h.beta1 = j.value("beta1", h.beta1);
    h.beta2 = j.value("beta2", h.beta2);
    h.eps = j.value("eps", h.eps);
    h.lr_decay = j.value("lr_decay", h.lr_decay);
    h.initial_accumulator = j.value("initial_accumulator", h.initial_accumulator);
    h.centered = j.value("centered", h.centered);
    h.amsgrad = j.value("amsgrad", h.amsgrad);
    return h;
}

}  // namespace

TEST_CASE("optimizer: the first steps follow PyTorch's documented update rules", "[optimizer][reference]") {
    // The reference re-implements each algorithm box of the PyTorch docs in numpy;
    // the C++ follows PyTorch's code (Adam divides sqrt(v) by sqrt(1-β2^t) first),
    // so the two agree to rounding: 1e-12 relative on coordinates of order 1.
    std::ifstream in(MLM_REFERENCE_DIR "/optim_steps.json");
    const auto doc = nlohmann::json::parse(in);
    const auto tape = mlm::calc::parse_expression(doc.at("expression").get<std::string>());
    for (const auto& c : doc.at("cases")) {
        const Method m = parse_method(c.at("method").get<std::string>());
        const Hyperparameters h = from_json(m, c.at("hyperparameters"));
        INFO(c.at("method").get<std::string>() << " " << c.at("hyperparameters").dump());
        Optimizer opt(m, h, 2);
        Eigen::VectorXd x(2);
        x << doc.at("start")[0].get<double>(), doc.at("start")[1].get<double>();
        int t = 1;
        for (const auto& expected : c.at("points")) {
            INFO("step " << t++);
            opt.step(x, mlm::calc::value_and_gradient(tape, x).gradient, h.lr);
            CHECK_THAT(x[0], WithinRel(expected[0].get<double>(), 1e-12));
            CHECK_THAT(x[1], WithinRel(expected[1].get<double>(), 1e-12));
        }
    }
}

TEST_CASE("optimizer: one step of each by hand", "[optimizer]") {
    // g = 2 at x = 1 on the first step.
    Eigen::VectorXd g = Eigen::VectorXd::Constant(1, 2.0);
    auto first = [&](Method m, double lr) {
        Optimizer opt(m, default_hyperparameters(m), 1);
        Eigen::VectorXd x = Eigen::VectorXd::Ones(1);
        opt.step(x, g, lr);
        return x[0];
    };
    CHECK_THAT(first(Method::sgd, 0.1), WithinRel(0.8, 1e-15));
    CHECK_THAT(first(Method::momentum, 0.1), WithinRel(0.8, 1e-15));  // b_1 = g
    CHECK_THAT(first(Method::nesterov, 0.1), WithinRel(1 - 0.1 * (2 + 0.9 * 2), 1e-15));
    CHECK_THAT(first(Method::adagrad, 0.1), WithinRel(1 - 0.1 * 2 / (2 + 1e-10), 1e-15));
    // rmsprop: v = 0.01·4, step lr·2/(0.2 + 1e-8)
    CHECK_THAT(first(Method::rmsprop, 0.01), WithinRel(1 - 0.01 * 2 / (0.2 + 1e-8), 1e-14));
    // adam: m̂ = g, v̂ = g², step lr·g/(|g| + ε)
    CHECK_THAT(first(Method::adam, 0.1), WithinRel(1 - 0.1 * 2 / (2 + 1e-8), 1e-14));
    // adamw: θ·(1 - lr·0.01) first
    CHECK_THAT(first(Method::adamw, 0.1), WithinRel(1 * (1 - 0.1 * 0.01) - 0.1 * 2 / (2 + 1e-8), 1e-14));
}

TEST_CASE("optimizer: defaults are PyTorch's", "[optimizer]") {
    CHECK(default_hyperparameters(Method::sgd).lr == 1e-3);
    CHECK(default_hyperparameters(Method::sgd).momentum == 0);
    CHECK(default_hyperparameters(Method::momentum).momentum == 0.9);
    CHECK(default_hyperparameters(Method::adagrad).lr == 1e-2);
    CHECK(default_hyperparameters(Method::adagrad).eps == 1e-10);
    CHECK(default_hyperparameters(Method::rmsprop).lr == 1e-2);
    CHECK(default_hyperparameters(Method::rmsprop).alpha == 0.99);
    CHECK(default_hyperparameters(Method::adam).beta2 == 0.999);
    CHECK(default_hyperparameters(Method::adam).weight_decay == 0);
    CHECK(default_hyperparameters(Method::adamw).weight_decay == 1e-2);
}

TEST_CASE("optimizer: names round-trip and an unknown one is a usage error", "[optimizer][error]") {
    for (Method m : {Method::sgd, Method::momentum, Method::nesterov, Method::adagrad, Method::rmsprop, Method::adam,
                     Method::adamw})
        CHECK(parse_method(method_name(m)) == m);
    CHECK_THROWS_WITH(parse_method("lbfgs"),
                      "unknown optimizer 'lbfgs' (expected sgd, momentum, nesterov, adagrad, rmsprop, adam or adamw)");
    CHECK_THROWS_AS(parse_method(""), mlm::UsageError);
}
