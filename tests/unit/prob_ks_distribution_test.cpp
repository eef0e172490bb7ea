#include "prob/ks_distribution.hpp"

#include <cmath>

#include <catch2/catch.hpp>

#include "prob_reference.hpp"

using mlm::test::CloseTo;

TEST_CASE("ks distribution: cdf and sf match scipy's kstwo on every method's ground",
          "[ks][reference]") {
    const auto& grid = mlm::test::reference_json("dist_fit_ks.json")["kstwo"];
    REQUIRE(grid.size() > 200);
    for (const auto& c : grid) {
        auto n = c[0].get<long long>();
        double d = c[1].get<double>();
        INFO("n = " << n << ", d = " << d);
        CHECK_THAT(mlm::prob::ks_distribution_cdf(n, d), CloseTo(c[2].get<double>(), 1e-10, 1e-300));
        CHECK_THAT(mlm::prob::ks_distribution_sf(n, d), CloseTo(c[3].get<double>(), 1e-10, 1e-300));
    }
}

TEST_CASE("ks distribution: edges", "[ks]") {
    CHECK(mlm::prob::ks_distribution_cdf(10, 0) == 0);
    CHECK(mlm::prob::ks_distribution_sf(10, 1) == 0);
    CHECK(mlm::prob::ks_distribution_sf(10, 0.04) == 1);  // below 1/(2n): D_n cannot be there
    CHECK(std::isnan(mlm::prob::ks_distribution_sf(10, std::nan(""))));
    // n = 1: D_1 is uniform on [1/2, 1], so P(D_1 > d) = 2 (1 - d).
    CHECK_THAT(mlm::prob::ks_distribution_sf(1, 0.7), CloseTo(0.6, 1e-15));
}
