// Pearson's chi-square goodness-of-fit test of counts against a discrete
// distribution: X² = Σ (O - E)² / E over cells, p = P(χ²_df > X²) with
// df = cells - 1 - fitted parameters. The cells are the whole numbers of the
// support (the categories of a categorical), the last one open upwards, with
// neighbours pooled from the left until each expects at least 5 counts, as
// textbooks ask so that the chi-square approximation holds.
#pragma once

#include <cstddef>
#include <span>

#include "prob/spec.hpp"

namespace mlm::prob {

struct ChiSquareResult {
    double statistic = 0;
    double df = 0;
    double p_value = 1;  // nan when df < 1: too few cells for the test
    std::size_t cells = 0;
};

ChiSquareResult chi_square_test(const Distribution& d, std::span<const double> data,
                                std::size_t fitted_parameters);

}  // namespace mlm::prob
