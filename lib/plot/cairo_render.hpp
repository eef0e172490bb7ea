// A figure drawn with cairo to SVG, PNG or PDF: one drawing code for the three
// surfaces. Scatter series of more than `density_threshold` points are drawn
// as a density grid (density_grid.hpp) of 2-pixel cells instead of one dot per point. The
// output is the same bytes on every run: no timestamps (the PDF's creation
// date is fixed), and SVG ids count from the start of each drawing.
#pragma once

#include "plot/density_grid.hpp"
#include "plot/figure.hpp"

#include <string>

namespace mlm::plot {

enum class FileFormat { svg, png, pdf };

struct PixelSize {
    int width = 640;
    int height = 480;
};

// The plot area inside the frame, in device units (pixels; points for PDF).
struct PlotArea {
    double left = 0, top = 0, width = 0, height = 0;
    double x(const Axis& a, double v) const { return left + a.fraction(v) * width; }
    double y(const Axis& a, double v) const { return top + (1 - a.fraction(v)) * height; }
};

// Where render_file() puts the plot area for this figure and size.
PlotArea plot_area(const Figure& figure, PixelSize size);

// The file's bytes. Throws mlm::IoError when cairo fails.
std::string render_file(const Figure& figure, FileFormat format, PixelSize size);

}  // namespace mlm::plot
