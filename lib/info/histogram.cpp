#include "info/histogram.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "error.hpp"
#include "parallel_for.hpp"

namespace mlm::info {
namespace {

// More bins than this is a degenerate FD width (IQR tiny against outliers), not a histogram.
constexpr std::size_t max_auto_bins = 1'000'000;

std::size_t total_size(Pieces x) {
    std::size_t n = 0;
    for (auto piece : x) n += piece.size();
    return n;
}

// Fewer values than this are binned sooner than a thread starts.
constexpr std::size_t values_per_thread = std::size_t{1} << 16;

// A run of whole pieces, and the number of values before it.
struct Run {
    Pieces pieces;
    std::size_t offset;
};

// x cut into runs of about equal numbers of values, one for each thread worth
// starting (at most `threads`); none when x has no pieces.
std::vector<Run> runs_of(Pieces x, std::size_t threads) {
    const std::size_t n = total_size(x);
    const std::size_t parts = std::max<std::size_t>(1, std::min(threads, n / values_per_thread));
    std::vector<Run> runs;
    std::size_t begin = 0, seen = 0, offset = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        seen += x[i].size();
        bool share_met = runs.size() + 1 < parts && seen * parts >= n * (runs.size() + 1);
        if (share_met || i + 1 == x.size()) {
            runs.push_back({x.subspan(begin, i + 1 - begin), offset});
            begin = i + 1;
            offset = seen;
        }
    }
    return runs;
}

struct Range {
    double lo, hi;
};

// The smallest and largest of xs (+inf and -inf when it is empty), in the
// same pass that checks every value is finite: an InputError names the first
// that is not, by its 1-based position.
Range finite_range(Pieces xs, const char* what, std::size_t threads) {
    auto runs = runs_of(xs, threads);
    std::vector<Range> ranges(runs.size());
    parallel_for(runs.size(), threads, [&](std::size_t k) {
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        std::size_t position = runs[k].offset;
        for (auto piece : runs[k].pieces)
            for (double v : piece) {
                ++position;
                if (!std::isfinite(v))
                    throw InputError(std::string(what) + " has a value that is not finite at position " +
                                     std::to_string(position) + "; it cannot decide bins");
                lo = std::min(lo, v), hi = std::max(hi, v);
            }
        ranges[k] = {lo, hi};
    });
    Range all{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (auto r : ranges) all.lo = std::min(all.lo, r.lo), all.hi = std::max(all.hi, r.hi);
    return all;
}

// Partially orders x so that x[r] is the r-th smallest for every r in `ranks`
// (sorted, unique, all in [lo, hi)): O(n log k) instead of a full sort.
void select_ranks(std::vector<double>& x, std::size_t lo, std::size_t hi,
                  std::span<const std::size_t> ranks) {
    if (ranks.empty()) return;
    std::size_t mid = ranks.size() / 2;
    std::size_t r = ranks[mid];
    std::nth_element(x.begin() + static_cast<std::ptrdiff_t>(lo),
                     x.begin() + static_cast<std::ptrdiff_t>(r),
                     x.begin() + static_cast<std::ptrdiff_t>(hi));
    select_ranks(x, lo, r, ranks.first(mid));
    select_ranks(x, r + 1, hi, ranks.subspan(mid + 1));
}

// numpy's 'linear' quantile method, with its _lerp (exact at t = 0 and t = 1).
struct QuantilePosition {
    std::size_t below;
    double fraction;
};

QuantilePosition quantile_position(std::size_t n, double q) {
    double v = static_cast<double>(n - 1) * q;
    auto below = std::min(static_cast<std::size_t>(std::floor(v)), n - 1);
    return {below, v - static_cast<double>(below)};
}

double lerp_numpy(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

// The order statistics x_(r) for `ranks` (sorted, unique). Small inputs are
// copied and partially ordered. Large ones take two passes and no copy, given
// x's smallest and largest (`range`, which the caller found while checking the
// values): counts in 4096 equal-width buckets (monotone in x, so a rank falls
// in a known bucket), then the members of just the buckets holding a rank,
// which are ordered as above. Skewed data that crowds one bucket only makes
// that bucket's selection bigger, never the answer wrong.
std::vector<double> order_statistics(Pieces x, const std::vector<std::size_t>& ranks, std::size_t threads,
                                     Range range) {
    constexpr std::size_t buckets = 4096;
    std::vector<double> out(ranks.size());
    if (total_size(x) < 16 * buckets) {
        std::vector<double> copy;
        for (auto piece : x) copy.insert(copy.end(), piece.begin(), piece.end());
        select_ranks(copy, 0, copy.size(), ranks);
        for (std::size_t i = 0; i < ranks.size(); ++i) out[i] = copy[ranks[i]];
        return out;
    }
    const double lo = range.lo, hi = range.hi;
    double scale = static_cast<double>(buckets) / (hi - lo);
    if (!(scale < std::numeric_limits<double>::infinity())) {  // all equal
        std::fill(out.begin(), out.end(), lo);
        return out;
    }
    auto bucket_of = [&](double v) {
        double t = (v - lo) * scale;
        return t >= static_cast<double>(buckets) ? buckets - 1 : static_cast<std::size_t>(t);
    };
    // Each run's count per bucket, then their sums as bucket starts.
    auto runs = runs_of(x, threads);
    std::vector<std::vector<std::size_t>> run_counts(runs.size());
    parallel_for(runs.size(), threads, [&](std::size_t k) {
        std::vector<std::size_t> own(buckets, 0);  // allocated by its thread: no cache line shared
        for (auto piece : runs[k].pieces)
            for (double v : piece) ++own[bucket_of(v)];
        run_counts[k] = std::move(own);
    });
    std::vector<std::size_t> start(buckets + 1, 0);
    for (const auto& counts : run_counts)
        for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += counts[b];
    for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
    // The buckets that hold a rank, each with its ranks.
    std::vector<std::ptrdiff_t> slot(buckets, -1);
    std::vector<std::size_t> slot_bucket;
    std::vector<std::vector<std::size_t>> slot_ranks;
    std::vector<std::size_t> rank_bucket(ranks.size());
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        auto b = static_cast<std::size_t>(std::upper_bound(start.begin(), start.end(), ranks[i]) - start.begin()) - 1;
        rank_bucket[i] = b;
        if (slot[b] < 0) {
            slot[b] = static_cast<std::ptrdiff_t>(slot_bucket.size());
            slot_bucket.push_back(b);
            slot_ranks.emplace_back();
        }
        slot_ranks[static_cast<std::size_t>(slot[b])].push_back(ranks[i] - start[b]);
    }
    // The members of those buckets, each run writing at its own place.
    std::vector<std::vector<double>> members(slot_bucket.size());
    std::vector<std::vector<std::size_t>> place(runs.size(), std::vector<std::size_t>(slot_bucket.size()));
    for (std::size_t k = 0; k < slot_bucket.size(); ++k) {
        std::size_t at = 0;
        for (std::size_t r = 0; r < runs.size(); ++r) place[r][k] = at, at += run_counts[r][slot_bucket[k]];
        members[k].resize(at);
    }
    parallel_for(runs.size(), threads, [&](std::size_t r) {
        std::vector<std::size_t> at = place[r];  // its own copy: no cache line shared with another run
        for (auto piece : runs[r].pieces)
            for (double v : piece) {
                std::ptrdiff_t k = slot[bucket_of(v)];
                if (k >= 0) members[static_cast<std::size_t>(k)][at[static_cast<std::size_t>(k)]++] = v;
            }
    });
    for (std::size_t k = 0; k < members.size(); ++k) select_ranks(members[k], 0, members[k].size(), slot_ranks[k]);
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        std::size_t b = rank_bucket[i];
        out[i] = members[static_cast<std::size_t>(slot[b])][ranks[i] - start[b]];
    }
    return out;
}

// The quantiles `qs` of `x`.
std::vector<double> quantiles(Pieces x, std::span<const double> qs, std::size_t threads, Range range) {
    std::size_t n = total_size(x);
    std::vector<std::size_t> ranks;
    for (double q : qs) {
        auto pos = quantile_position(n, q);
        ranks.push_back(pos.below);
        if (pos.below + 1 < n) ranks.push_back(pos.below + 1);
    }
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    std::vector<double> stats = order_statistics(x, ranks, threads, range);
    auto at = [&](std::size_t r) {
        return stats[static_cast<std::size_t>(std::lower_bound(ranks.begin(), ranks.end(), r) - ranks.begin())];
    };
    std::vector<double> out;
    for (double q : qs) {
        auto pos = quantile_position(n, q);
        double a = at(pos.below);
        double b = pos.below + 1 < n ? at(pos.below + 1) : a;
        out.push_back(lerp_numpy(a, b, pos.fraction));
    }
    return out;
}

// Bin of x for equal widths, numpy.histogram's arithmetic and its correction
// of the rounding at the edges. x is within [front, back].
std::size_t uniform_bin(const Bins& bins, double x) {
    std::size_t n = bins.size();
    double lo = bins.edges.front();
    double norm = static_cast<double>(n) / (bins.edges.back() - lo);
    auto i = static_cast<std::size_t>((x - lo) * norm);
    if (i >= n) i = n - 1;
    if (x < bins.edges[i] && i > 0)
        --i;
    else if (i + 1 < n && x >= bins.edges[i + 1])
        ++i;
    return i;
}

// Index of the last edge <= x (x within [front, back]); branch-free so that
// millions of values through a few dozen edges do not stall on mispredictions.
std::size_t searched_bin(const Bins& bins, double x) {
    const double* base = bins.edges.data();
    std::size_t n = bins.edges.size();
    while (n > 1) {
        std::size_t half = n / 2;
        base = base[half] <= x ? base + half : base;
        n -= half;
    }
    return std::min(static_cast<std::size_t>(base - bins.edges.data()), bins.size() - 1);
}

}  // namespace

