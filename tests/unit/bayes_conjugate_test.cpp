// lib/bayes conjugate updates and intervals against scipy.stats (beta, gamma,
// norm: median, ppf) and the HDI and Wilson intervals of
// tests/reference/bayes_reference.py.
#include "bayes/conjugate.hpp"
#include "bayes/interval.hpp"
#include "error.hpp"

#include "info_reference.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace mlm::bayes;
using namespace mlm;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

const nlohmann::json& reference() { return mlm::test::reference_json("bayes_reference.json"); }

// The acceptance for posterior means and intervals against scipy.
constexpr double tol = 1e-10;

void check_interval(const Interval& got, const nlohmann::json& want, double t = tol) {
    CHECK_THAT(got.low, WithinRel(want[0].get<double>(), t) || Catch::Matchers::WithinAbs(want[0].get<double>(), 1e-15));
    CHECK_THAT(got.high, WithinRel(want[1].get<double>(), t));
}

void check_summary(const Summary& s, const nlohmann::json& c) {
    CHECK_THAT(s.mean, WithinRel(c["mean"].get<double>(), tol));
    CHECK_THAT(s.variance, WithinRel(c["variance"].get<double>(), tol));
    CHECK_THAT(s.median, WithinRel(c["median"].get<double>(), tol));
    check_interval(s.interval, c["interval"]);
}

}  // namespace

TEST_CASE("conjugate: Beta-Binomial posteriors match scipy.stats.beta", "[conjugate][beta]") {
    for (const auto& c : reference()["beta"]) {
        INFO("prior " << c["prior"] << ", " << c["successes"] << " of " << c["trials"]);
        const prob::Beta post = update_beta({c["prior"][0], c["prior"][1]}, c["successes"], c["trials"]);
        CHECK(post.a == c["alpha"].get<double>());
        CHECK(post.b == c["beta"].get<double>());
        const double level = c["level"];
        const Summary s = summarize(prob::Distribution{post}, level, false);
        check_summary(s, c);
        if (c.contains("mode")) {
            REQUIRE(s.mode);
            CHECK_THAT(*s.mode, WithinRel(c["mode"].get<double>(), tol));
        }
        if (c.contains("hdi")) {
            // The HDI's ends solve f(low) = f(high) by a root finder on both sides.
            check_interval(highest_density(prob::Distribution{post}, level), c["hdi"], 1e-9);
            const Summary h = summarize(prob::Distribution{post}, level, true);
            CHECK(h.hdi);
            CHECK(h.interval.high - h.interval.low <= s.interval.high - s.interval.low + 1e-15);
        }
        check_interval(wilson(c["successes"], c["trials"], level), c["wilson"], 1e-12);
    }
}

TEST_CASE("conjugate: Gamma-Poisson posteriors match scipy.stats.gamma", "[conjugate][gamma]") {
    for (const auto& c : reference()["gamma"]) {
        double sum = 0, n = 0;
        for (double x : c["counts"]) sum += x, n += 1;
        const prob::Gamma post = update_gamma({c["prior"][0], c["prior"][1]}, sum, n);
        CHECK(post.shape == c["shape"].get<double>());
        CHECK(post.rate == c["rate"].get<double>());
        check_summary(summarize(prob::Distribution{post}, c["level"], false), c);
        check_interval(highest_density(prob::Distribution{post}, c["level"]), c["hdi"], 1e-9);
    }
}

TEST_CASE("conjugate: a normal mean with known noise matches the closed form", "[conjugate][normal]") {
    for (const auto& c : reference()["normal"]) {
        double sum = 0, n = 0;
        for (double x : c["values"]) sum += x, n += 1;
        const prob::Normal post = update_normal({c["prior"][0], c["prior"][1]}, c["noise_sd"], sum, n);
        CHECK_THAT(post.mu, WithinRel(c["mu"].get<double>(), 1e-14));
        CHECK_THAT(post.sd, WithinRel(c["sd"].get<double>(), 1e-14));
        check_summary(summarize(prob::Distribution{post}, c["level"], false), c);
    }
}

TEST_CASE("conjugate: bad data is refused", "[conjugate][errors]") {
    CHECK_THROWS_WITH(update_beta({1, 1}, 11, 10), Contains("more successes than trials: 11 of 10"));
    CHECK_THROWS_WITH(update_beta({1, 1}, 2.5, 10), Contains("whole number"));
    CHECK_THROWS_WITH(update_beta({1, 1}, -1, 10), Contains("whole number from 0 to 2^53"));
    CHECK_THROWS_WITH(check_outcome(0.5), Contains("must be 0 or 1, got 0.5"));
    CHECK_THROWS_WITH(check_count(-2), Contains("whole number from 0 to 2^53, got -2"));
    CHECK_THROWS_WITH(update_normal({0, 1}, 0, 1, 1), Contains("noise sd must be finite and > 0"));
    CHECK_THROWS_AS(highest_density(prob::Distribution{prob::Beta{0.5, 0.5}}, 0.95), NumericError);
    CHECK_THROWS_AS(wilson(0, 0, 0.95), InputError);
}
