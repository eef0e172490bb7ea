#include "plot/cairo_render.hpp"

#include "error.hpp"
#include "plot/clip.hpp"
#include "plot/density_grid.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace mlm::plot {

namespace {

constexpr double font_size = 12, tick_length = 5, mark_radius = 2.5;
const char* const font = "DejaVu Sans";

struct Destroy {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Context = std::unique_ptr<cairo_t, Destroy>;
using Surface = std::unique_ptr<cairo_surface_t, Destroy>;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void set_font(cairo_t* cr) {
    cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, font_size);
}

double text_width(cairo_t* cr, const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    return e.x_advance;
}

void set_color(cairo_t* cr, Color c, double alpha = 1) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

// Text with its anchor at (x, y): ax, ay in [0, 1] pick the point of the text's box.
void text(cairo_t* cr, const std::string& s, double x, double y, double ax, double ay) {
    cairo_move_to(cr, std::round(x - ax * text_width(cr, s)), std::round(y + (1 - ay) * font_size * 0.72));
    cairo_show_text(cr, s.c_str());
}

PlotArea layout(cairo_t* cr, const Figure& f, PixelSize size) {
    set_font(cr);
    double labels = 0;
    for (const Tick& t : f.y.ticks.ticks) labels = std::max(labels, text_width(cr, t.label));
    PlotArea a;
    a.left = 10 + (f.y.label.empty() ? 0 : font_size + 8) + labels + tick_length + 4;
    a.top = f.title.empty() ? 14 : 14 + font_size + 12;
    const double bottom = tick_length + 6 + font_size + 8 + (f.x.label.empty() ? 0 : font_size + 8);
    a.width = std::max(10.0, size.width - a.left - 16);
    a.height = std::max(10.0, size.height - a.top - bottom);
    return a;
}

void draw_points(cairo_t* cr, const Figure& f, const Series& s, const PlotArea& a) {
    const std::size_t n = std::min(s.x.size(), s.y.size());
    if (n <= density_threshold) {
        for (std::size_t i = 0; i < n; ++i) {
            const double x = a.x(f.x, s.x[i]), y = a.y(f.y, s.y[i]);
            if (!std::isfinite(x) || !std::isfinite(y)) continue;
            cairo_new_path(cr);
            cairo_arc(cr, x, y, mark_radius, 0, 2 * M_PI);
            set_color(cr, s.color, 0.85);
            cairo_fill(cr);
        }
        return;
    }
    std::vector<double> xs(n), ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = a.x(f.x, s.x[i]) - a.left;
        ys[i] = a.y(f.y, s.y[i]) - a.top;
    }
    // Cells one mark wide, a little outside the frame so the edges are not lost.
    const DensityGrid g = density_grid(xs, ys, a.width + 1, a.height + 1, 2);
    // Eight shades, one path each: a handful of fills instead of one per cell.
    constexpr int shades = 8;
    for (int level = 1; level <= shades; ++level) {
        cairo_new_path(cr);
        bool any = false;
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.columns; ++c) {
                const std::uint32_t k = g.count[static_cast<std::size_t>(r) * g.columns + c];
                if (!k || std::min(shades, 1 + static_cast<int>(g.shade(k) * shades * 0.999)) != level) continue;
                cairo_rectangle(cr, a.left + c * g.cell, a.top + r * g.cell, g.cell, g.cell);
                any = true;
            }
        if (!any) continue;
        // Below the marks' and the legend's opacity, so a reader of the SVG can tell them apart.
        set_color(cr, s.color, 0.8 * level / shades);
        cairo_fill(cr);
    }
}

void draw_arrowhead(cairo_t* cr, double x0, double y0, double x1, double y1) {
    const double len = std::hypot(x1 - x0, y1 - y0);
    if (!(len > 1)) return;
    const double ux = (x1 - x0) / len, uy = (y1 - y0) / len, size = std::min(8.0, len * 0.6);
    cairo_new_path(cr);
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x1 - size * ux + size * 0.45 * uy, y1 - size * uy - size * 0.45 * ux);
    cairo_line_to(cr, x1 - size * ux - size * 0.45 * uy, y1 - size * uy + size * 0.45 * ux);
    cairo_close_path(cr);
    cairo_fill(cr);
}

