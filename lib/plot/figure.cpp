#include "plot/figure.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlm::plot {

Color palette(std::size_t i) {
    static const Color colors[] = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44},  {214, 39, 40},
                                   {148, 103, 189}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127},
                                   {188, 189, 34}, {23, 190, 207}};
    return colors[i % std::size(colors)];
}

Color sequential(double t) {
    // viridis at 0, 0.25, 0.5, 0.75, 1, interpolated linearly between.
    static const Color stops[] = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 4;
    const int i = std::min(3, static_cast<int>(t));
    const double f = t - i;
    auto mix = [f](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(std::lround(a + f * (b - a))); };
    return {mix(stops[i].r, stops[i + 1].r), mix(stops[i].g, stops[i + 1].g), mix(stops[i].b, stops[i + 1].b)};
}

double Axis::fraction(double v) const {
    if (log) return (std::log10(v) - std::log10(ticks.lo)) / (std::log10(ticks.hi) - std::log10(ticks.lo));
    if (std::isfinite(ticks.hi - ticks.lo)) return (v - ticks.lo) / (ticks.hi - ticks.lo);
    return (v / 2 - ticks.lo / 2) / (ticks.hi / 2 - ticks.lo / 2);  // a range wider than the largest double
}

Axis make_axis(std::string label, double lo, double hi, bool log) {
    Axis a;
    a.label = std::move(label);
    a.log = log;
    a.ticks = log ? log_ticks(lo, hi) : nice_ticks(lo, hi);
    return a;
}

Axis category_axis(std::string label, const std::vector<std::string>& categories) {
    Axis a;
    a.label = std::move(label);
    a.ticks.lo = -0.5;
    a.ticks.hi = static_cast<double>(categories.size()) - 0.5;
    a.ticks.step = 1;
    for (std::size_t i = 0; i < categories.size(); ++i)
        a.ticks.ticks.push_back({static_cast<double>(i), categories[i]});
    return a;
}

std::vector<const Series*> Figure::legend() const {
    std::vector<const Series*> entries;
    for (const Series& s : series)
        if (s.in_legend && !s.name.empty()) entries.push_back(&s);
    return entries;
}

std::pair<double, double> finite_range(const std::vector<double>& v) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double x : v)
        if (std::isfinite(x)) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    if (lo > hi) return {std::nan(""), std::nan("")};
    return {lo, hi};
}

}  // namespace mlm::plot
