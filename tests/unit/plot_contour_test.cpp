#include "plot/contour.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using Catch::Matchers::WithinAbs;
using mlm::plot::Grid;

namespace {

Grid sample(double (*f)(double, double), int n, double lo, double hi) {
    Grid g;
    for (int k = 0; k < n; ++k) {
        g.x.push_back(lo + (hi - lo) * k / (n - 1));
        g.y.push_back(lo + (hi - lo) * k / (n - 1));
    }
    for (double y : g.y)
        for (double x : g.x) g.f.push_back(f(x, y));
    return g;
}

}  // namespace

TEST_CASE("plot: contour of a linear function lies exactly on its line", "[plot][contour]") {
    // Linear interpolation along the edges is exact for a plane.
    Grid g = sample([](double x, double y) { return x + 2 * y; }, 11, -1, 1);
    std::vector<double> xs, ys;
    mlm::plot::contour_segments(g, 0.5, xs, ys);
    REQUIRE(!xs.empty());
    REQUIRE(xs.size() % 2 == 0);
    for (std::size_t i = 0; i < xs.size(); ++i) CHECK_THAT(xs[i] + 2 * ys[i], WithinAbs(0.5, 1e-12));
}

TEST_CASE("plot: contour of a bowl is a closed ring near the circle", "[plot][contour]") {
    Grid g = sample([](double x, double y) { return x * x + y * y; }, 101, -2, 2);
    std::vector<double> xs, ys;
    // A level that no grid point hits exactly (a corner on the level makes
    // zero-length segments, drawn as nothing, that would muddle the count below).
    mlm::plot::contour_segments(g, 1.1, xs, ys);
    REQUIRE(xs.size() > 100);
    // Interpolating r^2 linearly over a cell of side h = 0.04 errs by O(h^2).
    for (std::size_t i = 0; i < xs.size(); ++i)
        CHECK_THAT(std::hypot(xs[i], ys[i]), WithinAbs(std::sqrt(1.1), 1e-3));
    // Closed: every end point is shared by exactly two segments.
    std::size_t lonely = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        int shared = 0;
        for (std::size_t j = 0; j < xs.size(); ++j)
            if (j != i && std::abs(xs[i] - xs[j]) < 1e-12 && std::abs(ys[i] - ys[j]) < 1e-12) ++shared;
        if (shared != 1) ++lonely;
    }
    CHECK(lonely == 0);
}

TEST_CASE("plot: contour skips cells with a non-finite corner and levels outside the range", "[plot][contour][edge]") {
    Grid g = sample([](double x, double y) { return x > 0.5 ? NAN : x + y; }, 5, 0, 1);
    std::vector<double> xs, ys;
    mlm::plot::contour_segments(g, 0.5, xs, ys);
    for (double x : xs) CHECK(x <= 0.5);
    std::vector<double> none_x, none_y;
    mlm::plot::contour_segments(g, 100, none_x, none_y);
    CHECK(none_x.empty());
}
