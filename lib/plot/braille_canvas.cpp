#include "plot/braille_canvas.hpp"

#include "plot/clip.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace mlm::plot {

BrailleCanvas::BrailleCanvas(int columns, int rows)
    : columns_(std::max(columns, 1)), rows_(std::max(rows, 1)),
      bits_(static_cast<std::size_t>(columns_) * rows_, 0), color_(bits_.size(), -1) {}

void BrailleCanvas::set(int x, int y, int color) {
    if (x < 0 || y < 0 || x >= width() || y >= height()) return;
    // Dot numbering of the braille block: 1-3 and 7 down the left, 4-6 and 8 down the right.
    static const std::uint8_t dot[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
    const std::size_t k = index(x / 2, y / 4);
    bits_[k] |= dot[y % 4][x % 2];
    color_[k] = color;
}

void BrailleCanvas::line(double x0, double y0, double x1, double y1, int color) {
    if (!clip_segment(x0, y0, x1, y1, -1, -1, width(), height())) return;
    int ax = static_cast<int>(std::lround(x0)), ay = static_cast<int>(std::lround(y0));
    const int bx = static_cast<int>(std::lround(x1)), by = static_cast<int>(std::lround(y1));
    const int dx = std::abs(bx - ax), dy = -std::abs(by - ay);
    const int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1;
    int err = dx + dy;
    for (;;) {
        set(ax, ay, color);
        if (ax == bx && ay == by) break;
        const int e2 = 2 * err;
        if (e2 >= dy) { err += dy; ax += sx; }
        if (e2 <= dx) { err += dx; ay += sy; }
    }
}

std::string BrailleCanvas::glyph(int column, int row) const {
    const std::uint8_t bits = bits_[index(column, row)];
    if (bits == 0) return " ";
    const unsigned code = 0x2800u + bits;  // three bytes of UTF-8
    return {static_cast<char>(0xE0 | (code >> 12)), static_cast<char>(0x80 | ((code >> 6) & 0x3F)),
            static_cast<char>(0x80 | (code & 0x3F))};
}

}  // namespace mlm::plot