void draw_series(cairo_t* cr, const Figure& f, const Series& s, const PlotArea& a) {
    const std::size_t n = std::min(s.x.size(), s.y.size());
    auto finite = [&](std::size_t i) { return std::isfinite(a.x(f.x, s.x[i])) && std::isfinite(a.y(f.y, s.y[i])); };
    switch (s.kind) {
        case MarkKind::points: draw_points(cr, f, s, a); return;
        case MarkKind::line:
        case MarkKind::arrows:
        case MarkKind::segments: {
            // Each segment clipped to a margin around the frame (see clip.hpp); a
            // polyline stays one path, so its joins are drawn as joins.
            const bool pairs = s.kind == MarkKind::segments;
            const double lo_x = a.left - 20, lo_y = a.top - 20, hi_x = a.left + a.width + 20, hi_y = a.top + a.height + 20;
            cairo_new_path(cr);
            std::vector<std::array<double, 4>> heads;
            for (std::size_t i = 0; i + 1 < n; i += pairs ? 2 : 1) {
                double x0 = a.x(f.x, s.x[i]), y0 = a.y(f.y, s.y[i]), x1 = a.x(f.x, s.x[i + 1]), y1 = a.y(f.y, s.y[i + 1]);
                const double end_x = x1, end_y = y1;
                if (!clip_segment(x0, y0, x1, y1, lo_x, lo_y, hi_x, hi_y)) continue;
                double cx = 0, cy = 0;
                if (!cairo_has_current_point(cr) || (cairo_get_current_point(cr, &cx, &cy), cx != x0 || cy != y0))
                    cairo_move_to(cr, x0, y0);
                cairo_line_to(cr, x1, y1);
                if (s.kind == MarkKind::arrows && x1 == end_x && y1 == end_y)
                    heads.push_back({a.x(f.x, s.x[i]), a.y(f.y, s.y[i]), x1, y1});
            }
            if (n == 1 && finite(0)) {  // a line of one point: a dot, or nothing would show
                cairo_new_sub_path(cr);
                cairo_arc(cr, a.x(f.x, s.x[0]), a.y(f.y, s.y[0]), 1.5, 0, 2 * M_PI);
            }
            set_color(cr, s.color);
            cairo_set_line_width(cr, s.kind == MarkKind::line ? 1.5 : s.kind == MarkKind::arrows ? 1.25 : 1);
            cairo_stroke(cr);
            for (const auto& h : heads) draw_arrowhead(cr, h[0], h[1], h[2], h[3]);
            return;
        }
        case MarkKind::bars: {
            const double base = a.y(f.y, std::clamp(0.0, f.y.ticks.lo, f.y.ticks.hi));
            for (std::size_t i = 0; i < n; ++i) {
                if (!finite(i)) continue;
                const double x0 = a.x(f.x, s.x[i] - s.bar_width / 2), x1 = a.x(f.x, s.x[i] + s.bar_width / 2);
                const double top = a.y(f.y, s.y[i]);
                cairo_new_path(cr);
                cairo_rectangle(cr, x0, std::min(top, base), x1 - x0, std::abs(base - top));
                set_color(cr, s.color, 0.85);
                cairo_fill(cr);
            }
            return;
        }
    }
}

void draw_axes(cairo_t* cr, const Figure& f, const PlotArea& a) {
    auto visible = [](const Axis& axis, double v) {
        const double t = axis.fraction(v);
        return t >= -1e-9 && t <= 1 + 1e-9;
    };
    // Grid lines at the ticks, light, under the marks (drawn first by the caller).
    cairo_set_line_width(cr, 1);
    // The two axes, one stroke each.
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_new_path(cr);
    cairo_move_to(cr, a.left, a.top);
    cairo_line_to(cr, a.left, a.top + a.height);
    cairo_stroke(cr);
    cairo_move_to(cr, a.left, a.top + a.height);
    cairo_line_to(cr, a.left + a.width, a.top + a.height);
    cairo_stroke(cr);
    // Tick marks, one stroke for all, and their labels.
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    for (const Tick& t : f.x.ticks.ticks) {
        if (!visible(f.x, t.value)) continue;
        const double x = std::round(a.x(f.x, t.value)) + 0.5;
        cairo_move_to(cr, x, a.top + a.height);
        cairo_line_to(cr, x, a.top + a.height + tick_length);
    }
    for (const Tick& t : f.y.ticks.ticks) {
        if (!visible(f.y, t.value)) continue;
        const double y = std::round(a.y(f.y, t.value)) + 0.5;
        cairo_move_to(cr, a.left - tick_length, y);
        cairo_line_to(cr, a.left, y);
    }
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double free_from = -1e9;  // x labels that would overlap the previous one are left out
    for (const Tick& t : f.x.ticks.ticks) {
        if (!visible(f.x, t.value)) continue;
        const double x = a.x(f.x, t.value), w = text_width(cr, t.label);
        if (x - w / 2 < free_from) continue;
        text(cr, t.label, x, a.top + a.height + tick_length + 4, 0.5, 0);
        free_from = x + w / 2 + 6;
    }
    for (const Tick& t : f.y.ticks.ticks)
        if (visible(f.y, t.value)) text(cr, t.label, a.left - tick_length - 4, a.y(f.y, t.value), 1, 0.5);
    if (!f.x.label.empty())
        text(cr, f.x.label, a.left + a.width / 2, a.top + a.height + tick_length + 6 + font_size + 8, 0.5, 0);
    if (!f.y.label.empty()) {
        cairo_save(cr);
        cairo_translate(cr, 10 + font_size * 0.8, a.top + a.height / 2);
        cairo_rotate(cr, -M_PI / 2);
        text(cr, f.y.label, 0, 0, 0.5, 1);
        cairo_restore(cr);
    }
    if (!f.title.empty()) text(cr, f.title, a.left + a.width / 2, 12, 0.5, 0);
}

