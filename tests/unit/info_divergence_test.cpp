#include "info/divergence.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include <catch2/catch.hpp>

#include "error.hpp"
#include "info_reference.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using mlm::info::normalized;
using mlm::info::WeightReading;

namespace {
// scipy's reading: any positive weights divided by their sum.
constexpr mlm::info::Normalization divide{.reading = WeightReading::divide_by_sum};
}  // namespace
using mlm::test::number;
using mlm::test::numbers;

namespace {

// scipy sums at most 50 terms naively (error <= 50 ulp ~ 1e-14): 1e-12 relative
// is the bar and leaves room for our compensated sum differing from it.
constexpr double rel = 1e-12;

// An expected value that may be "inf": the same infinity, or within rel.
void check_value(double actual, double expected) {
    if (std::isinf(expected))
        CHECK(actual == expected);
    else
        CHECK_THAT(actual, WithinRel(expected, rel));
}

}  // namespace

TEST_CASE("divergence: every reference case matches scipy", "[kl][js][psi][reference]") {
    for (const auto& c : mlm::test::kl_reference()["discrete"]) {
        INFO("case: " << c["name"].get<std::string>());
        auto p = normalized(numbers(c["p"]), divide);
        auto q = normalized(numbers(c["q"]), divide);
        auto pn = numbers(c["p_normalized"]);
        for (std::size_t i = 0; i < p.size(); ++i) CHECK_THAT(p[i], WithinRel(pn[i], rel));

        check_value(mlm::info::kl_divergence(p, q, 2).value, number(c["kl_2"]));
        check_value(mlm::info::kl_divergence(p, q).value, number(c["kl_e"]));
        check_value(mlm::info::reverse_kl_divergence(p, q, 2).value, number(c["reverse_kl_2"]));
        check_value(mlm::info::cross_entropy(p, q).value, number(c["xent_e"]));
        check_value(mlm::info::population_stability_index(p, q).value, number(c["psi"]));

        auto terms = mlm::info::kl_terms(p, q);
        auto expected_terms = numbers(c["rel_entr"]);
        REQUIRE(terms.size() == expected_terms.size());
        for (std::size_t i = 0; i < terms.size(); ++i) {
            if (expected_terms[i] == 0)
                CHECK(terms[i] == 0);
            else
                check_value(terms[i], expected_terms[i]);
        }

        double d2 = number(c["js_distance_2"]), de = number(c["js_distance_e"]);
        CHECK_THAT(mlm::info::js_distance(p, q, 2), WithinRel(d2, rel));
        CHECK_THAT(mlm::info::js_distance(p, q), WithinRel(de, rel));
        // squaring doubles the relative error of scipy's square root
        CHECK_THAT(mlm::info::js_divergence(p, q, 2), WithinRel(d2 * d2, 2 * rel));
    }
}

TEST_CASE("kl: zero in Q where P>0 is +inf and names the outcome", "[kl][edge]") {
    std::vector<double> p{0.2, 0.3, 0.5}, q{0.5, 0.5, 0.0};
    auto kl = mlm::info::kl_divergence(p, q, 2);
    CHECK(std::isinf(kl.value));
    REQUIRE(kl.infinite_at);
    CHECK(*kl.infinite_at == 2);
    auto back = mlm::info::kl_divergence(q, p, 2);
    CHECK(std::isfinite(back.value));
    CHECK_FALSE(back.infinite_at);
}

TEST_CASE("kl: zero in P contributes nothing (0 log 0/q = 0)", "[kl][edge]") {
    std::vector<double> p{0.0, 1.0}, q{0.5, 0.5};
    CHECK_THAT(mlm::info::kl_divergence(p, q, 2).value, WithinRel(1.0, 1e-15));
    // both zero at an outcome: no term, and no infinity
    std::vector<double> p2{0.0, 0.5, 0.5}, q2{0.0, 0.5, 0.5};
    CHECK(mlm::info::kl_divergence(p2, q2).value == 0);
    CHECK(mlm::info::population_stability_index(p2, q2).value == 0);
}

