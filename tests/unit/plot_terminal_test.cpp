#include "plot/braille_canvas.hpp"
#include "plot/density_grid.hpp"
#include "plot/terminal_render.hpp"

#include <catch2/catch.hpp>

using mlm::plot::BrailleCanvas;

TEST_CASE("plot: braille dots map to the Unicode braille bits", "[plot][terminal]") {
    BrailleCanvas c(2, 1);
    c.set(0, 0, 0);  // dot 1: U+2801
    CHECK(c.glyph(0, 0) == "\u2801");
    c.set(1, 3, 0);  // dot 8: U+2881
    CHECK(c.glyph(0, 0) == "\u2881");
    CHECK(c.glyph(1, 0) == " ");
    c.set(2, 1, 0);  // second cell, dot 2
    CHECK(c.glyph(1, 0) == "\u2802");
    c.set(99, 99, 0);  // off the canvas: ignored
}

TEST_CASE("plot: a line far off the canvas is clipped, not walked", "[plot][terminal][edge]") {
    BrailleCanvas c(4, 2);
    c.line(0, 0, 1e300, 1e300, 0);  // the diagonal from the corner
    CHECK(!c.empty(0, 0));
    c.line(-1e308, 3, 1e308, 3, 1);  // a horizontal through row 0
    CHECK(!c.empty(3, 0));
    c.line(NAN, 0, 1, 1, 0);  // nothing
}

TEST_CASE("plot: density grid counts points per cell", "[plot][density]") {
    auto g = mlm::plot::density_grid({0.5, 0.7, 3.2, -1, NAN, 9.9}, {0.5, 0.1, 0.5, 0, 0, 9.9}, 10, 10, 2);
    CHECK(g.columns == 5);
    CHECK(g.rows == 5);
    CHECK(g.count[0] == 2);
    CHECK(g.count[1] == 1);
    CHECK(g.count[24] == 1);
    CHECK(g.max_count == 2);
    CHECK(g.shade(2) == 1);
    CHECK(g.shade(1) < 1);
}

TEST_CASE("plot: terminal drawing respects the asked size and colours only when asked", "[plot][terminal]") {
    mlm::plot::Figure f;
    f.x = mlm::plot::make_axis("x", 0, 10);
    f.y = mlm::plot::make_axis("y", 0, 10);
    mlm::plot::Series s;
    s.kind = mlm::plot::MarkKind::line;
    s.x = {0, 10};
    s.y = {0, 10};
    f.series = {s, s};
    // Names of two letters: g++ 12 warns (-Wrestrict, falsely) on assigning a one-letter literal here.
    f.series[0].name = "s1";
    f.series[1].name = "s2";
    const std::string plain = mlm::plot::render_terminal(f, {40, 12}, false);
    std::size_t lines = 0, start = 0;
    for (std::size_t nl; (nl = plain.find('\n', start)) != std::string::npos; start = nl + 1) {
        ++lines;
        std::size_t cells = 0;  // UTF-8 characters
        for (std::size_t i = start; i < nl; ++i) cells += (static_cast<unsigned char>(plain[i]) & 0xC0) != 0x80;
        CHECK(cells <= 40);
    }
    CHECK(lines == 12);
    CHECK(plain.find('\x1b') == std::string::npos);
    const std::string colored = mlm::plot::render_terminal(f, {40, 12}, true);
    CHECK(colored.find("\x1b[38;2;") != std::string::npos);
}

TEST_CASE("plot: a million points in the terminal: dense cells full, a lone point one dot", "[plot][terminal][density]") {
    mlm::plot::Figure f;
    f.x = mlm::plot::make_axis("x", 0, 10);
    f.y = mlm::plot::make_axis("y", 0, 10);
    mlm::plot::Series s;
    for (int i = 0; i < 1000000; ++i) {  // all on (0, 10), the top left dot, but one at (10, 0)
        s.x.push_back(i ? 0 : 10);
        s.y.push_back(i ? 10 : 0);
    }
    f.series = {s};
    const std::string text = mlm::plot::render_terminal(f, {30, 10}, false);
    CHECK(text.find("\u28FF") != std::string::npos);  // all eight dots: the dense cell
    CHECK(text.find("\u2801") != std::string::npos);  // dot 1 alone: the lone point's cell
}
