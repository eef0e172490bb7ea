#include "info/histogram.hpp"

#include <cmath>
#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include <catch2/catch.hpp>

#include "error.hpp"
#include "info_reference.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using mlm::test::numbers;

namespace {

const nlohmann::json& ref() { return mlm::test::kl_reference()["histogram"]; }

// Edges are a few flops from the data (a lerp, a product, a sum): a handful of
// ulps, far inside 1e-12.
void check_edges(const std::vector<double>& actual, const std::vector<double>& expected) {
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        CHECK_THAT(actual[i], WithinRel(expected[i], 1e-12) || WithinAbs(expected[i], 1e-15));
}

void check_counts(const std::vector<double>& actual, const nlohmann::json& expected) {
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) CHECK(actual[i] == expected[i].get<double>());
}

}  // namespace

TEST_CASE("histogram: auto bins match numpy's 'fd' on the pooled data", "[histogram][fd]") {
    auto a = numbers(ref()["a"]), b = numbers(ref()["b"]);
    auto bins = mlm::info::freedman_diaconis_bins(a, b);
    check_edges(bins.edges, numbers(ref()["fd_edges"]));
    CHECK(bins.uniform);
    CHECK_FALSE(bins.open_ends);
    check_counts(mlm::info::bin_counts(bins, b).counts, ref()["fd_counts_b"]);
}

TEST_CASE("histogram: equal-width bins over a range match numpy and count what falls outside",
          "[histogram][range]") {
    const auto& w = ref()["equal_width"];
    auto b = numbers(ref()["b"]);
    auto bins = mlm::info::equal_width_bins(w["range"][0], w["range"][1], w["bins"]);
    check_edges(bins.edges, numbers(w["edges"]));
    auto counts = mlm::info::bin_counts(bins, b);
    check_counts(counts.counts, w["counts_b"]);
    CHECK(counts.below == w["below_b"].get<double>());
    CHECK(counts.above == w["above_b"].get<double>());
}

TEST_CASE("histogram: quantile bins come from A, with open outer edges", "[histogram][quantile]") {
    auto a = numbers(ref()["a"]), b = numbers(ref()["b"]);
    auto bins = mlm::info::quantile_bins(a, 10);
    check_edges(bins.edges, numbers(ref()["quantile_10_edges"]));
    CHECK(bins.open_ends);
    auto counts = mlm::info::bin_counts(bins, b);
    check_counts(counts.counts, ref()["quantile_10_counts_b"]);
    CHECK(counts.below == 0);
    CHECK(counts.above == 0);
    // A in its own quantile bins: 100 per decile (1000 values, no ties)
    for (double c : mlm::info::bin_counts(bins, a).counts) CHECK(c == 100);
}

TEST_CASE("histogram: tied quantiles collapse into one edge", "[histogram][quantile][edge]") {
    auto ties = numbers(ref()["ties"]);
    auto bins = mlm::info::quantile_bins(ties, 10);
    check_edges(bins.edges, numbers(ref()["ties_quantile_10_edges"]));
    std::vector<double> constant(5, 3.0);
    auto one = mlm::info::quantile_bins(constant, 4);
    REQUIRE(one.size() == 1);
    std::vector<double> others{-1, 3, 7};
    CHECK(mlm::info::bin_counts(one, others).counts[0] == 3);
}

TEST_CASE("histogram: a constant sample gets one bin of width 1, as numpy", "[histogram][fd][edge]") {
    std::vector<double> a(4, 2.0), b(3, 2.0);
    auto bins = mlm::info::freedman_diaconis_bins(a, b);
    REQUIRE(bins.size() == 1);
    CHECK(bins.edges[0] == 1.5);
    CHECK(bins.edges[1] == 2.5);
}

TEST_CASE("histogram: counts of shards add up to the counts of the whole", "[histogram][merge]") {
    auto b = numbers(ref()["b"]);
    auto bins = mlm::info::equal_width_bins(-2.0, 2.5, 7);
    auto whole = mlm::info::bin_counts(bins, b);
    std::span<const double> all(b);
    auto sum = mlm::info::bin_counts(bins, all.first(300));
    sum.add(mlm::info::bin_counts(bins, all.subspan(300, 250)));
    auto last = mlm::info::empty_counts(bins);
    mlm::info::count_into(bins, all.subspan(550), last);
    sum.add(last);
    CHECK(sum.counts == whole.counts);
    CHECK(sum.below == whole.below);
    CHECK(sum.above == whole.above);
}