Bins equal_width_bins(double lo, double hi, std::size_t count) {
    if (count == 0) throw UsageError("the number of bins must be at least 1");
    if (!std::isfinite(lo) || !std::isfinite(hi) || lo > hi)
        throw UsageError("the bin range must be finite with lo <= hi");
    if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    // numpy.linspace: i·step + lo, the last edge exactly hi.
    Bins bins;
    bins.uniform = true;
    bins.edges.resize(count + 1);
    const double n = static_cast<double>(count);
    double step = (hi - lo) / n;
    if (std::isfinite(step)) {
        for (std::size_t i = 0; i < count; ++i) bins.edges[i] = static_cast<double>(i) * step + lo;
    } else {  // hi - lo overflows: the same edges from the halves
        const double half_step = (hi / 2 - lo / 2) / n;
        for (std::size_t i = 0; i < count; ++i) bins.edges[i] = lo + 2 * (static_cast<double>(i) * half_step);
    }
    bins.edges[count] = hi;
    return bins;
}

Bins freedman_diaconis_bins(Pieces a, Pieces b, std::size_t threads) {
    const Range in_a = finite_range(a, "sample A", threads), in_b = finite_range(b, "sample B", threads);
    std::vector<std::span<const double>> pooled(a.begin(), a.end());  // A then B, not copied
    pooled.insert(pooled.end(), b.begin(), b.end());
    const std::size_t n = total_size(pooled);
    if (n == 0) throw InputError("no values to bin");
    const double first = std::min(in_a.lo, in_b.lo), last = std::max(in_a.hi, in_b.hi);
    double q[] = {0.75, 0.25};
    auto quartiles = quantiles(pooled, q, threads, {first, last});
    // Halves throughout: a range or IQR from -1e308 to 1e308 overflows a double.
    double half_iqr = quartiles[0] / 2 - quartiles[1] / 2;
    // width = 2·IQR·n^(-1/3); range / width in the same bits as numpy's, without overflow.
    double quarter_width = half_iqr * std::pow(static_cast<double>(n), -1.0 / 3.0);
    if (first == last) return equal_width_bins(first, last, 1);
    if (quarter_width == 0) return equal_width_bins(first, last, 1);
    double count = std::max(1.0, std::ceil((last / 2 - first / 2) / quarter_width / 2));
    if (!(count <= static_cast<double>(max_auto_bins)))
        throw UsageError("Freedman-Diaconis asks for " + std::to_string(count) +
                         " bins (the interquartile range is tiny against the range); give a "
                         "number of bins");
    return equal_width_bins(first, last, static_cast<std::size_t>(count));
}

