// hist: one column counted in the bins of mlm-kl samples (equal width, or
// Freedman-Diaconis for --bins auto), as counts or as a density (count / (n ·
// width), area 1), with a distribution's pdf drawn over it on request.
#include "error.hpp"
#include "info/histogram.hpp"
#include "io/number.hpp"
#include "plot/plot_tool.hpp"
#include "prob/distribution.hpp"
#include "prob/spec.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::plot_tool {

namespace {

// --overlay SPEC: any continuous family of mlm-dist (a pmf is no density to draw
// over bars of other widths).
prob::Distribution parse_overlay(const std::string& text) {
    prob::Distribution d = prob::parse_spec(text);
    if (prob::info(d).discrete)
        throw UsageError("--overlay draws a density: " + std::string(prob::info(d).name) +
                         " is discrete (give a continuous family, e.g. normal:MU,SD)");
    return d;
}

info::Bins bins_for(const std::string& spec, const std::vector<double>& values) {
    if (spec == "auto") return info::freedman_diaconis_bins(values, {});
    auto [lo, hi] = plot::finite_range(values);
    return info::equal_width_bins(lo, hi, static_cast<std::size_t>(std::stoul(spec)));
}

}  // namespace

plot::Figure hist_figure(const Options& o, cli::Context& ctx) {
    std::optional<prob::Distribution> overlay;
    if (!o.overlay.empty()) overlay = parse_overlay(o.overlay);
    if (o.common.columns.empty()) throw UsageError("hist needs the column to count: -c COL");
    Data d = read_data(o, ctx, {o.common.columns});
    const std::vector<double>& v = d.numbers[0];
    for (std::size_t i = 0; i < v.size(); ++i)
        if (!std::isfinite(v[i]))
            throw InputError("hist counts finite values: " + d.number_names[0] + " is " + io::format_number(v[i]) +
                             " in data row " + std::to_string(i + 1));
    const auto [lo, hi] = plot::finite_range(v);
    if (!std::isfinite(hi - lo))
        throw InputError("hist: " + d.number_names[0] + " runs from " + io::format_number(lo, 6) + " to " +
                         io::format_number(hi, 6) + ", a range wider than the largest double: no bin width fits");
    const info::Bins bins = bins_for(o.bins, v);
    const info::BinCounts counts = info::bin_counts(bins, v);
    const double n = static_cast<double>(v.size());

    plot::Figure f;
    f.title = o.title;
    plot::Series bars;
    bars.name = d.number_names[0];
    bars.kind = plot::MarkKind::bars;
    bars.color = plot::palette(0);
    bars.in_legend = overlay.has_value();
    double top = 0;
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const double width = bins.edges[i + 1] - bins.edges[i];
        const double y = o.density ? counts.counts[i] / (n * width) : counts.counts[i];
        bars.x.push_back((bins.edges[i] + bins.edges[i + 1]) / 2);
        bars.y.push_back(y);
        top = std::max(top, y);
    }
    // Equal widths (both rules give them): the bar width of every bin.
    bars.bar_width = bins.edges[1] - bins.edges[0];
    f.series.push_back(bars);
    f.x = plot::make_axis(d.number_names[0], bins.edges.front(), bins.edges.back());
    if (overlay) {
        // The pdf scaled to the bars: a density as it is, counts as n · width · pdf.
        const double scale = o.density ? 1 : n * bars.bar_width;
        plot::Series curve;
        curve.name = prob::to_spec(*overlay);
        curve.kind = plot::MarkKind::line;
        curve.color = plot::palette(3);
        constexpr int samples = 400;
        for (int k = 0; k <= samples; ++k) {
            const double x = f.x.ticks.lo + (f.x.ticks.hi - f.x.ticks.lo) * k / samples;
            curve.x.push_back(x);
            curve.y.push_back(scale * prob::pdf(*overlay, x));
            top = std::max(top, curve.y.back());
        }
        f.series.push_back(std::move(curve));
    }
    f.y = plot::make_axis(o.density ? "density" : "count", 0, top);
    return f;
}

}  // namespace mlm::plot_tool
