// Reproducible draws: our own mapping from std::mt19937_64 (whose output the
// C++ standard fixes bit for bit) to each family, because the standard
// library's distribution classes differ between implementations. The same
// seed gives the same numbers on every machine.
//   uniform u in [0, 1): the top 53 bits of one 64-bit output, times 2^-53
//   normal:      Box-Muller, z = sqrt(-2 ln(1 - u1)) cos(2 pi u2), then the
//                sine of the same pair for the next draw; mu + sd z
//   uniform:     a + (b - a) u
//   exponential: -log1p(-u) / rate
//   gamma:       Marsaglia-Tsang (2000) for shape >= 1 (a normal and a uniform
//                per try); shape < 1: gamma(shape + 1) u^(1/shape); / rate
//   beta:        X / (X + Y) with X ~ gamma(a, 1), Y ~ gamma(b, 1)
//   bernoulli:   1 when u < p
//   binomial, poisson, categorical: inversion, the smallest k with F(k) >= u
#pragma once

#include <cstdint>
#include <random>

#include "prob/spec.hpp"

namespace mlm::prob {

class Sampler {
public:
    Sampler(Distribution d, std::uint64_t seed);
    double operator()();

private:
    double uniform();         // [0, 1)
    double standard_normal();
    double standard_gamma(double shape);

    Distribution d_;
    std::mt19937_64 rng_;
    double spare_normal_ = 0;
    bool has_spare_ = false;
};

}  // namespace mlm::prob