Bins quantile_bins(Pieces a, std::size_t count, std::size_t threads) {
    if (count == 0) throw UsageError("the number of quantile bins must be at least 1");
    const Range range = finite_range(a, "sample A", threads);
    if (total_size(a) == 0) throw InputError("sample A is empty; it cannot decide quantile bins");
    std::vector<double> qs(count + 1);
    double step = 1.0 / static_cast<double>(count);  // numpy.linspace(0, 1, count + 1)
    for (std::size_t k = 0; k < count; ++k) qs[k] = static_cast<double>(k) * step;
    qs[count] = 1.0;
    std::vector<double> cuts = quantiles(a, qs, threads, range);
    Bins bins;
    bins.open_ends = true;
    for (double c : cuts)
        if (bins.edges.empty() || c > bins.edges.back()) bins.edges.push_back(c);
    if (bins.edges.size() == 1) bins.edges.push_back(bins.edges.front());  // one value: one bin
    return bins;
}

void BinCounts::add(const BinCounts& other) {
    if (other.counts.size() != counts.size())
        throw InputError("cannot add counts over " + std::to_string(other.counts.size()) +
                         " bins to counts over " + std::to_string(counts.size()));
    for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += other.counts[i];
    below += other.below;
    above += other.above;
}

BinCounts empty_counts(const Bins& bins) {
    BinCounts c;
    c.counts.assign(bins.size(), 0.0);
    return c;
}

