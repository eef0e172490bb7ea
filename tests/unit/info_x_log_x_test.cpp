// info::x_log_x against x * logl(x) in long double (64-bit significand, so
// its rounding to double is the correctly rounded term but for rare ties):
// within 2 ulps over every exponent, subnormals, around 1 and around the
// reduction's seam at sqrt(2)/2; and the four-lane path equal, bit for bit,
// to the one-value path at every length and offset.
#include "info/x_log_x.hpp"

#include <catch2/catch.hpp>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace {

// Distance in representable doubles between two finite doubles of one sign.
std::int64_t ulps_apart(double a, double b) {
    const auto x = std::bit_cast<std::int64_t>(a), y = std::bit_cast<std::int64_t>(b);
    return x > y ? x - y : y - x;
}

double reference(double x) {
    return x > 0 ? static_cast<double>(static_cast<long double>(x) * std::log(static_cast<long double>(x))) : 0.0;
}

std::vector<double> hard_weights() {
    std::mt19937_64 rng(2026);
    std::vector<double> xs;
    for (int i = 0; i < 400000; ++i)  // any finite positive bit pattern: every exponent, subnormals
        xs.push_back(std::bit_cast<double>(rng() & 0x7fefffffffffffffULL));
    std::uniform_real_distribution<double> weights(0, 10), near_one(-1e-7, 1e-7);
    for (int i = 0; i < 200000; ++i) xs.push_back(weights(rng));
    for (int i = 0; i < 100000; ++i) xs.push_back(1 + near_one(rng));
    for (double seam : {std::sqrt(0.5), std::sqrt(2.0), 1.0, 0.5, 2.0}) {
        double down = seam, up = seam;
        for (int u = 0; u < 200; ++u) {
            xs.push_back(down);
            xs.push_back(up);
            down = std::nextafter(down, 0.0);
            up = std::nextafter(up, 3.0);
        }
    }
    for (double x : {std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min(),
                     std::nextafter(std::numeric_limits<double>::min(), 0.0), std::numeric_limits<double>::max(),
                     std::numeric_limits<double>::epsilon(), 1e-300, 1e300})
        xs.push_back(x);
    return xs;
}

}  // namespace

TEST_CASE("x_log_x: within 2 ulps of x ln x, for every exponent and at the seams", "[info][x_log_x]") {
    const std::vector<double> xs = hard_weights();
    std::vector<double> terms(xs.size());
    mlm::info::x_log_x(xs, terms);
    std::int64_t worst = 0;
    double worst_at = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double want = reference(xs[i]);
        // Terms of subnormal size are judged in absolute terms: one step of
        // 2^-1074 is all the format has there.
        if (std::fabs(want) < std::numeric_limits<double>::min()) {
            REQUIRE(std::fabs(terms[i] - want) <= 2 * std::numeric_limits<double>::denorm_min());
            continue;
        }
        const std::int64_t apart = ulps_apart(terms[i], want);
        if (apart > worst) worst = apart, worst_at = xs[i];
    }
    INFO("worst at x = " << worst_at);
    CHECK(worst <= 2);
}

TEST_CASE("x_log_x: 0 log 0 is 0, 1 log 1 is 0, and 2^k log 2^k is k 2^k ln 2", "[info][x_log_x]") {
    CHECK(mlm::info::x_log_x(0.0) == 0.0);
    CHECK(mlm::info::x_log_x(1.0) == 0.0);
    for (int k = -1074; k <= 1023; k += 7) {
        const double x = std::ldexp(1.0, k);
        INFO("k = " << k);
        CHECK(mlm::info::x_log_x(x) == Approx(x * k * std::log(2.0)).epsilon(1e-15));
    }
}

TEST_CASE("x_log_x: four at a time is one at a time, at every length", "[info][x_log_x]") {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> weights(0, 3);
    std::vector<double> xs(40);
    for (double& x : xs) x = weights(rng);
    xs[3] = 0;
    xs[10] = 1;
    for (std::size_t n = 0; n <= xs.size(); ++n) {
        for (std::size_t offset : {0u, 1u, 3u}) {
            if (offset > n) continue;
            std::span<const double> in(xs.data() + offset, n - offset);
            std::vector<double> out(in.size(), -1);
            mlm::info::x_log_x(in, out);
            for (std::size_t i = 0; i < in.size(); ++i)
                REQUIRE(std::bit_cast<std::uint64_t>(out[i]) ==
                        std::bit_cast<std::uint64_t>(mlm::info::x_log_x(in[i])));
        }
    }
}
