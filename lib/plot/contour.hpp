// Level curves of a function sampled on a grid, by marching squares: in each
// grid cell, the level crosses an edge where the corner values straddle it, at
// the linear interpolation t = (level - f0) / (f1 - f0) along that edge; the
// crossings pair up into segments (a saddle, two opposite corners above, is
// resolved by the mean of the four corners). Cells with a non-finite corner
// are skipped.
#pragma once

#include <vector>

namespace mlm::plot {

struct Grid {
    std::vector<double> x, y;  // ascending sample positions
    std::vector<double> f;     // f[j * x.size() + i] = f(x[i], y[j])
};

// Appends the segments of the level curve f = level to xs, ys: points 2k and
// 2k+1 are the ends of segment k.
void contour_segments(const Grid& grid, double level, std::vector<double>& xs, std::vector<double>& ys);

}  // namespace mlm::plot