namespace {

// Adds the values of `run` to `counts` (made for `bins`).
void count_run(const Bins& bins, const Run& run, BinCounts& counts) {
    double front = bins.edges.front(), back = bins.edges.back();
    std::size_t last = bins.size() - 1;
    std::size_t position = run.offset;
    for (auto piece : run.pieces) {
        for (double x : piece) {
            ++position;
            if (x < front) {
                if (bins.open_ends)
                    counts.counts[0] += 1;
                else
                    counts.below += 1;
            } else if (x > back) {
                if (bins.open_ends)
                    counts.counts[last] += 1;
                else
                    counts.above += 1;
            } else if (x >= front) {
                counts.counts[bins.uniform ? uniform_bin(bins, x) : searched_bin(bins, x)] += 1;
            } else {
                throw InputError("a value is nan at position " + std::to_string(position) +
                                 "; it has no bin");
            }
        }
    }
}

}  // namespace

// Each run is counted apart and the counts added in run order: whole numbers
// below 2^53, so the sums are exact and the same at any thread count.
void count_into(const Bins& bins, Pieces values, BinCounts& counts, std::size_t threads) {
    if (counts.counts.size() != bins.size())
        throw InputError("counts over " + std::to_string(counts.counts.size()) +
                         " bins cannot take values binned over " + std::to_string(bins.size()));
    auto runs = runs_of(values, threads);
    if (runs.size() <= 1) {
        for (const auto& run : runs) count_run(bins, run, counts);
        return;
    }
    std::vector<BinCounts> parts(runs.size());
    parallel_for(runs.size(), threads, [&](std::size_t k) {
        BinCounts own = empty_counts(bins);  // allocated by its thread: no cache line shared with another
        count_run(bins, runs[k], own);
        parts[k] = std::move(own);
    });
    for (const auto& part : parts) counts.add(part);
}

BinCounts bin_counts(const Bins& bins, Pieces values, std::size_t threads) {
    BinCounts counts = empty_counts(bins);
    count_into(bins, values, counts, threads);
    return counts;
}

// The one-piece forms.
Bins freedman_diaconis_bins(std::span<const double> a, std::span<const double> b) {
    const std::span<const double> one_a[] = {a}, one_b[] = {b};
    return freedman_diaconis_bins(Pieces(one_a), Pieces(one_b));
}
Bins quantile_bins(std::span<const double> a, std::size_t count) {
    const std::span<const double> one[] = {a};
    return quantile_bins(Pieces(one), count);
}
void count_into(const Bins& bins, std::span<const double> values, BinCounts& counts) {
    const std::span<const double> one[] = {values};
    count_into(bins, Pieces(one), counts);
}
BinCounts bin_counts(const Bins& bins, std::span<const double> values) {
    const std::span<const double> one[] = {values};
    return bin_counts(bins, Pieces(one));
}

}  // namespace mlm::info
