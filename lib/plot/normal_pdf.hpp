// The normal density N(mu, sd²) at x: exp(-(x - mu)² / (2 sd²)) / (sd·sqrt(2π)),
// for hist --overlay until the distributions of lib/prob are there to draw.
#pragma once

#include <cmath>

namespace mlm::plot {

inline double normal_pdf(double x, double mu, double sd) {
    const double z = (x - mu) / sd;
    return std::exp(-0.5 * z * z) / (sd * std::sqrt(2 * M_PI));
}

}  // namespace mlm::plot
