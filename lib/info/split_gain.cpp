#include "info/split_gain.hpp"

#include "info/entropy.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace mlm::info {

namespace {

double entropy_of(const std::vector<double>& counts, double base) { return entropy_of_counts(counts, base); }

void finish(SplitGain& g, const std::vector<double>& sizes, double base) {
    g.split_info = entropy_of(sizes, base);
    g.gain = std::max(0.0, g.gain);
    g.gain_ratio = g.split_info > 0 ? g.gain / g.split_info : 0.0;
}

}  // namespace

SplitGain categorical_gain(std::span<const std::uint32_t> target, std::size_t classes,
                           std::span<const std::uint32_t> feature, std::size_t values, double base) {
    const double n = static_cast<double>(target.size());
    std::vector<double> total(classes, 0), sizes(values, 0);
    std::vector<std::vector<double>> by_value(values, std::vector<double>(classes, 0));
    for (std::size_t i = 0; i < target.size(); ++i) {
        total[target[i]] += 1;
        by_value[feature[i]][target[i]] += 1;
        sizes[feature[i]] += 1;
    }
    SplitGain g;
    CompensatedSum children;
    for (std::size_t v = 0; v < values; ++v)
        if (sizes[v] > 0) children.add(sizes[v] / n * entropy_of(by_value[v], base));
    g.gain = entropy_of(total, base) - children.value();
    finish(g, sizes, base);
    return g;
}

SplitGain numeric_gain(std::span<const std::uint32_t> target, std::size_t classes,
                       std::span<const double> feature, double base) {
    const std::size_t n = target.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return feature[a] < feature[b]; });
    std::vector<double> right(classes, 0), left(classes, 0);
    for (std::uint32_t t : target) right[t] += 1;
    const double h = entropy_of(right, base);
    SplitGain best;
    double best_children = h;
    std::vector<double> best_sizes{static_cast<double>(n)};
    for (std::size_t k = 0; k + 1 < n; ++k) {
        std::uint32_t t = target[order[k]];
        left[t] += 1;
        right[t] -= 1;
        double here = feature[order[k]], next = feature[order[k + 1]];
        if (here == next) continue;
        double nl = static_cast<double>(k + 1), nr = static_cast<double>(n - k - 1);
        double children = (nl * entropy_of(left, base) + nr * entropy_of(right, base)) / static_cast<double>(n);
        if (!best.threshold || children < best_children) {  // strict: ties keep the lowest threshold
            best_children = children;
            best.threshold = here + (next - here) / 2;
            best_sizes = {nl, nr};
        }
    }
    best.gain = best.threshold ? h - best_children : 0.0;
    finish(best, best_sizes, base);
    return best;
}

}  // namespace mlm::info
