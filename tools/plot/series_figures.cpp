// line, scatter and bar: columns of the table drawn as they are.
#include "error.hpp"
#include "io/number.hpp"
#include "plot/plot_tool.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::plot_tool {

namespace {

using plot::Figure;
using plot::MarkKind;
using plot::Series;

// The range of every finite value of the columns; InputError when there is none.
std::pair<double, double> range_of(const std::vector<const std::vector<double>*>& columns, const std::string& what) {
    double lo = INFINITY, hi = -INFINITY;
    for (const auto* c : columns) {
        auto [l, h] = plot::finite_range(*c);
        if (std::isnan(l)) continue;
        lo = std::min(lo, l);
        hi = std::max(hi, h);
    }
    if (lo > hi) throw InputError("no finite value of " + what + " to plot");
    return {lo, hi};
}

std::vector<double> row_numbers(std::size_t n) {
    std::vector<double> rows(n);
    for (std::size_t i = 0; i < n; ++i) rows[i] = static_cast<double>(i + 1);
    return rows;
}

}  // namespace

Figure line_figure(const Options& o, cli::Context& ctx) {
    std::vector<std::string> specs;
    if (!o.x.empty()) specs.push_back(o.x);
    for (std::size_t at = 0;;) {  // -y a,b,c: one series each
        const auto comma = o.y.find(',', at);
        specs.push_back(o.y.substr(at, comma - at));
        if (comma == std::string::npos) break;
        at = comma + 1;
    }
    Data d = read_data(o, ctx, specs);
    const std::size_t first_y = o.x.empty() ? 0 : 1;
    const std::vector<double> x = o.x.empty() ? row_numbers(d.numbers[0].size()) : d.numbers[0];
    Figure f;
    f.title = o.title;
    std::vector<const std::vector<double>*> ys;
    for (std::size_t j = first_y; j < d.numbers.size(); ++j) {
        if (o.log_y)
            for (std::size_t i = 0; i < d.numbers[j].size(); ++i)
                if (!(d.numbers[j][i] > 0) && !std::isnan(d.numbers[j][i]))
                    throw InputError("--log-y needs values above 0: " + d.number_names[j] + " is " +
                                     io::format_number(d.numbers[j][i]) + " in data row " + std::to_string(i + 1));
        Series s;
        s.name = d.number_names[j];
        s.kind = MarkKind::line;
        s.color = plot::palette(j - first_y);
        s.x = x;
        s.y = d.numbers[j];
        s.in_legend = d.numbers.size() - first_y > 1;
        ys.push_back(&d.numbers[j]);
        f.series.push_back(std::move(s));
    }
    auto [x_lo, x_hi] = range_of({&x}, o.x.empty() ? "the row number" : d.number_names[0]);
    auto [y_lo, y_hi] = range_of(ys, "-y");
    f.x = plot::make_axis(o.x.empty() ? "row" : d.number_names[0], x_lo, x_hi);
    f.y = plot::make_axis(ys.size() == 1 ? d.number_names[first_y] : "", y_lo, y_hi, o.log_y);
    return f;
}

Figure scatter_figure(const Options& o, cli::Context& ctx) {
    Data d = read_data(o, ctx, {o.x, o.y}, o.color);
    Figure f;
    f.title = o.title;
    const std::size_t groups = o.color.empty() ? 1 : d.group_names.size();
    f.series.resize(groups);
    for (std::size_t g = 0; g < groups; ++g) {
        f.series[g].kind = MarkKind::points;
        f.series[g].color = plot::palette(g);
        f.series[g].name = o.color.empty() ? "" : d.group_names[g];
    }
    if (groups == 1) {
        f.series[0].x = d.numbers[0];
        f.series[0].y = d.numbers[1];
    } else {
        for (std::size_t i = 0; i < d.group.size(); ++i) {
            f.series[d.group[i]].x.push_back(d.numbers[0][i]);
            f.series[d.group[i]].y.push_back(d.numbers[1][i]);
        }
    }
    auto [x_lo, x_hi] = range_of({&d.numbers[0]}, d.number_names[0]);
    auto [y_lo, y_hi] = range_of({&d.numbers[1]}, d.number_names[1]);
    f.x = plot::make_axis(d.number_names[0], x_lo, x_hi);
    f.y = plot::make_axis(d.number_names[1], y_lo, y_hi);
    return f;
}

Figure bar_figure(const Options& o, cli::Context& ctx) {
    Data d = read_data(o, ctx, {o.y}, o.x);
    const std::vector<double>& y = d.numbers[0];
    std::vector<std::string> names;
    for (std::size_t i = 0; i < y.size(); ++i)
        names.push_back(o.x.empty() ? std::to_string(i + 1) : d.group_names[d.group[i]]);
    Figure f;
    f.title = o.title;
    Series s;
    s.kind = MarkKind::bars;
    s.color = plot::palette(0);
    s.x = row_numbers(y.size());
    for (double& v : s.x) v -= 1;
    s.y = y;
    s.bar_width = 0.8;
    s.in_legend = false;
    f.series.push_back(std::move(s));
    auto [lo, hi] = range_of({&y}, d.number_names[0]);
    f.x = plot::category_axis(o.x.empty() ? "row" : d.text_name, names);
    f.y = plot::make_axis(d.number_names[0], std::min(lo, 0.0), std::max(hi, 0.0));
    return f;
}

}  // namespace mlm::plot_tool
