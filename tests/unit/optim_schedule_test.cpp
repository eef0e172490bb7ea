#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "error.hpp"
#include "optim/schedule.hpp"

using namespace mlm::optim;
using Catch::Matchers::WithinRel;
using Catch::Matchers::WithinAbs;

TEST_CASE("schedule: constant, step and exp follow PyTorch's StepLR and ExponentialLR", "[schedule]") {
    CHECK(parse_schedule("constant").factor(1000) == 1);
    const auto step = parse_schedule("step:10:0.5");
    CHECK(step.factor(1) == 1);    // epoch 0
    CHECK(step.factor(10) == 1);   // epoch 9
    CHECK(step.factor(11) == 0.5); // epoch 10
    CHECK(step.factor(25) == 0.25);
    const auto exp = parse_schedule("exp:0.9");
    CHECK(exp.factor(1) == 1);
    CHECK_THAT(exp.factor(4), WithinRel(0.729, 1e-15));
}

TEST_CASE("schedule: cosine follows CosineAnnealingLR's closed form with eta_min 0", "[schedule]") {
    const auto c = parse_schedule("cosine:100");
    CHECK(c.factor(1) == 1);
    CHECK_THAT(c.factor(51), WithinAbs(0.5, 1e-15));
    CHECK_THAT(c.factor(101), WithinAbs(0.0, 1e-15));
    CHECK_THAT(c.factor(26), WithinRel((1 + std::cos(std::numbers::pi / 4)) / 2, 1e-15));
}

TEST_CASE("schedule: warmup rises linearly to the base rate, then the other schedule starts", "[schedule]") {
    const auto w = parse_schedule("warmup:4");
    CHECK(w.factor(1) == 0.25);
    CHECK(w.factor(4) == 1);
    CHECK(w.factor(100) == 1);
    const auto wc = parse_schedule("warmup:10,cosine:100");
    CHECK(wc.factor(5) == 0.5);
    CHECK(wc.factor(11) == 1);  // cosine at its epoch 0
    CHECK_THAT(wc.factor(61), WithinAbs(0.5, 1e-15));
    CHECK(parse_schedule("exp:0.5,warmup:2").factor(4) == 0.5);
    CHECK(parse_schedule("step:10:0.5,warmup:3").text() == "warmup:3,step:10:0.5");
}

TEST_CASE("schedule: malformed schedules are usage errors that say why", "[schedule][error]") {
    CHECK_THROWS_WITH(parse_schedule("linear"),
                      "bad schedule 'linear': expected constant, step:EVERY:GAMMA, exp:GAMMA, cosine:T or warmup:N");
    CHECK_THROWS_WITH(parse_schedule("step:0:0.5"), "bad schedule 'step:0:0.5': EVERY must be a positive integer, got '0'");
    CHECK_THROWS_WITH(parse_schedule("step:10"),
                      "bad schedule 'step:10': expected constant, step:EVERY:GAMMA, exp:GAMMA, cosine:T or warmup:N");
    CHECK_THROWS_WITH(parse_schedule("exp:-1"), "bad schedule 'exp:-1': GAMMA must be a positive number, got '-1'");
    CHECK_THROWS_WITH(parse_schedule("cosine:abc"), "bad schedule 'cosine:abc': T must be a positive number, got 'abc'");
    CHECK_THROWS_WITH(parse_schedule("warmup:2.5"), "bad schedule 'warmup:2.5': N must be a positive integer, got '2.5'");
    CHECK_THROWS_WITH(parse_schedule("exp:0.9,cosine:10"),
                      "bad schedule 'exp:0.9,cosine:10': only a warmup combines with another schedule");
    CHECK_THROWS_WITH(parse_schedule("warmup:2,warmup:3"), "bad schedule 'warmup:2,warmup:3': warmup given twice");
    CHECK_THROWS_AS(parse_schedule(""), mlm::UsageError);
}
