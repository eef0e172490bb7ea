#include "prob/chi_square.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include <boost/math/special_functions/gamma.hpp>

#include "prob/distribution.hpp"
#include "prob/policy.hpp"

namespace mlm::prob {
namespace {

struct Cell {
    double observed = 0;
    double expected = 0;
};

// One cell per value the distribution can take up to the largest observed,
// the last one taking all the mass above it too.
std::vector<Cell> cells_of(const Distribution& d, std::span<const double> data) {
    std::map<double, double> counts;
    for (double x : data) counts[x] += 1;
    double n = static_cast<double>(data.size());
    std::vector<double> values;
    if (const auto* c = std::get_if<Categorical>(&d.family)) {
        values = c->categories;
    } else {
        auto s = support(d);
        double top = std::max(counts.rbegin()->first, std::floor(mean(d)));
        for (double k = s.lower; k <= std::min(top, s.upper); ++k) values.push_back(k);
    }
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < values.size(); ++i) {
        bool last = i + 1 == values.size();
        double expected = n * (last ? sf(d, values[i]) + pdf(d, values[i]) : pdf(d, values[i]));
        double observed = 0;
        for (auto it = counts.lower_bound(values[i]);
             it != counts.end() && (last || it->first == values[i]); ++it)
            observed += it->second;
        cells.push_back({observed, expected});
    }
    return cells;
}

std::vector<Cell> pooled(const std::vector<Cell>& cells) {
    std::vector<Cell> out;
    Cell open;
    for (const auto& c : cells) {
        open.observed += c.observed;
        open.expected += c.expected;
        if (open.expected >= 5) {
            out.push_back(open);
            open = {};
        }
    }
    if (open.expected > 0 || open.observed > 0) {
        if (out.empty()) out.push_back(open);
        else {
            out.back().observed += open.observed;
            out.back().expected += open.expected;
        }
    }
    return out;
}

}  // namespace

ChiSquareResult chi_square_test(const Distribution& d, std::span<const double> data,
                                std::size_t fitted_parameters) {
    auto cells = pooled(cells_of(d, data));
    ChiSquareResult r;
    r.cells = cells.size();
    for (const auto& c : cells)
        r.statistic += (c.observed - c.expected) * (c.observed - c.expected) / c.expected;
    r.df = static_cast<double>(cells.size()) - 1 - static_cast<double>(fitted_parameters);
    r.p_value = r.df >= 1 ? boost::math::gamma_q(r.df / 2, r.statistic / 2, Policy())
                          : std::numeric_limits<double>::quiet_NaN();
    return r;
}

}  // namespace mlm::prob
