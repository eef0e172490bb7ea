// Density binning for scatter plots too large to draw point by point: the
// plot area is cut into square cells a few pixels wide and the points are
// counted per cell, so a million points cost one pass and one mark per
// occupied cell. A cell's shade grows with log(1 + count) / log(1 + max count),
// so both a lone outlier and the dense core stay visible.
#pragma once

#include <cstdint>
#include <vector>

namespace mlm::plot {

// Scatter series with more points than this are drawn by density, in both renderers.
inline constexpr std::size_t density_threshold = 20000;

struct DensityGrid {
    int columns = 0, rows = 0;
    double cell = 1;  // cell side in device units
    std::vector<std::uint32_t> count;  // count[row * columns + column]
    std::uint32_t max_count = 0;

    // The shade of a count in (0, 1]: `floor` for a single point, 1 at max_count.
    double shade(std::uint32_t c, double floor = 0.35) const;
};

// Counts the points (x[i], y[i]) given in device units within
// [0, width) x [0, height); points outside or not finite are skipped.
DensityGrid density_grid(const std::vector<double>& x, const std::vector<double>& y, double width,
                         double height, double cell);

}  // namespace mlm::plot