TEST_CASE("xent: zero in Q where P>0 is +inf", "[xent][edge]") {
    std::vector<double> p{0.5, 0.5}, q{1.0, 0.0};
    auto h = mlm::info::cross_entropy(p, q);
    CHECK(std::isinf(h.value));
    REQUIRE(h.infinite_at);
    CHECK(*h.infinite_at == 1);
}

TEST_CASE("psi: a zero on either side is +inf", "[psi][edge]") {
    std::vector<double> p{0.0, 1.0}, q{0.5, 0.5};
    auto a = mlm::info::population_stability_index(p, q);
    auto b = mlm::info::population_stability_index(q, p);
    CHECK(std::isinf(a.value));
    CHECK(std::isinf(b.value));
    CHECK(*a.infinite_at == 0);
    CHECK(*b.infinite_at == 0);
}

TEST_CASE("js: nearly identical inputs give a tiny non-negative number, never NaN",
          "[js][edge]") {
    // scipy subtracts nearly equal logs here and can return a negative JS,
    // hence NaN from its square root.
    std::vector<double> p{0.1, 0.2, 0.3, 0.4};
    std::vector<double> q{std::nextafter(0.1, 1.0), 0.2, std::nextafter(0.3, 0.0), 0.4};
    double js = mlm::info::js_divergence(p, q, 2);
    CHECK(js >= 0);
    CHECK(js < 1e-30);
    double d = mlm::info::js_distance(p, q, 2);
    CHECK_FALSE(std::isnan(d));
    CHECK(d < 1e-15);
    CHECK(mlm::info::js_divergence(p, p) == 0);
}

TEST_CASE("js: disjoint supports give exactly 1 bit, and JS is symmetric", "[js]") {
    std::vector<double> p{0.5, 0.5, 0.0, 0.0}, q{0.0, 0.0, 0.25, 0.75};
    CHECK_THAT(mlm::info::js_divergence(p, q, 2), WithinRel(1.0, 1e-15));
    CHECK_THAT(mlm::info::js_divergence(p, q), WithinRel(std::numbers::ln2, 1e-15));
    std::vector<double> a{0.1, 0.6, 0.3}, b{0.3, 0.3, 0.4};
    CHECK_THAT(mlm::info::js_divergence(a, b), WithinRel(mlm::info::js_divergence(b, a), 1e-15));
}

TEST_CASE("kl: subnormal probabilities give finite results", "[kl][psi][edge]") {
    double tiny = std::numeric_limits<double>::denorm_min();
    std::vector<double> p{tiny, 1.0}, q{1.0, tiny};
    // KL = 1·ln(1/tiny) + tiny·ln(tiny) = 1074 ln 2 up to 4e-321.
    double expected = 1074 * std::numbers::ln2;
    auto kl = mlm::info::kl_divergence(p, q);
    REQUIRE(std::isfinite(kl.value));
    CHECK_THAT(kl.value, WithinRel(expected, 1e-15));
    CHECK_THAT(mlm::info::population_stability_index(p, q).value,
               WithinRel(2 * expected, 1e-15));
    CHECK_THAT(mlm::info::js_divergence(p, q), WithinRel(std::numbers::ln2, 1e-15));
    auto n = normalized(std::vector<double>{tiny, tiny}, divide);
    CHECK(n[0] == 0.5);
}

TEST_CASE("divergence: any log base scales the nats", "[kl][base]") {
    std::vector<double> p{0.1, 0.9}, q{0.6, 0.4};
    double nats = mlm::info::kl_divergence(p, q).value;
    CHECK_THAT(mlm::info::kl_divergence(p, q, 10).value, WithinRel(nats / std::log(10.0), 1e-15));
    CHECK_THAT(mlm::info::js_divergence(p, q, 3), WithinRel(mlm::info::js_divergence(p, q) / std::log(3.0), 1e-15));
    for (double bad : {1.0, 0.0, -2.0, std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity()})
        CHECK_THROWS_AS(mlm::info::kl_divergence(p, q, bad), mlm::UsageError);
}

TEST_CASE("normalize: divide_by_sum divides weights by their sum, as scipy does", "[normalize]") {
    auto n = normalized(std::vector<double>{1, 1, 2}, divide);
    CHECK_THAT(n[0], WithinRel(0.25, 1e-15));
    CHECK_THAT(n[2], WithinRel(0.5, 1e-15));
    // as mlm-entropy: weights whose sum overflows are refused, not silently 0
    CHECK_THROWS_WITH(normalized(std::vector<double>{1e308, 1e308, 0.0}, divide), "the weights sum to infinity");
}

