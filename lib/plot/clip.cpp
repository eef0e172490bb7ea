#include "plot/clip.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::plot {

bool clip_segment(double& x0, double& y0, double& x1, double& y1, double lo_x, double lo_y, double hi_x,
                  double hi_y) {
    if (!(std::isfinite(x0) && std::isfinite(y0) && std::isfinite(x1) && std::isfinite(y1))) return false;
    // In long double: x1 - x0 overflows a double for ends at -1e308 and 1e308.
    long double t0 = 0, t1 = 1;
    const long double dx = static_cast<long double>(x1) - x0, dy = static_cast<long double>(y1) - y0;
    const long double p[4] = {-dx, dx, -dy, dy};
    const long double q[4] = {static_cast<long double>(x0) - lo_x, hi_x - static_cast<long double>(x0),
                              static_cast<long double>(y0) - lo_y, hi_y - static_cast<long double>(y0)};
    int from = -1, to = -1;  // the box sides that cut the start and the end, if any
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0) return false;
            continue;
        }
        const long double r = q[k] / p[k];
        if (p[k] < 0 && r > t0) t0 = r, from = k;
        if (p[k] > 0 && r < t1) t1 = r, to = k;
        if (t0 > t1) return false;
    }
    // An end cut by a side lies on it exactly: x0 + t·dx would cancel to noise for x0 = -1e308.
    const double side[4] = {lo_x, hi_x, lo_y, hi_y};
    auto at = [&](long double t, int cut, double& x, double& y) {
        const long double px = x0 + t * dx, py = y0 + t * dy;
        x = cut == 0 || cut == 1 ? side[cut] : static_cast<double>(px);
        y = cut == 2 || cut == 3 ? side[cut] : static_cast<double>(py);
    };
    double ax = x0, ay = y0, bx = x1, by = y1;
    if (from >= 0) at(t0, from, ax, ay);
    if (to >= 0) at(t1, to, bx, by);
    x0 = ax, y0 = ay, x1 = bx, y1 = by;
    return true;
}

}  // namespace mlm::plot
