#include "prob/distribution.hpp"

#include <cmath>
#include <limits>

#include <catch2/catch.hpp>

#include "prob_reference.hpp"

using mlm::test::CloseTo;
using mlm::test::ref_number;

namespace {

const nlohmann::json& cases() { return mlm::test::prob_reference("dist_scipy.json")["cases"]; }

// Beta and gamma go through the incomplete beta and gamma functions and their
// inverses: the 1e-10 for those, 1e-12 for the rest.
double tolerance(const std::string& spec, bool inverse) {
    bool special = spec.rfind("beta:", 0) == 0 || spec.rfind("gamma:", 0) == 0;
    return inverse || special ? 1e-10 : 1e-12;
}

}  // namespace

TEST_CASE("distribution: pdf, logpdf, cdf and sf match scipy.stats", "[distribution][reference]") {
    for (const auto& c : cases()) {
        std::string spec = c["spec"];
        auto d = mlm::prob::parse_spec(spec);
        double rel = tolerance(spec, false);
        for (const auto& p : c["x"]) {
            double x = p["x"];
            INFO(spec << " at x = " << x);
            CHECK_THAT(mlm::prob::pdf(d, x), CloseTo(ref_number(p["pdf"]), rel));
            // logpdf near 0 (a density near 1) is held to an absolute 1e-15.
            CHECK_THAT(mlm::prob::logpdf(d, x), CloseTo(ref_number(p["logpdf"]), rel, 1e-15));
            CHECK_THAT(mlm::prob::cdf(d, x), CloseTo(ref_number(p["cdf"]), rel));
            CHECK_THAT(mlm::prob::sf(d, x), CloseTo(ref_number(p["sf"]), rel));
        }
    }
}

TEST_CASE("distribution: quantile and isf match scipy.stats", "[distribution][reference]") {
    for (const auto& c : cases()) {
        std::string spec = c["spec"];
        auto d = mlm::prob::parse_spec(spec);
        double rel = tolerance(spec, true);
        for (const auto& p : c["q"]) {
            double q = p["q"];
            INFO(spec << " at q = " << q);
            CHECK_THAT(mlm::prob::quantile(d, q), CloseTo(ref_number(p["quantile"]), rel, 1e-300));
            CHECK_THAT(mlm::prob::isf(d, q), CloseTo(ref_number(p["isf"]), rel, 1e-300));
        }
    }
}

TEST_CASE("distribution: mean, variance, median and entropy match scipy.stats",
          "[distribution][reference]") {
    for (const auto& c : cases()) {
        std::string spec = c["spec"];
        INFO(spec);
        auto d = mlm::prob::parse_spec(spec);
        CHECK_THAT(mlm::prob::mean(d), CloseTo(ref_number(c["mean"]), 1e-12, 1e-300));
        CHECK_THAT(mlm::prob::variance(d), CloseTo(ref_number(c["variance"]), 1e-12));
        if (c.contains("median"))
            CHECK_THAT(mlm::prob::median(d), CloseTo(ref_number(c["median"]), 1e-10));
        CHECK_THAT(mlm::prob::entropy(d), CloseTo(ref_number(c["entropy"]), 1e-10, 1e-15));
    }
}

TEST_CASE("distribution: the edges of the support, as scipy answers there", "[distribution]") {
    const double inf = std::numeric_limits<double>::infinity();
    auto beta = mlm::prob::parse_spec("beta:0.5,2");
    CHECK(mlm::prob::pdf(beta, 0) == inf);
    CHECK(mlm::prob::pdf(beta, -0.5) == 0);
    CHECK(mlm::prob::logpdf(beta, 1.5) == -inf);
    CHECK(mlm::prob::cdf(beta, 2) == 1);
    CHECK(mlm::prob::sf(beta, -1) == 1);
    auto poisson = mlm::prob::parse_spec("poisson:2");
    CHECK(mlm::prob::pdf(poisson, 1.5) == 0);
    CHECK(mlm::prob::logpdf(poisson, 1.5) == -inf);
    CHECK(mlm::prob::cdf(poisson, 1.5) == mlm::prob::cdf(poisson, 1));
    CHECK(mlm::prob::quantile(poisson, 0) == 0);  // scipy: -1; ours: the support's start
    CHECK(std::isnan(mlm::prob::quantile(poisson, 1.5)));
    CHECK(std::isnan(mlm::prob::cdf(poisson, std::nan(""))));
    // Where scipy's answer is wrong, so not in the reference grid:
    auto sure = mlm::prob::parse_spec("bernoulli:1");
    CHECK(mlm::prob::median(sure) == 1);  // scipy: 0
    CHECK(mlm::prob::quantile(sure, 0.01) == 1);
    CHECK(mlm::prob::isf(sure, 0.5) == 1);
    CHECK(mlm::prob::quantile(mlm::prob::parse_spec("bernoulli:0"), 0.99) == 0);
    // cdf(92) = 4.4e-301 < 1e-300 <= cdf(93) = 4.4e-300 (scipy: 83).
    CHECK(mlm::prob::quantile(mlm::prob::parse_spec("poisson:1000"), 1e-300) == 93);
    auto gamma = mlm::prob::parse_spec("gamma:1,4");
    CHECK(mlm::prob::pdf(gamma, 0) == 4);
    CHECK(mlm::prob::pdf(mlm::prob::parse_spec("gamma:0.5,4"), 0) == inf);
    CHECK(mlm::prob::pdf(mlm::prob::parse_spec("gamma:2,4"), 0) == 0);
    auto normal = mlm::prob::parse_spec("normal:0,1");
    CHECK(mlm::prob::quantile(normal, 0) == -inf);
    CHECK(mlm::prob::quantile(normal, 1) == inf);
    CHECK(mlm::prob::pdf(normal, inf) == 0);
    CHECK(mlm::prob::cdf(normal, -inf) == 0);
}

TEST_CASE("distribution: modes and supports", "[distribution]") {
    using mlm::prob::mode;
    using mlm::prob::parse_spec;
    CHECK(mode(parse_spec("normal:2,3")) == 2);
    CHECK(mode(parse_spec("beta:2,5")) == Approx(0.2).epsilon(1e-15));
    CHECK_FALSE(mode(parse_spec("beta:0.5,0.5")).has_value());
    CHECK_FALSE(mode(parse_spec("beta:1,1")).has_value());
    CHECK(mode(parse_spec("beta:0.5,3")) == 0);
    CHECK_FALSE(mode(parse_spec("uniform:0,1")).has_value());
    CHECK(mode(parse_spec("gamma:3,2")) == 1);
    CHECK(mode(parse_spec("gamma:0.5,2")) == 0);
    CHECK(mode(parse_spec("poisson:3.7")) == 3);
    CHECK(mode(parse_spec("binomial:10,0.35")) == 3);
    CHECK(mode(parse_spec("bernoulli:0.5")) == 0);
    CHECK(mode(parse_spec("categorical:1,3,3")) == 1);
    auto s = mlm::prob::support(parse_spec("binomial:7,0.5"));
    CHECK(s.lower == 0);
    CHECK(s.upper == 7);
    CHECK(s.discrete);
    CHECK_FALSE(mlm::prob::support(parse_spec("gamma:2,1")).discrete);
}
