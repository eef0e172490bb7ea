// contour: the level curves of EXPR over a grid of --x by --y, evaluated in
// blocks by the expression library, with the steps of a descent (the --trace
// of mlm-gd minimize) drawn over them as arrows.
#include "calc/block_evaluator.hpp"
#include "calc/expression.hpp"
#include "cli/range_argument.hpp"
#include "error.hpp"
#include "io/columns.hpp"
#include "io/number.hpp"
#include "plot/contour.hpp"
#include "plot/plot_tool.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::plot_tool {

namespace {

// Which of the expression's variables run along x and y: those named x and
// y, else the first two in order of appearance.
std::pair<std::size_t, std::size_t> axes_of(const calc::Tape& tape) {
    const auto& v = tape.variables;
    if (v.size() != 2)
        throw UsageError("contour draws a function of two variables; the expression has " +
                         std::to_string(v.size()) + (v.empty() ? "" : ": " + io::list_columns(v)));
    if (v[0] == "y" || v[1] == "x") return {1, 0};
    return {0, 1};
}

plot::Grid sample(const calc::Tape& tape, std::size_t xi, std::size_t yi, std::pair<double, double> xr,
                  std::pair<double, double> yr, int n) {
    plot::Grid g;
    for (int k = 0; k < n; ++k) {
        g.x.push_back(xr.first + (xr.second - xr.first) * k / (n - 1));
        g.y.push_back(yr.first + (yr.second - yr.first) * k / (n - 1));
    }
    Eigen::MatrixXd points(n * n, 2);
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            points(j * n + i, static_cast<Eigen::Index>(xi)) = g.x[static_cast<std::size_t>(i)];
            points(j * n + i, static_cast<Eigen::Index>(yi)) = g.y[static_cast<std::size_t>(j)];
        }
    Eigen::VectorXd f(n * n);
    calc::BlockEvaluator(tape).value(points, f);
    g.f.assign(f.data(), f.data() + f.size());
    return g;
}

// The descent path from a --trace file: the columns named like the variables.
plot::Series path_series(const Options& o, cli::Context& ctx, const std::string& x_name, const std::string& y_name) {
    io::TableReader table = ctx.open_table({o.path});
    table.select({{io::resolve_column(x_name, table.names()), io::ColumnType::number},
                  {io::resolve_column(y_name, table.names()), io::ColumnType::number}});
    plot::Series s;
    s.name = "descent";
    s.kind = plot::MarkKind::arrows;
    s.color = plot::Color{214, 39, 40};
    io::RowBlock block;
    while (table.read_block(block))
        for (std::size_t r = 0; r < block.rows(); ++r) {
            s.x.push_back(block.number(r, 0));
            s.y.push_back(block.number(r, 1));
        }
    return s;
}

}  // namespace

plot::Figure contour_figure(const Options& o, cli::Context& ctx) {
    const auto xr = cli::parse_range(o.x, "--x"), yr = cli::parse_range(o.y, "--y");
    const calc::Tape tape = calc::parse_expression(o.expression);
    const auto [xi, yi] = axes_of(tape);
    const plot::Grid grid = sample(tape, xi, yi, xr, yr, o.grid);
    plot::Figure f;
    f.title = o.title.empty() ? o.expression : o.title;
    f.x = plot::make_axis(tape.variables[xi], xr.first, xr.second);
    f.y = plot::make_axis(tape.variables[yi], yr.first, yr.second);
    // The frame is the asked range exactly, not widened to whole ticks.
    f.x.ticks.lo = xr.first, f.x.ticks.hi = xr.second;
    f.y.ticks.lo = yr.first, f.y.ticks.hi = yr.second;
    auto [lo, hi] = plot::finite_range(grid.f);
    if (std::isnan(lo)) throw NumericError("'" + o.expression + "' is not finite anywhere on the grid");
    const plot::Ticks levels = plot::nice_ticks(lo, hi, o.levels);
    for (const plot::Tick& level : levels.ticks) {
        if (level.value <= lo || level.value >= hi) continue;
        plot::Series s;
        s.name = tape.source + " = " + level.label;
        s.kind = plot::MarkKind::segments;
        s.color = plot::sequential((level.value - lo) / (hi - lo));
        s.in_legend = false;
        plot::contour_segments(grid, level.value, s.x, s.y);
        f.series.push_back(std::move(s));
    }
    if (!o.path.empty()) f.series.push_back(path_series(o, ctx, tape.variables[xi], tape.variables[yi]));
    return f;
}

}  // namespace mlm::plot_tool
