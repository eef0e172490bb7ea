#include "plot/figure.hpp"
#include "plot/nice_ticks.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using Catch::Matchers::WithinRel;
using mlm::plot::nice_number;
using mlm::plot::nice_ticks;

// Expected values follow from the definition (Heckbert, Graphics Gems 1990):
// a nice number is 1, 2, 5 or 10 times a power of ten; rounding picks the
// nearest with cut points 1.5, 3 and 7, the ceiling picks the next at or above.

TEST_CASE("plot: nice numbers round to 1, 2, 5 or 10 times a power of ten", "[plot][ticks]") {
    CHECK_THAT(nice_number(36, false), WithinRel(50.0, 1e-15));
    CHECK_THAT(nice_number(36, true), WithinRel(50.0, 1e-15));  // 3.6 >= 3: 5
    CHECK_THAT(nice_number(0.0123, true), WithinRel(0.01, 1e-15));
    CHECK_THAT(nice_number(0.0123, false), WithinRel(0.02, 1e-15));
    CHECK_THAT(nice_number(7.5, true), WithinRel(10.0, 1e-15));
    CHECK_THAT(nice_number(2.9e6, true), WithinRel(2e6, 1e-15));
    CHECK_THAT(nice_number(1000, false), WithinRel(1000.0, 1e-15));
}

TEST_CASE("plot: ticks cover the data at whole multiples of a nice step", "[plot][ticks]") {
    // range 36 -> nice 50; 50 / 4 = 12.5 -> 10; axis [0, 40].
    auto t = nice_ticks(0, 36, 5);
    CHECK_THAT(t.step, WithinRel(10.0, 1e-15));
    CHECK(t.lo == 0);
    CHECK_THAT(t.hi, WithinRel(40.0, 1e-15));
    REQUIRE(t.ticks.size() == 5);
    CHECK(t.ticks[0].label == "0");
    CHECK(t.ticks[4].label == "40");
}

TEST_CASE("plot: decimal steps print with the same decimals, 0.3 not 0.30000000000000004", "[plot][ticks]") {
    auto t = nice_ticks(0.1, 0.9, 5);  // range 0.8 -> 1; 1 / 4 = 0.25 -> 0.2
    CHECK_THAT(t.step, WithinRel(0.2, 1e-15));
    std::vector<std::string> labels;
    for (const auto& tick : t.ticks) labels.push_back(tick.label);
    CHECK(labels == std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});
}

TEST_CASE("plot: negative ranges and a zero tick without a minus sign", "[plot][ticks]") {
    auto t = nice_ticks(-3, 3, 5);  // range 6 -> 10; 10 / 4 = 2.5 -> 2 (2.5 < 3)
    CHECK_THAT(t.step, WithinRel(2.0, 1e-15));
    std::vector<std::string> labels;
    for (const auto& tick : t.ticks) labels.push_back(tick.label);
    CHECK(labels == std::vector<std::string>{"-4", "-2", "0", "2", "4"});
}

TEST_CASE("plot: a constant column gets an axis around its value", "[plot][ticks][edge]") {
    auto t = nice_ticks(5, 5, 5);
    CHECK(t.lo < 5);
    CHECK(t.hi > 5);
    auto z = nice_ticks(0, 0, 5);
    CHECK(z.lo < 0);
    CHECK(z.hi > 0);
}

TEST_CASE("plot: every tick lies in the axis range and ticks ascend", "[plot][ticks]") {
    for (double lo : {-1e6, -7.3, 0.0, 1e-9, 3.0})
        for (double width : {1e-12, 0.37, 1.0, 42.0, 1e9}) {
            auto t = nice_ticks(lo, lo + width, 6);
            REQUIRE(t.ticks.size() >= 2);
            // Within a billionth of a step: the tolerance that keeps 0.1 * 3 from adding a tick.
            CHECK(t.lo <= lo + 1e-9 * t.step);
            CHECK(t.hi >= lo + width - 1e-9 * t.step);
            for (std::size_t i = 1; i < t.ticks.size(); ++i) CHECK(t.ticks[i].value > t.ticks[i - 1].value);
            CHECK(t.ticks.size() <= 12);
        }
}

TEST_CASE("plot: log ticks at powers of ten", "[plot][ticks][log]") {
    auto t = mlm::plot::log_ticks(0.003, 250);
    CHECK_THAT(t.lo, WithinRel(1e-3, 1e-12));
    CHECK_THAT(t.hi, WithinRel(1e3, 1e-12));
    std::vector<std::string> labels;
    for (const auto& tick : t.ticks) labels.push_back(tick.label);
    CHECK(labels == std::vector<std::string>{"0.001", "0.01", "0.1", "1", "10", "100", "1000"});
    // Less than two decades: 2 and 5 between the powers.
    auto fine = mlm::plot::log_ticks(1.5, 40);
    CHECK(fine.ticks.size() == 7);  // 1 2 5 10 20 50 100
}

TEST_CASE("plot: log ticks over many decades keep every k-th power", "[plot][ticks][log]") {
    auto t = mlm::plot::log_ticks(1e-12, 100);  // 14 decades: every 2nd power
    REQUIRE(t.ticks.size() == 8);
    CHECK(t.ticks[0].label == "1e-12");
    CHECK(t.ticks[1].label == "1e-10");
    CHECK(t.ticks[7].label == "100");
}

TEST_CASE("plot: ticks over a range wider than the largest double", "[plot][ticks][edge]") {
    auto t = nice_ticks(-1e308, 1e308, 5);
    CHECK(std::isfinite(t.step));
    CHECK(t.lo <= -1e308);
    CHECK(t.hi >= 1e308);
    CHECK(t.ticks.size() >= 3);
    CHECK(t.ticks.size() <= 8);  // step 4e307: -1.2e308 to 1.2e308
    mlm::plot::Axis a;
    a.ticks = t;
    CHECK_THAT(a.fraction(0), Catch::Matchers::WithinAbs(0.5, 1e-12));
}
