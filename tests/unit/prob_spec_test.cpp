#include "prob/spec.hpp"

#include <catch2/catch.hpp>

#include "error.hpp"

using Catch::Matchers::Equals;
using mlm::prob::parse_spec;

namespace {

std::string refusal(const std::string& spec) {
    try {
        parse_spec(spec);
    } catch (const mlm::UsageError& e) {
        return e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("spec: every family parses into its struct", "[spec]") {
    auto n = std::get<mlm::prob::Normal>(parse_spec("normal:1.5,2").family);
    CHECK(n.mu == 1.5);
    CHECK(n.sd == 2);
    CHECK(std::get<mlm::prob::Bernoulli>(parse_spec("bernoulli:0.25").family).p == 0.25);
    auto b = std::get<mlm::prob::Binomial>(parse_spec("binomial:10,0.3").family);
    CHECK(b.n == 10);
    CHECK(b.p == 0.3);
    CHECK(std::get<mlm::prob::Poisson>(parse_spec("poisson:4").family).lambda == 4);
    auto u = std::get<mlm::prob::Uniform>(parse_spec("uniform:-1,1").family);
    CHECK(u.a == -1);
    CHECK(u.b == 1);
    auto be = std::get<mlm::prob::Beta>(parse_spec("beta:2,3").family);
    CHECK(be.a == 2);
    CHECK(be.b == 3);
    CHECK(std::get<mlm::prob::Exponential>(parse_spec("exponential:0.5").family).rate == 0.5);
    auto g = std::get<mlm::prob::Gamma>(parse_spec("gamma:2,4").family);
    CHECK(g.shape == 2);
    CHECK(g.rate == 4);
}

TEST_CASE("spec: categorical weights are normalized over categories 0..K-1", "[spec]") {
    auto c = std::get<mlm::prob::Categorical>(parse_spec("categorical:1,3,0,4").family);
    CHECK(c.categories == std::vector<double>{0, 1, 2, 3});
    CHECK(c.probabilities == std::vector<double>{0.125, 0.375, 0, 0.5});
}

TEST_CASE("spec: categorical:FILE goes to the caller's reader", "[spec]") {
    auto reader = [](const std::string& path) {
        CHECK(path == "weights.csv");
        return mlm::prob::Weights{{5, 2}, {1, 3}};
    };
    auto c = std::get<mlm::prob::Categorical>(parse_spec("categorical:weights.csv", reader).family);
    CHECK(c.categories == std::vector<double>{2, 5});
    CHECK(c.probabilities == std::vector<double>{0.75, 0.25});
    CHECK_THAT(refusal("categorical:weights.csv"),
               Equals("categorical:weights.csv: categorical:FILE is not supported here; give "
                      "P1,P2,..."));
}

TEST_CASE("spec: a bad part is a usage error that names it", "[spec]") {
    CHECK_THAT(refusal("normal:0,-1"), Equals("normal:0,-1: SD must be > 0, got -1"));
    CHECK_THAT(refusal("normal:0,0"), Equals("normal:0,0: SD must be > 0, got 0"));
    CHECK_THAT(refusal("bernoulli:1.5"), Equals("bernoulli:1.5: P must be in [0, 1], got 1.5"));
    CHECK_THAT(refusal("binomial:2.5,0.5"),
               Equals("binomial:2.5,0.5: N must be a whole number >= 0, got 2.5"));
    CHECK_THAT(refusal("binomial:10,-0.1"),
               Equals("binomial:10,-0.1: P must be in [0, 1], got -0.1"));
    CHECK_THAT(refusal("poisson:0"), Equals("poisson:0: LAMBDA must be > 0, got 0"));
    CHECK_THAT(refusal("uniform:2,1"), Equals("uniform:2,1: A must be < B, got 2 and 1"));
    CHECK_THAT(refusal("beta:0,1"), Equals("beta:0,1: A must be > 0, got 0"));
    CHECK_THAT(refusal("exponential:-2"), Equals("exponential:-2: RATE must be > 0, got -2"));
    CHECK_THAT(refusal("gamma:1,0"), Equals("gamma:1,0: RATE must be > 0, got 0"));
    CHECK_THAT(refusal("normal:0,nan"),
               Equals("normal:0,nan: SD must be a finite number, got \"nan\""));
    CHECK_THAT(refusal("normal:x,1"), Equals("normal:x,1: MU must be a finite number, got \"x\""));
    CHECK_THAT(refusal("normal:1"),
               Equals("normal:1: normal takes 2 parameters (normal:MU,SD), got 1"));
    CHECK_THAT(refusal("normal"), Equals("normal: expected normal:MU,SD"));
    CHECK_THAT(refusal("poisson:"),
               Equals("poisson:: poisson takes 1 parameter (poisson:LAMBDA), got 0"));
    CHECK_THAT(refusal("cauchy:0,1"),
               Equals("cauchy:0,1: unknown distribution \"cauchy\" (one of normal, bernoulli, "
                      "categorical, binomial, poisson, uniform, beta, exponential, gamma)"));
    CHECK_THAT(refusal("categorical:1,-1"),
               Equals("categorical:1,-1: weight 2 must be a finite number >= 0, got -1"));
    CHECK_THAT(refusal("categorical:0,0"), Equals("categorical:0,0: categorical weights are all zero"));
}

TEST_CASE("spec: to_spec reads back to the same distribution", "[spec]") {
    for (const auto& f : mlm::prob::families()) CHECK(!f.name.empty());
    for (std::string s : {"normal:1.5,0.1", "bernoulli:0.3", "binomial:12,0.25", "poisson:3",
                          "uniform:-2,3", "beta:0.5,7", "exponential:2", "gamma:2.5,1.5",
                          "categorical:0.25,0.75"})
        CHECK(mlm::prob::to_spec(parse_spec(s)) == s);
    auto ps = mlm::prob::parameters(parse_spec("gamma:2,3"));
    REQUIRE(ps.size() == 2);
    CHECK(ps[0] == std::pair<std::string, double>{"shape", 2});
    CHECK(ps[1] == std::pair<std::string, double>{"rate", 3});
}
