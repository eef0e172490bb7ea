// Information gain of splitting a target T by a feature F, as a decision tree
// chooses a split: IG = H(T) - sum_v (n_v/N) H(T | F = v). Categorical features
// split multiway; numeric ones at the best binary threshold (midpoints between
// sorted distinct values, as CART). Gain ratio (C4.5) = IG / H(split sizes).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace mlm::info {

struct SplitGain {
    double gain = 0;
    std::optional<double> threshold;  // numeric features: rows with F <= threshold go left
    double split_info = 0;            // entropy of the partition sizes
    double gain_ratio = 0;            // gain / split_info, 0 when split_info is 0
};

// `target` holds class codes 0..classes-1, `feature` value codes 0..values-1.
SplitGain categorical_gain(std::span<const std::uint32_t> target, std::size_t classes,
                           std::span<const std::uint32_t> feature, std::size_t values, double base);

// The best binary split of a numeric feature; ties (children entropies within
// 4 ulps) go to the lowest threshold. O(n log n) for the sort, then O(n).
// A constant feature has gain 0 and no threshold.
SplitGain numeric_gain(std::span<const std::uint32_t> target, std::size_t classes,
                       std::span<const double> feature, double base);

}  // namespace mlm::info
