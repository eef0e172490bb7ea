// Axis ticks at round numbers: Heckbert's "nice numbers" (Graphics Gems, 1990).
// A step is 1, 2 or 5 times a power of ten, chosen so that about `target` ticks
// cover [lo, hi]; the axis then runs from floor(lo/step)·step to
// ceil(hi/step)·step ("loose" labels), so the data never touches a frame that
// has no tick. Log axes tick at powers of ten (and 2, 5 between them when the
// data spans less than two decades).
#pragma once

#include <string>
#include <vector>

namespace mlm::plot {

struct Tick {
    double value = 0;
    std::string label;
};

struct Ticks {
    double lo = 0, hi = 1;  // the axis range, widened to whole steps
    double step = 1;        // 0 for a log axis
    std::vector<Tick> ticks;
};

// The nice number near x > 0: 1, 2, 5 or 10 times a power of ten, rounded to
// the nearest (round) or the next above (!round).
double nice_number(double x, bool round);

// Ticks for finite lo <= hi; lo == hi widens to a unit around it.
Ticks nice_ticks(double lo, double hi, int target = 5);

// Ticks for a log axis over 0 < lo <= hi: powers of ten, every k-th one over
// more than 8 decades.
Ticks log_ticks(double lo, double hi);

}  // namespace mlm::plot