TEST_CASE("normalize: smoothing adds eps to every outcome before normalizing",
          "[normalize][smooth]") {
    auto n = normalized(std::vector<double>{1, 0}, {.smooth = 1});
    CHECK_THAT(n[0], WithinRel(2.0 / 3, 1e-15));
    CHECK_THAT(n[1], WithinRel(1.0 / 3, 1e-15));
    // smoothing makes a zero in Q finite
    auto p = normalized(std::vector<double>{0.5, 0.5}, {.smooth = 1e-9});
    auto q = normalized(std::vector<double>{1, 0}, {.smooth = 1e-9});
    CHECK(std::isfinite(mlm::info::kl_divergence(p, q).value));
    CHECK_THROWS_AS(normalized(std::vector<double>{1, 0}, {.smooth = -1}), mlm::UsageError);
}

TEST_CASE("normalize: probabilities must sum to 1 within 1e-6, then sum to 1 exactly", "[normalize][probabilities]") {
    // The default reading: counts given where probabilities belong are refused.
    CHECK_THROWS_AS(normalized(std::vector<double>{1, 1, 1, 1}), mlm::info::NotProbabilities);
    CHECK_THROWS_WITH(normalized(std::vector<double>{1, 1, 1, 1}), "weights sum to 4, not 1");
    CHECK_THROWS_WITH(normalized(std::vector<double>{0.5, 0.4999}), "weights sum to 0.9999, not 1");
    CHECK_NOTHROW(normalized(std::vector<double>{0.1, 0.2, 0.7}));
    // Within the tolerance: accepted, and divided by the sum.
    auto n = normalized(std::vector<double>{0.5, 0.5 + 9e-7});
    CHECK_THAT(n[0] + n[1], WithinAbs(1.0, 1e-15));
    CHECK_THAT(n[0], WithinRel(0.5 / (1 + 9e-7), 1e-15));
    CHECK_THROWS_AS(normalized(std::vector<double>{0.5, 0.5 + 2e-6}), mlm::info::NotProbabilities);
    CHECK_THROWS_AS(normalized(std::vector<double>{0.5, 0.5 - 2e-6}), mlm::info::NotProbabilities);
    // The check is on the raw weights; smoothing comes after it.
    CHECK_NOTHROW(normalized(std::vector<double>{1, 0}, {.smooth = 5}));
    CHECK_THROWS_AS(normalized(std::vector<double>{2, 0}, {.smooth = 5}), mlm::info::NotProbabilities);
}

TEST_CASE("normalize: bad weights are input errors naming the 1-based position",
          "[normalize][error]") {
    using V = std::vector<double>;
    double inf = std::numeric_limits<double>::infinity();
    CHECK_THROWS_AS(normalized(V{0.5, -0.2, 0.7}), mlm::InputError);
    CHECK_THROWS_WITH(normalized(V{0.5, -0.2, 0.7}),
                      "weights must be finite and >= 0, got -0.2 in position 2");
    CHECK_THROWS_WITH(normalized(V{0.5, std::nan(""), 0.7}), Contains("got nan in position 2"));
    CHECK_THROWS_WITH(normalized(V{inf}), Contains("got inf in position 1"));
    CHECK_THROWS_WITH(normalized(V{0, 0, 0}), Contains("all weights are zero"));
    CHECK_THROWS_WITH(normalized(V{}), Contains("no weights"));
}

TEST_CASE("divergence: sides of different sizes are an input error", "[kl][error]") {
    std::vector<double> p{0.5, 0.5}, q{0.2, 0.3, 0.5};
    CHECK_THROWS_WITH(mlm::info::kl_divergence(p, q), "P has 2 outcomes but Q has 3");
    CHECK_THROWS_AS(mlm::info::js_divergence(p, q), mlm::InputError);
    CHECK_THROWS_AS(mlm::info::cross_entropy(p, q), mlm::InputError);
    CHECK_THROWS_AS(mlm::info::population_stability_index(p, q), mlm::InputError);
}
