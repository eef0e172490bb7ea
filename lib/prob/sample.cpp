#include "prob/sample.hpp"

#include <cmath>
#include <numbers>

#include "prob/distribution.hpp"

namespace mlm::prob {

Sampler::Sampler(Distribution d, std::uint64_t seed) : d_(std::move(d)), rng_(seed) {}

double Sampler::uniform() { return static_cast<double>(rng_() >> 11) * 0x1p-53; }

double Sampler::standard_normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_normal_;
    }
    double radius = std::sqrt(-2 * std::log1p(-uniform()));  // 1 - u is in (0, 1]
    double angle = 2 * std::numbers::pi * uniform();
    spare_normal_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
}

double Sampler::standard_gamma(double shape) {
    if (shape < 1) {
        // G(a) = G(a + 1) U^(1/a), with U in (0, 1].
        return standard_gamma(shape + 1) * std::pow(1 - uniform(), 1 / shape);
    }
    double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    for (;;) {
        double z = standard_normal(), v = 1 + c * z;
        if (v <= 0) continue;
        v = v * v * v;
        double u = 1 - uniform();
        if (std::log(u) < 0.5 * z * z + d - d * v + d * std::log(v)) return d * v;
    }
}

double Sampler::operator()() {
    return std::visit(
        [this](const auto& f) -> double {
            using F = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<F, Normal>) return f.mu + f.sd * standard_normal();
            else if constexpr (std::is_same_v<F, Uniform>) return f.a + (f.b - f.a) * uniform();
            else if constexpr (std::is_same_v<F, Exponential>) return -std::log1p(-uniform()) / f.rate;
            else if constexpr (std::is_same_v<F, Gamma>) return standard_gamma(f.shape) / f.rate;
            else if constexpr (std::is_same_v<F, Beta>) {
                double x = standard_gamma(f.a), y = standard_gamma(f.b);
                return x / (x + y);
            } else if constexpr (std::is_same_v<F, Bernoulli>) return uniform() < f.p ? 1 : 0;
            else {
                // u = 0 would give the bottom of the support whatever its mass: use (0, 1).
                double u = (static_cast<double>(rng_() >> 11) + 0.5) * 0x1p-53;
                return quantile(d_, u);
            }
        },
        d_.family);
}

}  // namespace mlm::prob
