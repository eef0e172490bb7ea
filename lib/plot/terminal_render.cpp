#include "plot/terminal_render.hpp"

#include "plot/braille_canvas.hpp"
#include "plot/density_grid.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::plot {

namespace {

// The characters of a UTF-8 string, one string each (display width 1 assumed).
std::vector<std::string> characters(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && !out.empty()) out.back() += s[i];
        else out.emplace_back(1, s[i]);
    }
    return out;
}

int width_of(const std::string& s) { return static_cast<int>(characters(s).size()); }

std::string escape(Color c) {
    return "\x1b[38;2;" + std::to_string(c.r) + ';' + std::to_string(c.g) + ';' + std::to_string(c.b) + 'm';
}
const char* const reset = "\x1b[0m";

// One line of `columns` cells, each holding one character (and maybe a colour).
struct Line {
    std::vector<std::string> cells;
    std::vector<int> colors;  // index into the figure's series, -1 for none
    explicit Line(int columns) : cells(static_cast<std::size_t>(std::max(columns, 0)), " "), colors(cells.size(), -1) {}
    void put(int at, const std::string& text, int color = -1) {
        for (const std::string& ch : characters(text)) {
            if (at >= 0 && at < static_cast<int>(cells.size())) {
                cells[static_cast<std::size_t>(at)] = ch;
                colors[static_cast<std::size_t>(at)] = color;
            }
            ++at;
        }
    }
    std::string text(const Figure& f, bool color) const {
        std::size_t end = cells.size();
        while (end > 0 && cells[end - 1] == " ") --end;
        std::string out;
        int current = -1;
        for (std::size_t i = 0; i < end; ++i) {
            const int c = color && cells[i] != " " ? colors[i] : current;
            if (c != current) {
                out += c < 0 ? reset : escape(f.series[static_cast<std::size_t>(c)].color);
                current = c;
            }
            out += cells[i];
        }
        if (current >= 0) out += reset;
        return out + '\n';
    }
};

// Many points: counted per cell, and each occupied cell gets 1 to 8 of its
// dots by its shade (density_grid.hpp), in an ordered-dither sequence so that
// partly filled cells look evenly grey. Needs no colour, so it reads under
// NO_COLOR too.
void draw_density(BrailleCanvas& canvas, const Figure& f, const Series& s, int c) {
    const std::size_t n = std::min(s.x.size(), s.y.size());
    std::vector<double> cx(n), cy(n);
    const double w = canvas.width() - 1, h = canvas.height() - 1;
    for (std::size_t i = 0; i < n; ++i) {  // dot coordinates, rounded as single points are, then cells
        cx[i] = std::floor(std::lround(f.x.fraction(s.x[i]) * w) / 2.0);
        cy[i] = std::floor(std::lround((1 - f.y.fraction(s.y[i])) * h) / 4.0);
        if (!std::isfinite(f.x.fraction(s.x[i])) || !std::isfinite(f.y.fraction(s.y[i]))) cx[i] = -1;
    }
    const DensityGrid g = density_grid(cx, cy, canvas.columns(), canvas.rows(), 1);
    static const int order[8][2] = {{0, 0}, {1, 2}, {1, 0}, {0, 2}, {0, 1}, {1, 3}, {1, 1}, {0, 3}};
    for (int r = 0; r < g.rows; ++r)
        for (int col = 0; col < g.columns; ++col) {
            const std::uint32_t k = g.count[static_cast<std::size_t>(r) * g.columns + col];
            if (!k) continue;
            const int dots = std::clamp(static_cast<int>(std::lround(8 * g.shade(k, 0.125))), 1, 8);
            for (int d = 0; d < dots; ++d) canvas.set(2 * col + order[d][0], 4 * r + order[d][1], c);
        }
}

void draw_series(BrailleCanvas& canvas, const Figure& f, std::size_t index) {
    const Series& s = f.series[index];
    const int c = static_cast<int>(index);
    const double w = canvas.width() - 1, h = canvas.height() - 1;
    auto px = [&](double v) { return f.x.fraction(v) * w; };
    auto py = [&](double v) { return (1 - f.y.fraction(v)) * h; };
    const std::size_t n = std::min(s.x.size(), s.y.size());
    switch (s.kind) {
        case MarkKind::points:
            if (n > density_threshold) {
                draw_density(canvas, f, s, c);
                break;
            }
            for (std::size_t i = 0; i < n; ++i) {
                const double x = px(s.x[i]), y = py(s.y[i]);
                if (std::isfinite(x) && std::isfinite(y) && x > -1 && y > -1 && x < w + 1 && y < h + 1)
                    canvas.set(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)), c);
            }
            break;
        case MarkKind::line:
        case MarkKind::arrows:
            if (n == 1) canvas.line(px(s.x[0]), py(s.y[0]), px(s.x[0]), py(s.y[0]), c);  // a lone point
            for (std::size_t i = 0; i + 1 < n; ++i) {
                canvas.line(px(s.x[i]), py(s.y[i]), px(s.x[i + 1]), py(s.y[i + 1]), c);
                if (s.kind != MarkKind::arrows) continue;
                // An arrowhead: two strokes 3 dots long, 30 degrees either side of the step.
                const double dx = px(s.x[i + 1]) - px(s.x[i]), dy = py(s.y[i + 1]) - py(s.y[i]);
                const double len = std::hypot(dx, dy);
                if (!(len > 3)) continue;
                for (double turn : {-0.5236, 0.5236}) {
                    const double ux = -(dx * std::cos(turn) - dy * std::sin(turn)) / len;
                    const double uy = -(dx * std::sin(turn) + dy * std::cos(turn)) / len;
                    const double ex = px(s.x[i + 1]), ey = py(s.y[i + 1]);
                    canvas.line(ex, ey, ex + 3 * ux, ey + 3 * uy, c);
                }
            }
            break;
        case MarkKind::segments:
            for (std::size_t i = 0; i + 1 < n; i += 2)
                canvas.line(px(s.x[i]), py(s.y[i]), px(s.x[i + 1]), py(s.y[i + 1]), c);
            break;
        case MarkKind::bars: {
            const double base = py(std::clamp(0.0, f.y.ticks.lo, f.y.ticks.hi));
            for (std::size_t i = 0; i < n; ++i) {
                if (!std::isfinite(s.y[i])) continue;
                const int x0 = static_cast<int>(std::ceil(px(s.x[i] - s.bar_width / 2)));
                const int x1 = static_cast<int>(std::floor(px(s.x[i] + s.bar_width / 2)));
                const double top = py(s.y[i]);
                for (int x = x0; x <= x1; ++x) canvas.line(x, base, x, top, c);
            }
            break;
        }
    }
}

}  // namespace

