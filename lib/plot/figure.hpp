// The drawing model both renderers read: a figure is a title, two axes with
// their ticks, and series of marks in data coordinates. Nothing here knows
// about pixels or terminal cells; an axis maps a value to a fraction of its
// length, t = (v - lo) / (hi - lo), or (log v - log lo) / (log hi - log lo).
#pragma once

#include "plot/nice_ticks.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace mlm::plot {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};

// The i-th colour of the series palette (Tableau 10, repeating).
Color palette(std::size_t i);
// The colour for a fraction t in [0, 1] of a sequential scale (viridis
// stops), for contour levels.
Color sequential(double t);

enum class MarkKind {
    points,    // a dot at each (x, y)
    line,      // a polyline through the points in order
    bars,      // a bar from 0 to y, centred on x, `bar_width` wide
    segments,  // independent segments: points 2k and 2k+1
    arrows,    // a polyline with an arrowhead on each step
};

struct Series {
    std::string name;  // shown in the legend when in_legend
    MarkKind kind = MarkKind::points;
    Color color;
    std::vector<double> x, y;
    double bar_width = 1;
    bool in_legend = true;
};

struct Axis {
    std::string label;
    bool log = false;
    Ticks ticks;  // ticks.lo, ticks.hi: the range drawn

    // Where v falls along the axis: 0 at lo, 1 at hi.
    double fraction(double v) const;
};

// An axis over the data range [lo, hi] with nice ticks (log: lo > 0).
Axis make_axis(std::string label, double lo, double hi, bool log = false);
// An axis with one tick per category at 0, 1, ..., n-1 (bar charts).
Axis category_axis(std::string label, const std::vector<std::string>& categories);

struct Figure {
    std::string title;
    Axis x, y;
    std::vector<Series> series;

    // The series the legend lists: those with in_legend and a name.
    std::vector<const Series*> legend() const;
};

// The smallest and largest finite values of `v` (NaN, NaN when none).
std::pair<double, double> finite_range(const std::vector<double>& v);

}  // namespace mlm::plot
