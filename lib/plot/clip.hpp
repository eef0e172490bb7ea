// Liang-Barsky line clipping: the part of a segment inside an axis-aligned
// box. Both renderers clip before drawing, so that a step of a diverging
// descent that lands at 1e300 draws as a line to the frame, not as an
// overflow in a rasterizer.
#pragma once

namespace mlm::plot {

// Shortens (x0, y0)-(x1, y1) to its part in [lo_x, hi_x] x [lo_y, hi_y];
// false when no part of it is inside (or a coordinate is not finite).
bool clip_segment(double& x0, double& y0, double& x1, double& y1, double lo_x, double lo_y, double hi_x,
                  double hi_y);

}  // namespace mlm::plot