std::string render_terminal(const Figure& f, TerminalSize size, bool color) {
    const int width = std::max(size.columns, 20);
    int margin = 0;  // the y tick labels' width
    for (const Tick& t : f.y.ticks.ticks) margin = std::max(margin, width_of(t.label));
    const auto legend = f.legend();
    const int extra = (f.title.empty() ? 0 : 1) + (f.y.label.empty() ? 0 : 1) + 2 +
                      (f.x.label.empty() ? 0 : 1) + (legend.empty() ? 0 : 1);
    const int plot_rows = std::max(2, size.rows - extra);
    const int left = margin + 2;  // label, a space, the axis
    const int plot_columns = std::max(4, width - left);

    BrailleCanvas canvas(plot_columns, plot_rows);
    for (std::size_t i = 0; i < f.series.size(); ++i) draw_series(canvas, f, i);

    std::string out;
    if (!f.title.empty()) {
        Line title(width);
        title.put(left + std::max(0, (plot_columns - width_of(f.title)) / 2), f.title);
        out += title.text(f, false);
    }
    if (!f.y.label.empty()) {
        Line label(width);
        label.put(0, f.y.label);
        out += label.text(f, false);
    }
    // The row of each y tick, and the column of each x tick.
    auto tick_row = [&](double v) {
        return static_cast<int>(std::lround((1 - f.y.fraction(v)) * (canvas.height() - 1))) / 4;
    };
    auto tick_column = [&](double v) {
        return left + static_cast<int>(std::lround(f.x.fraction(v) * (canvas.width() - 1))) / 2;
    };
    // Where two ticks fall in one row, the row shows the one nearest its middle.
    std::vector<std::string> row_label(static_cast<std::size_t>(plot_rows));
    std::vector<double> row_miss(static_cast<std::size_t>(plot_rows), 1e300);
    for (const Tick& t : f.y.ticks.ticks) {
        const int r = tick_row(t.value);
        if (r < 0 || r >= plot_rows) continue;
        const double miss = std::abs((1 - f.y.fraction(t.value)) * (canvas.height() - 1) - (4 * r + 1.5));
        if (miss >= row_miss[static_cast<std::size_t>(r)]) continue;
        row_miss[static_cast<std::size_t>(r)] = miss;
        row_label[static_cast<std::size_t>(r)] = t.label;
    }
    for (int r = 0; r < plot_rows; ++r) {
        Line line(width);
        const std::string& label = row_label[static_cast<std::size_t>(r)];
        line.put(margin - width_of(label), label);
        line.put(margin + 1, label.empty() ? "│" : "┤");
        for (int c = 0; c < plot_columns; ++c)
            if (!canvas.empty(c, r)) line.put(left + c, canvas.glyph(c, r), canvas.color(c, r));
        out += line.text(f, color);
    }
    Line axis(width), labels(width);
    axis.put(margin + 1, "└");
    for (int c = 0; c < plot_columns; ++c) axis.put(left + c, "─");
    int free_from = 0;  // the first column a next label may use
    for (const Tick& t : f.x.ticks.ticks) {
        const int c = tick_column(t.value);
        if (c < left || c >= left + plot_columns) continue;
        axis.put(c, "┬");
        const int w = width_of(t.label);
        const int at = std::clamp(c - w / 2, 0, std::max(0, width - w));
        if (at < free_from) continue;
        labels.put(at, t.label);
        free_from = at + w + 1;
    }
    out += axis.text(f, false) + labels.text(f, false);
    if (!f.x.label.empty()) {
        Line label(width);
        label.put(left + std::max(0, (plot_columns - width_of(f.x.label)) / 2), f.x.label);
        out += label.text(f, false);
    }
    if (!legend.empty()) {
        Line line(width);
        int at = left;
        for (const Series* s : legend) {
            line.put(at, "●", static_cast<int>(s - f.series.data()));
            line.put(at + 2, s->name);
            at += 4 + width_of(s->name);
        }
        out += line.text(f, color);
    }
    return out;
}

}  // namespace mlm::plot
