#include "plot/cairo_render.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

using mlm::plot::Figure;
using mlm::plot::FileFormat;

namespace {

struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(r->bytes->data() + r->at, length, data);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// The PNG read back with cairo.
std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> decode(const std::string& png) {
    Reader r{&png};
    return {cairo_image_surface_create_from_png_stream(read_bytes, &r), cairo_surface_destroy};
}

struct Rgb {
    int r, g, b;
};

Rgb pixel(cairo_surface_t* s, int x, int y) {
    cairo_surface_flush(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    std::uint32_t argb;
    std::memcpy(&argb, data + y * stride + 4 * x, 4);
    return {static_cast<int>((argb >> 16) & 0xFF), static_cast<int>((argb >> 8) & 0xFF),
            static_cast<int>(argb & 0xFF)};
}

Figure three_points() {
    Figure f;
    f.x = mlm::plot::make_axis("x", 0, 10);
    f.y = mlm::plot::make_axis("y", 0, 10);
    mlm::plot::Series a;
    a.name = "a";
    a.color = mlm::plot::palette(0);  // blue
    a.x = {2, 8};
    a.y = {2, 8};
    mlm::plot::Series b;
    b.name = "b";
    b.color = mlm::plot::palette(3);  // red
    b.x = {8};
    b.y = {2};
    f.series = {a, b};
    return f;
}

bool bluish(Rgb p) { return p.b > p.r + 60 && p.b > 120; }
bool reddish(Rgb p) { return p.r > p.b + 60 && p.r > 120; }

}  // namespace

TEST_CASE("plot: a PNG has the asked size and its colours where the points fall", "[plot][cairo][png]") {
    const Figure f = three_points();
    const mlm::plot::PixelSize size{320, 240};
    const std::string png = mlm::plot::render_file(f, FileFormat::png, size);
    auto s = decode(png);
    REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
    CHECK(cairo_image_surface_get_width(s.get()) == 320);
    CHECK(cairo_image_surface_get_height(s.get()) == 240);
    const auto area = mlm::plot::plot_area(f, size);
    auto at = [&](double x, double y) {
        return pixel(s.get(), static_cast<int>(area.x(f.x, x)), static_cast<int>(area.y(f.y, y)));
    };
    CHECK(bluish(at(2, 2)));
    CHECK(bluish(at(8, 8)));
    CHECK(reddish(at(8, 2)));
    // Where no point falls, the background.
    Rgb empty = at(5, 5);
    CHECK(empty.r == 255);
    CHECK(empty.g == 255);
    CHECK(empty.b == 255);
}

TEST_CASE("plot: a million points draw as a density grid, dense and sparse cells both visible", "[plot][cairo][density]") {
    Figure f;
    f.x = mlm::plot::make_axis("x", 0, 1);
    f.y = mlm::plot::make_axis("y", 0, 1);
    mlm::plot::Series s;
    s.color = mlm::plot::palette(0);
    for (int i = 0; i < 1000000; ++i) {  // all but one point on (0.25, 0.25)
        s.x.push_back(i ? 0.25 : 0.75);
        s.y.push_back(i ? 0.25 : 0.75);
    }
    f.series = {s};
    const mlm::plot::PixelSize size{200, 200};
    auto img = decode(mlm::plot::render_file(f, FileFormat::png, size));
    const auto area = mlm::plot::plot_area(f, size);
    auto at = [&](double x, double y) {
        return pixel(img.get(), static_cast<int>(area.x(f.x, x)), static_cast<int>(area.y(f.y, y)));
    };
    const Rgb dense = at(0.25, 0.25), lone = at(0.75, 0.75);
    CHECK(bluish(dense));
    CHECK(lone.r < 255);  // shaded, lighter than the dense cell
    CHECK(lone.r > dense.r);
}

TEST_CASE("plot: the same figure gives the same bytes in SVG, PNG and PDF", "[plot][cairo][determinism]") {
    const Figure f = three_points();
    for (FileFormat format : {FileFormat::svg, FileFormat::png, FileFormat::pdf}) {
        const std::string a = mlm::plot::render_file(f, format, {}), b = mlm::plot::render_file(f, format, {});
        CHECK(a == b);
        CHECK(a.size() > 100);
    }
    const std::string pdf = mlm::plot::render_file(f, FileFormat::pdf, {});
    CHECK(pdf.rfind("%PDF", 0) == 0);
    CHECK(pdf.find("20000101") != std::string::npos);  // the fixed creation date
    const std::string svg = mlm::plot::render_file(f, FileFormat::svg, {});
    CHECK(svg.find("width=\"640px\"") != std::string::npos);
}
