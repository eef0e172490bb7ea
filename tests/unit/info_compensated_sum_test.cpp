// The shared compensated sum (lib/compensated_sum.hpp): exact where a naive
// sum is not, and IEEE's answer for infinite and nan terms, never the nan that
// the Neumaier correction computes from inf - inf.
#include "compensated_sum.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

using Catch::Matchers::WithinRel;


namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double qnan = std::numeric_limits<double>::quiet_NaN();

double sum_of(std::vector<double> terms) { return mlm::compensated_sum(terms); }
}  // namespace

TEST_CASE("compensated sum: one inf among finite terms is inf, not nan", "[sum][edge]") {
    // The bug: xent --eps 0 and kl --rows --mean printed nan for a mean over
    // rows with one infinite row; numpy.sum and scikit-learn give inf.
    CHECK(sum_of({1, inf, 2}) == inf);
    CHECK(sum_of({inf, 1}) == inf);
    CHECK(sum_of({0.5, 0.25, inf, inf}) == inf);
    CHECK(sum_of({1, -inf, 2}) == -inf);
    CHECK(sum_of({-inf, -inf, 3}) == -inf);
}

TEST_CASE("compensated sum: inf with -inf, or any nan, is nan", "[sum][edge]") {
    CHECK(std::isnan(sum_of({inf, 1, -inf})));
    CHECK(std::isnan(sum_of({1, qnan, 2})));
    CHECK(std::isnan(sum_of({inf, qnan})));
    CHECK(std::isnan(sum_of({qnan, -inf})));
}

TEST_CASE("compensated sum: a finite sum that overflows is inf", "[sum][edge]") {
    double big = std::numeric_limits<double>::max();
    CHECK(sum_of({big, big}) == inf);
    CHECK(sum_of({-big, -big, 1}) == -inf);
}

TEST_CASE("compensated sum: cancellation keeps the small terms", "[sum][numerics]") {
    // math.fsum([1e100, 1.0, -1e100, 1e-100]) = 1.0; a naive sum gives 0.
    CHECK(sum_of({1e100, 1.0, -1e100, 1e-100}) == 1.0);
    // math.fsum([1, 1e-16] * 10 + [-1] * 10) = 1e-15 (to the rounding of 1e-16 * 10).
    std::vector<double> terms;
    for (int i = 0; i < 10; ++i) terms.insert(terms.end(), {1.0, 1e-16});
    for (int i = 0; i < 10; ++i) terms.push_back(-1.0);
    CHECK_THAT(sum_of(terms), WithinRel(1e-15, 1e-12));
    CHECK(sum_of({}) == 0.0);
}

TEST_CASE("compensated sum: merge of two parts equals one pass, infinities included", "[sum][merge]") {
    mlm::CompensatedSum a, b, whole;
    for (double x : {1e100, 1.0}) { a.add(x); whole.add(x); }
    for (double x : {-1e100, 1e-100}) { b.add(x); whole.add(x); }
    a.merge(b);
    CHECK(a.value() == whole.value());
    CHECK(a.value() == 1.0);
    mlm::CompensatedSum c;
    c.add(inf);
    a.merge(c);
    CHECK(a.value() == inf);
}