TEST_CASE("histogram: values on edges go right, the last edge into the last bin",
          "[histogram][edge]") {
    auto bins = mlm::info::equal_width_bins(0, 1, 4);
    std::vector<double> x{0, 0.25, 0.5, 0.75, 1.0};
    auto c = mlm::info::bin_counts(bins, x).counts;
    CHECK(c == std::vector<double>{1, 1, 1, 2});
    mlm::info::Bins uneven{{0, 1, 10, 100}, false, false};
    std::vector<double> y{0, 1, 9.999, 10, 100, 100.5, -1};
    auto u = mlm::info::bin_counts(uneven, y);
    CHECK(u.counts == std::vector<double>{1, 2, 2});
    CHECK(u.below == 1);
    CHECK(u.above == 1);
}

TEST_CASE("histogram: bad bins and values are errors", "[histogram][error]") {
    std::vector<double> x{1, 2, 3};
    CHECK_THROWS_AS(mlm::info::equal_width_bins(0, 1, 0), mlm::UsageError);
    CHECK_THROWS_AS(mlm::info::equal_width_bins(2, 1, 3), mlm::UsageError);
    CHECK_THROWS_AS(mlm::info::equal_width_bins(0, std::numeric_limits<double>::infinity(), 3),
                    mlm::UsageError);
    CHECK_THROWS_AS(mlm::info::quantile_bins(x, 0), mlm::UsageError);
    CHECK_THROWS_WITH(mlm::info::quantile_bins(std::vector<double>{}, 5), Contains("sample A is empty"));
    std::vector<double> with_nan{1, std::nan(""), 3};
    CHECK_THROWS_WITH(mlm::info::bin_counts(mlm::info::equal_width_bins(0, 5, 5), with_nan),
                      Contains("nan at position 2"));
    CHECK_THROWS_AS(mlm::info::freedman_diaconis_bins(x, with_nan), mlm::InputError);
    CHECK_THROWS_AS(mlm::info::freedman_diaconis_bins(std::vector<double>{}, std::vector<double>{}),
                    mlm::InputError);
    auto four = mlm::info::bin_counts(mlm::info::equal_width_bins(0, 5, 4), x);
    auto five = mlm::info::bin_counts(mlm::info::equal_width_bins(0, 5, 5), x);
    CHECK_THROWS_AS(four.add(five), mlm::InputError);
    // an IQR tiny against an outlier asks for absurdly many bins
    std::vector<double> spike(1000, 1.0);
    spike[0] = 1.0 + 1e-12;
    spike[1] = 1e9;
    spike[2] = 1.0 - 1e-12;
    for (std::size_t i = 3; i < 1000; i += 2) spike[i] = 1.0 + 1e-12;
    CHECK_THROWS_AS(mlm::info::freedman_diaconis_bins(spike, x), mlm::UsageError);
}

TEST_CASE("histogram: quantile bins of large samples match numpy, skewed ones too",
          "[histogram][quantile][large]") {
    // Past 65536 values the quantiles come from bucket selection instead of
    // partial sorting; the samples are integer formulas numpy evaluated identically.
    const auto& large = ref()["large"];
    std::size_t n = large["n"];
    std::vector<double> spread(n), skewed(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto k = static_cast<std::int64_t>(i);
        spread[i] = static_cast<double>((k * 7919) % 100003) / 100003.0 + static_cast<double>(k % 7);
        skewed[i] = k % 1000 == 0 ? static_cast<double>(k) * 1e6 : static_cast<double>(k % 3) / 7.0;
    }
    check_edges(mlm::info::quantile_bins(spread, 20).edges, numbers(large["spread_quantile_20_edges"]));
    check_edges(mlm::info::quantile_bins(skewed, 20).edges, numbers(large["skewed_quantile_20_edges"]));
    std::span<const double> head(spread.data(), 5000);
    auto fd = mlm::info::freedman_diaconis_bins(spread, head);
    REQUIRE(fd.edges.size() == large["spread_fd_edges_count"].get<std::size_t>());
    auto first = numbers(large["spread_fd_first_edges"]);
    for (std::size_t i = 0; i < first.size(); ++i)
        CHECK_THAT(fd.edges[i], WithinRel(first[i], 1e-12) || WithinAbs(first[i], 1e-15));
}

