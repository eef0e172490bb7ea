// A figure drawn as text for a terminal: the plot area in braille dots (2 x 4
// per cell), a y axis with its tick labels on the left, an x axis with its
// tick labels below, the axis labels, and a legend of coloured bullets.
// Colours are 24-bit ANSI escapes, only when asked (a terminal, no NO_COLOR).
#pragma once

#include "plot/figure.hpp"

#include <string>

namespace mlm::plot {

struct TerminalSize {
    int columns = 80;
    int rows = 24;
};

// The drawing, `size.rows` lines at most, none wider than `size.columns`
// cells, without trailing blanks.
std::string render_terminal(const Figure& figure, TerminalSize size, bool color);

}  // namespace mlm::plot
