#include "plot/density_grid.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::plot {

double DensityGrid::shade(std::uint32_t c, double floor) const {
    if (max_count <= 1) return 1;
    return floor + (1 - floor) * std::log1p(static_cast<double>(c) - 1) / std::log1p(static_cast<double>(max_count) - 1);
}

DensityGrid density_grid(const std::vector<double>& x, const std::vector<double>& y, double width,
                         double height, double cell) {
    DensityGrid g;
    g.cell = cell;
    g.columns = std::max(1, static_cast<int>(std::ceil(width / cell)));
    g.rows = std::max(1, static_cast<int>(std::ceil(height / cell)));
    g.count.assign(static_cast<std::size_t>(g.columns) * static_cast<std::size_t>(g.rows), 0);
    const std::size_t n = std::min(x.size(), y.size());
    const double inverse = 1 / cell;
    for (std::size_t i = 0; i < n; ++i) {
        // The comparisons are false for NaN, so non-finite points fall out here too.
        if (!(x[i] >= 0 && x[i] < width && y[i] >= 0 && y[i] < height)) continue;
        const auto c = static_cast<std::size_t>(x[i] * inverse), r = static_cast<std::size_t>(y[i] * inverse);
        std::uint32_t& k = g.count[r * static_cast<std::size_t>(g.columns) + c];
        g.max_count = std::max(g.max_count, ++k);
    }
    return g;
}

}  // namespace mlm::plot