TEST_CASE("histogram: a sample in pieces gives what the joined sample gives", "[histogram][pieces]") {
    // Small samples (copied and selected) and large ones (bucketed, 65,536
    // values and up), cut into pieces of uneven sizes, empty ones among them.
    std::vector<double> a, b;
    for (std::size_t n : {1000, 200000}) {
        a.clear();
        b.clear();
        std::uint64_t x = 88172645463325252ull;  // xorshift: skewed values with ties
        auto next = [&] {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            return std::floor(std::pow(static_cast<double>(x % 100000) / 1000.0, 2)) / 7;
        };
        for (std::size_t i = 0; i < n; ++i) a.push_back(next());
        for (std::size_t i = 0; i < n / 2; ++i) b.push_back(next() + 3);
        auto cut = [](const std::vector<double>& v) {
            std::vector<std::span<const double>> pieces;
            for (std::size_t at = 0, size = 0; at < v.size(); at += size, size = (size * 7 + 3) % 9000) {
                size = std::min(size, v.size() - at);
                pieces.emplace_back(v.data() + at, size);
            }
            return pieces;
        };
        const auto pa = cut(a), pb = cut(b);
        INFO(n << " values in " << pa.size() << " pieces");
        REQUIRE(pa.size() > 3);
        for (std::size_t count : {4, 20}) {
            const auto joined = mlm::info::quantile_bins(a, count), pieces = mlm::info::quantile_bins(pa, count);
            CHECK(pieces.edges == joined.edges);
        }
        const auto fd = mlm::info::freedman_diaconis_bins(a, b);
        CHECK(mlm::info::freedman_diaconis_bins(pa, pb).edges == fd.edges);
        const auto joined = mlm::info::bin_counts(fd, b), pieces = mlm::info::bin_counts(fd, pb);
        CHECK(pieces.counts == joined.counts);
        // Shared out among threads (200,000 values make three runs), the same to the bit.
        for (std::size_t threads : {2, 3, 5}) {
            INFO(threads << " threads");
            CHECK(mlm::info::quantile_bins(pa, 20, threads).edges == mlm::info::quantile_bins(a, 20).edges);
            CHECK(mlm::info::freedman_diaconis_bins(pa, pb, threads).edges == fd.edges);
            CHECK(mlm::info::bin_counts(fd, pb, threads).counts == joined.counts);
            const auto quantile = mlm::info::quantile_bins(a, 7);
            CHECK(mlm::info::bin_counts(quantile, pa, threads).counts == mlm::info::bin_counts(quantile, a).counts);
        }
    }
    // Positions in messages count across the pieces.
    const std::vector<double> first{1, 2}, second{3, std::nan("")};
    const std::span<const double> halves[] = {first, second};
    CHECK_THROWS_WITH(mlm::info::quantile_bins(mlm::info::Pieces(halves), 2),
                      Contains("not finite at position 4"));
    CHECK_THROWS_WITH(mlm::info::bin_counts(mlm::info::equal_width_bins(0, 5, 5), mlm::info::Pieces(halves)),
                      Contains("nan at position 4"));
}

TEST_CASE("histogram: on several threads the first bad value is the one named", "[histogram][pieces][threads]") {
    // 300,000 values in 30 pieces, so that 3 threads take 100,000 each; nan
    // in the second and third runs: the message names the earlier one.
    std::vector<double> v(300000);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i % 977);
    v[150000] = std::nan("");
    v[250000] = std::nan("");
    std::vector<std::span<const double>> pieces;
    for (std::size_t at = 0; at < v.size(); at += 10000) pieces.emplace_back(v.data() + at, 10000);
    const mlm::info::Pieces p(pieces);
    for (std::size_t threads : {1, 2, 3, 4}) {
        INFO(threads << " threads");
        CHECK_THROWS_WITH(mlm::info::quantile_bins(p, 10, threads), Contains("not finite at position 150001"));
        CHECK_THROWS_WITH(mlm::info::freedman_diaconis_bins(p, p, threads), Contains("not finite at position 150001"));
        CHECK_THROWS_WITH(mlm::info::bin_counts(mlm::info::equal_width_bins(0, 977, 9), p, threads),
                          Contains("nan at position 150001"));
    }
    // Counts added to counts already made, as the shards of a sample are.
    v[150000] = v[250000] = 1;
    auto bins = mlm::info::equal_width_bins(0, 500, 9);
    auto twice = mlm::info::bin_counts(bins, p, 3);
    mlm::info::count_into(bins, p, twice, 3);
    auto once = mlm::info::bin_counts(bins, v);
    for (auto& c : once.counts) c *= 2;
    CHECK(twice.counts == once.counts);
    CHECK(twice.above == 2 * once.above);
    CHECK(twice.above > 0);
}
