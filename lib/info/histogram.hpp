// Shared bins for comparing two numeric samples: N equal-width bins, the
// Freedman-Diaconis width 2·IQR·n^(-1/3) on the pooled data (numpy's 'fd'), or
// bins at the quantiles of one sample; and counts in fixed bins that add across shards.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace mlm::info {

// A sample held in pieces (as it was read, chunk by chunk), taken in order as
// though joined: the functions below take one too, and give what they give
// for the joined sample, without the copy. Their `threads` (default 1) may
// share the pieces out among that many threads; the result is the same at any
// thread count.
using Pieces = std::span<const std::span<const double>>;

// Bin i is [edges[i], edges[i+1]), the last one closed, as numpy.histogram.
struct Bins {
    std::vector<double> edges;  // ascending, at least 2
    bool uniform = false;       // equal widths: a value's bin is found by arithmetic
    bool open_ends = false;     // values below/above the edges count in the first/last bin

    std::size_t size() const { return edges.size() - 1; }
};

// `count` equal-width bins over [lo, hi] (edges as numpy.linspace). lo == hi
// widens to [lo - 0.5, hi + 0.5] as numpy does; lo > hi, non-finite ends or 0
// bins are a UsageError.
Bins equal_width_bins(double lo, double hi, std::size_t count);

// numpy.histogram_bin_edges(concat(a, b), 'fd'): width 2·IQR·n^(-1/3), the
// number of bins ceil(range / width), 1 when the IQR is 0. Empty or non-finite
// data is an InputError.
Bins freedman_diaconis_bins(std::span<const double> a, std::span<const double> b);
Bins freedman_diaconis_bins(Pieces a, Pieces b, std::size_t threads = 1);

// `count` bins at the quantiles k/count of `a` (numpy's linear interpolation),
// the usual PSI convention: the reference sample decides the bins. Ties: equal
// quantiles collapse into one edge (pandas qcut's duplicates='drop'), so a
// sample with few distinct values yields fewer bins. Outer edges: min(a) and
// max(a), but open, so that values of the other sample outside a's range count
// in the first or last bin instead of being lost.
Bins quantile_bins(std::span<const double> a, std::size_t count);
Bins quantile_bins(Pieces a, std::size_t count, std::size_t threads = 1);

// Counts per bin; values outside closed ends are counted apart, not dropped silently.
struct BinCounts {
    std::vector<double> counts;  // one per bin; exact integers up to 2^53
    double below = 0;            // values < edges.front() when the ends are closed
    double above = 0;            // values > edges.back() when the ends are closed

    // Adds counts made with the same bins (another shard of the data).
    void add(const BinCounts& other);
};

BinCounts empty_counts(const Bins& bins);

// Adds `values` to `counts`; NaN is an InputError naming its 1-based position.
void count_into(const Bins& bins, std::span<const double> values, BinCounts& counts);
void count_into(const Bins& bins, Pieces values, BinCounts& counts, std::size_t threads = 1);

BinCounts bin_counts(const Bins& bins, std::span<const double> values);
BinCounts bin_counts(const Bins& bins, Pieces values, std::size_t threads = 1);

}  // namespace mlm::info
