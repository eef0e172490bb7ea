#include "plot/contour.hpp"

#include <cmath>

namespace mlm::plot {

void contour_segments(const Grid& grid, double level, std::vector<double>& xs, std::vector<double>& ys) {
    const std::size_t nx = grid.x.size(), ny = grid.y.size();
    auto f = [&](std::size_t i, std::size_t j) { return grid.f[j * nx + i]; };
    for (std::size_t j = 0; j + 1 < ny; ++j)
        for (std::size_t i = 0; i + 1 < nx; ++i) {
            // Corners counter-clockwise from the lower left, and the edges between them.
            const double v[4] = {f(i, j), f(i + 1, j), f(i + 1, j + 1), f(i, j + 1)};
            const double cx[4] = {grid.x[i], grid.x[i + 1], grid.x[i + 1], grid.x[i]};
            const double cy[4] = {grid.y[j], grid.y[j], grid.y[j + 1], grid.y[j + 1]};
            if (!(std::isfinite(v[0]) && std::isfinite(v[1]) && std::isfinite(v[2]) && std::isfinite(v[3]))) continue;
            int code = 0;
            for (int k = 0; k < 4; ++k) code |= (v[k] > level ? 1 : 0) << k;
            if (code == 0 || code == 15) continue;
            auto cross = [&](int e, double& px, double& py) {  // edge e joins corner e and e+1
                // From the corner nearer the grid origin, as the neighbouring cell does:
                // both then compute the shared crossing to the same bits.
                const int a = e < 2 ? e : (e + 1) % 4, b = e < 2 ? e + 1 : e;
                const double t = (level - v[a]) / (v[b] - v[a]);
                px = cx[a] + t * (cx[b] - cx[a]);
                py = cy[a] + t * (cy[b] - cy[a]);
            };
            // Edges whose corners straddle the level, in order around the cell.
            int edges[4], n = 0;
            for (int e = 0; e < 4; ++e)
                if (((code >> e) & 1) != ((code >> ((e + 1) % 4)) & 1)) edges[n++] = e;
            if (n == 4) {  // a saddle: pair edges so that the centre's side is kept connected
                const bool centre_above = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
                const bool first_above = (code & 1) != 0;
                if (centre_above == first_above) {  // corner 0's region joins the centre: cut off 1 and 3
                    edges[0] = 0; edges[1] = 1; edges[2] = 2; edges[3] = 3;
                } else {
                    edges[0] = 3; edges[1] = 0; edges[2] = 1; edges[3] = 2;
                }
            }
            for (int k = 0; k + 1 < n; k += 2) {
                double x0, y0, x1, y1;
                cross(edges[k], x0, y0);
                cross(edges[k + 1], x1, y1);
                xs.insert(xs.end(), {x0, x1});
                ys.insert(ys.end(), {y0, y1});
            }
        }
}

}  // namespace mlm::plot
