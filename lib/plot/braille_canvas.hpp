// A canvas of terminal cells, each a Unicode braille character (U+2800 +
// dot bits) holding 2 x 4 pixels, so a w x h cell drawing has 2w x 4h dots.
// A cell takes the colour of the last series that drew in it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mlm::plot {

class BrailleCanvas {
public:
    BrailleCanvas(int columns, int rows);
    int width() const { return 2 * columns_; }   // pixels
    int height() const { return 4 * rows_; }
    int columns() const { return columns_; }
    int rows() const { return rows_; }

    // Pixel (0, 0) is the top left; pixels off the canvas are ignored.
    void set(int x, int y, int color);
    // Bresenham's line between two pixels (clipped to a margin around the
    // canvas first, so a far-away end cannot make it loop for long).
    void line(double x0, double y0, double x1, double y1, int color);

    bool empty(int column, int row) const { return bits_[index(column, row)] == 0; }
    // The cell's character as UTF-8 (a space when no dot is set).
    std::string glyph(int column, int row) const;
    int color(int column, int row) const { return color_[index(column, row)]; }

private:
    std::size_t index(int column, int row) const { return static_cast<std::size_t>(row) * columns_ + column; }
    int columns_, rows_;
    std::vector<std::uint8_t> bits_;
    std::vector<int> color_;
};

}  // namespace mlm::plot