void draw_grid(cairo_t* cr, const Figure& f, const PlotArea& a) {
    cairo_new_path(cr);
    for (const Tick& t : f.x.ticks.ticks) {
        const double tx = f.x.fraction(t.value);
        if (tx <= 1e-9 || tx > 1 + 1e-9) continue;
        const double x = std::round(a.x(f.x, t.value)) + 0.5;
        cairo_move_to(cr, x, a.top);
        cairo_line_to(cr, x, a.top + a.height);
    }
    for (const Tick& t : f.y.ticks.ticks) {
        const double ty = f.y.fraction(t.value);
        if (ty <= 1e-9 || ty > 1 + 1e-9) continue;
        const double y = std::round(a.y(f.y, t.value)) + 0.5;
        cairo_move_to(cr, a.left, y);
        cairo_line_to(cr, a.left + a.width, y);
    }
    cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
}

// The legend in the top right corner of the plot area: a swatch and a name per series.
void draw_legend(cairo_t* cr, const Figure& f, const PlotArea& a) {
    const auto entries = f.legend();
    if (entries.empty()) return;
    double names = 0;
    for (const Series* s : entries) names = std::max(names, text_width(cr, s->name));
    const double line = font_size + 6, w = names + 30, h = line * static_cast<double>(entries.size()) + 8;
    const double x = a.left + a.width - w - 8, y = a.top + 8;
    cairo_new_path(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_stroke(cr);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const double row = y + 4 + line * static_cast<double>(i) + line / 2;
        cairo_new_path(cr);
        cairo_rectangle(cr, x + 8, row - 5, 10, 10);
        set_color(cr, entries[i]->color);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, entries[i]->name, x + 24, row, 0, 0.5);
    }
}

void draw(cairo_t* cr, const Figure& f, PixelSize size) {
    const PlotArea a = layout(cr, f, size);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    draw_grid(cr, f, a);
    cairo_save(cr);
    cairo_rectangle(cr, a.left, a.top, a.width, a.height);
    cairo_clip(cr);
    for (const Series& s : f.series) draw_series(cr, f, s, a);
    cairo_restore(cr);
    draw_axes(cr, f, a);
    draw_legend(cr, f, a);
}

// cairo numbers its surfaces with a counter global to the process, and writes
// the number into the SVG (<g id="surface6">): a second drawing in the same
// process would differ from the first. Renumber the drawing's own surface 1.
void renumber_surface(std::string& svg) {
    const std::string tag = "<g id=\"surface";
    const auto at = svg.find(tag);
    if (at == std::string::npos) return;
    const auto begin = at + tag.size(), end = svg.find('"', begin);
    const std::string id = "surface" + svg.substr(begin, end - begin);
    if (id == "surface1") return;
    for (std::size_t k = 0; (k = svg.find(id, k)) != std::string::npos;) {
        const char next = k + id.size() < svg.size() ? svg[k + id.size()] : '"';
        if (next >= '0' && next <= '9') { k += id.size(); continue; }  // surface61 is not surface6
        svg.replace(k, id.size(), "surface1");
        k += 8;
    }
}

void check(cairo_surface_t* s) {
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        throw IoError(std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(s)));
}

}  // namespace

PlotArea plot_area(const Figure& figure, PixelSize size) {
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
    Context cr(cairo_create(s.get()));
    return layout(cr.get(), figure, size);
}

std::string render_file(const Figure& figure, FileFormat format, PixelSize size) {
    std::string bytes;
    const double w = size.width, h = size.height;
    Surface surface;
    switch (format) {
        case FileFormat::png: surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size.width, size.height)); break;
        case FileFormat::svg:
            surface.reset(cairo_svg_surface_create_for_stream(append, &bytes, w, h));
            cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PX);
            break;
        case FileFormat::pdf:
            surface.reset(cairo_pdf_surface_create_for_stream(append, &bytes, w, h));
            // Without this cairo writes the time of the run: the same input would give other bytes.
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
            cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "mlm-plot");
            break;
    }
    check(surface.get());
    {
        Context cr(cairo_create(surface.get()));
        draw(cr.get(), figure, size);
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw IoError(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
    }
    if (format == FileFormat::png) {
        cairo_surface_flush(surface.get());
        if (cairo_surface_write_to_png_stream(surface.get(), append, &bytes) != CAIRO_STATUS_SUCCESS)
            throw IoError("cairo: cannot encode the PNG");
    } else {
        cairo_surface_finish(surface.get());
        check(surface.get());
        if (format == FileFormat::svg) renumber_surface(bytes);
    }
    return bytes;
}

}  // namespace mlm::plot

// cairo's toy font API finds "DejaVu Sans" through fontconfig, which keeps its
// configuration for the life of the process and never frees it (FcFini would,
// but is unsafe while cairo may still hold fonts). LeakSanitizer reads this
// hook in sanitized builds, so those caches are not reported as our leaks;
// elsewhere it is an unused function.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
// ...and does not list the suppressed caches on stderr, which tests compare.
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
