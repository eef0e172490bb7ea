// lib/info entropy, frequency, split gain and log loss against scipy and
// scikit-learn (tests/reference/info_unit.py).
#include "error.hpp"
#include "info/entropy.hpp"
#include "info/frequency.hpp"
#include "info/log_loss.hpp"
#include "info/split_gain.hpp"
#include "info_reference.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <nlohmann/json.hpp>

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const nlohmann::json& reference() { return mlm::test::reference_json("info_unit.json"); }

// Entropies are sums of n terms each with relative error ~eps: 1e-12 leaves
// room for n up to thousands while catching any wrong formula or base.
constexpr double tol = 1e-12;

}  // namespace

TEST_CASE("entropy: matches scipy.stats.entropy in bases 2, e and 10", "[entropy][reference]") {
    for (const auto& c : reference()["entropy"]) {
        auto w = c["weights"].get<std::vector<double>>();
        double expected = c["h"].get<double>();
        double h = mlm::info::entropy(w, c["base"].get<double>(), mlm::info::WeightReading::divide_by_sum);
        INFO("weights of size " << w.size() << ", base " << c["base"]);
        if (expected == 0) CHECK(h == 0);
        else CHECK_THAT(h, WithinRel(expected, tol) || WithinAbs(expected, 1e-300));
    }
}

TEST_CASE("entropy: a certain outcome has zero entropy, never -0", "[entropy][edge]") {
    std::vector<double> w{0, 1, 0};
    double h = mlm::info::entropy(w, 2);
    CHECK(h == 0);
    CHECK_FALSE(std::signbit(h));
}

TEST_CASE("entropy: negative, non-finite and all-zero weights are input errors", "[entropy][error]") {
    using mlm::InputError;
    std::vector<double> negative{0.5, -0.2, 0.7};
    CHECK_THROWS_WITH(mlm::info::entropy(negative), "weights must be finite and >= 0, got -0.2 in row 2");
    std::vector<double> nan{0.5, std::nan("")};
    CHECK_THROWS_AS(mlm::info::entropy(nan), InputError);
    std::vector<double> zeros{0, 0};
    CHECK_THROWS_WITH(mlm::info::entropy(zeros), "all weights are zero: no distribution");
    std::vector<double> empty;
    CHECK_THROWS_AS(mlm::info::entropy(empty), InputError);
}

TEST_CASE("entropy: weights read as probabilities must sum to 1 within 1e-6", "[entropy][probabilities]") {
    // The bug: mlm-entropy on the labels 1,2,2 printed the entropy of the
    // weights 1,2,2 (1.52 bits), not of the labels (0.918).
    std::vector<double> labels{1, 2, 2};
    CHECK_THROWS_AS(mlm::info::entropy(labels), mlm::info::NotProbabilities);
    CHECK_THROWS_WITH(mlm::info::entropy(labels), "weights sum to 5, not 1");
    std::vector<double> p{0.25, 0.75};
    CHECK_THAT(mlm::info::entropy(p, 2), WithinRel(0.8112781244591328, tol));
    // scipy.stats.entropy([0.25, 0.75 + 1e-7], base=2): within 1e-6, then renormalized.
    std::vector<double> near{0.25, 0.75 + 1e-7};
    CHECK_THAT(mlm::info::entropy(near, 2), WithinRel(0.811278084835072, tol));
    // --normalize: scipy.stats.entropy([1, 2, 2], base=2).
    CHECK_THAT(mlm::info::entropy(labels, 2, mlm::info::WeightReading::divide_by_sum),
               WithinRel(1.5219280948873626, tol));
}

TEST_CASE("entropy: compensated sum keeps a million tiny terms exact", "[entropy][numerics]") {
    mlm::info::CompensatedSum s;
    s.add(1.0);
    for (int i = 0; i < 1000000; ++i) s.add(1e-16);
    // A naive sum stays at 1.0: every 1e-16 is below half an ulp of 1.
    CHECK_THAT(s.value(), WithinRel(1.0 + 1e-10, 1e-15));
}

TEST_CASE("entropy: pairwise sum is exact on integers and within log n eps on 0.1s", "[entropy][numerics]") {
    std::vector<double> ints(100000), tenths(1000000, 0.1);
    for (std::size_t i = 0; i < ints.size(); ++i) ints[i] = static_cast<double>(i + 1);
    // n(n+1)/2 = 5000050000 < 2^53: every partial sum is an exact integer.
    CHECK(mlm::info::pairwise_sum(ints) == 5000050000.0);
    // The double nearest 0.1 is 0.1000000000000000055..., so the exact sum is
    // 100000.0000000000055; pairwise error is ~log2(1e6) eps, a naive sum ~1e-12.
    CHECK_THAT(mlm::info::pairwise_sum(tenths), WithinRel(100000.0, 1e-14));
    CHECK(mlm::info::pairwise_sum(std::vector<double>{}) == 0.0);
    CHECK(mlm::info::pairwise_sum(std::vector<double>{2.5}) == 2.5);
}

TEST_CASE("frequency: thousands of distinct values, some sharing a prefix, are counted apart", "[frequency][edge]") {
    // Enough values to grow the index several times; long and short keys, and
    // keys that differ only after their first 8 bytes.
    mlm::info::Frequencies f;
    for (int round = 0; round < 3; ++round)
        for (int i = 0; i < 5000; ++i) f.add("prefix__" + std::to_string(i), 1);
    f.add("", 2);
    REQUIRE(f.distinct() == 5001);
    CHECK(f.total() == 15002);
    for (std::size_t i = 0; i < 5000; ++i) {
        CHECK(f.values()[i] == "prefix__" + std::to_string(i));
        CHECK(f.counts()[i] == 3);
    }
    CHECK(f.values()[5000].empty());
    CHECK(f.counts()[5000] == 2);
    CHECK(f.add("prefix__4999") == 4999);
}

TEST_CASE("frequency: short values that differ in one byte, at any place, are counted apart", "[frequency][edge]") {
    // Values shorter than 8 bytes are hashed and compared as a few overlapping
    // loads: every byte of every length 1..12 must still tell values apart.
    mlm::info::Frequencies f;
    std::size_t expected = 0;
    for (std::size_t n = 1; n <= 12; ++n) {
        const std::string base(n, 'a');
        f.add(base);
        ++expected;
        for (std::size_t i = 0; i < n; ++i) {
            std::string v = base;
            v[i] = 'b';
            CHECK(f.add(v) == expected++);
            v[i] = '\0';
            CHECK(f.add(v) == expected++);
        }
    }
    REQUIRE(f.distinct() == expected);
    for (std::size_t n = 1; n <= 12; ++n) CHECK(f.add(std::string(n, 'a')) < expected);  // found, not added
    CHECK(f.distinct() == expected);
    for (double c : f.counts()) CHECK(c >= 1);
    CHECK(f.total() == expected + 12);
}

TEST_CASE("frequency: MI, NMI and conditional entropy match scikit-learn", "[frequency][reference]") {
    for (const auto& c : reference()["labels"]) {
        mlm::info::Contingency t;
        auto a = c["a"].get<std::vector<std::string>>();
        auto b = c["b"].get<std::vector<std::string>>();
        for (std::size_t i = 0; i < a.size(); ++i) t.add(a[i], b[i]);
        CHECK_THAT(mlm::info::mutual_information(t, std::exp(1.0)), WithinRel(c["mi_nats"].get<double>(), tol));
        CHECK_THAT(mlm::info::normalized_mutual_information(t), WithinRel(c["nmi"].get<double>(), tol));
        CHECK_THAT(mlm::info::joint_entropy(t, 2), WithinRel(c["h_ab_bits"].get<double>(), tol));
        CHECK_THAT(mlm::info::conditional_entropy(t, 2), WithinRel(c["h_a_given_b_bits"].get<double>(), 1e-11));
        CHECK_THAT(mlm::info::entropy_of_counts(t.first().counts(), 2), WithinRel(c["h_a_bits"].get<double>(), tol));
    }
}

TEST_CASE("frequency: merging two halves equals counting the whole", "[frequency][merge]") {
    mlm::info::Frequencies whole, left, right;
    const char* values[] = {"a", "b", "a", "c", "a", "b"};
    for (int i = 0; i < 6; ++i) {
        whole.add(values[i]);
        (i < 3 ? left : right).add(values[i]);
    }
    left.merge(right);
    CHECK(left.values() == whole.values());
    CHECK(left.counts() == whole.counts());
    CHECK(left.total() == 6);
}

TEST_CASE("frequency: constant variables have NMI 1, as scikit-learn", "[frequency][edge]") {
    mlm::info::Contingency t;
    for (int i = 0; i < 4; ++i) t.add("x", "y");
    CHECK(mlm::info::normalized_mutual_information(t) == 1.0);
    CHECK(mlm::info::mutual_information(t, 2) == 0.0);
}

TEST_CASE("split gain: a perfect categorical split gains all of H(T)", "[gain]") {
    std::vector<std::uint32_t> target{0, 0, 1, 1}, feature{0, 0, 1, 1};
    auto g = mlm::info::categorical_gain(target, 2, feature, 2, 2);
    CHECK_THAT(g.gain, WithinRel(1.0, tol));
    CHECK_THAT(g.gain_ratio, WithinRel(1.0, tol));
    CHECK_FALSE(g.threshold);
}

TEST_CASE("split gain: numeric threshold is the midpoint, ties go to the lowest", "[gain]") {
    std::vector<std::uint32_t> target{0, 1, 0, 1};
    std::vector<double> x{1, 2, 3, 4};  // every split gains the same
    auto g = mlm::info::numeric_gain(target, 2, x, 2);
    REQUIRE(g.threshold);
    CHECK(*g.threshold == 1.5);
    std::vector<std::uint32_t> t2{0, 0, 1, 1};
    auto best = mlm::info::numeric_gain(t2, 2, x, 2);
    CHECK(*best.threshold == 2.5);
    CHECK_THAT(best.gain, WithinRel(1.0, tol));
}

namespace {

// The best threshold as the definition reads: every midpoint's children
// entropy term by term, the first smallest kept (the slow search numeric_gain
// ranks its candidates to avoid).
std::pair<double, double> every_threshold(const std::vector<std::uint32_t>& target, std::size_t classes,
                                          const std::vector<double>& x, double base) {
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> left(classes, 0), right(classes, 0);
    for (auto t : target) right[t] += 1;
    const double n = static_cast<double>(x.size());
    const double h = mlm::info::entropy_of_counts(right, base);
    double best = h, threshold = std::nan("");
    for (std::size_t k = 0; k + 1 < order.size(); ++k) {
        left[target[order[k]]] += 1;
        right[target[order[k]]] -= 1;
        if (x[order[k]] == x[order[k + 1]]) continue;
        const double nl = static_cast<double>(k + 1), nr = n - nl;
        const double children = (nl * mlm::info::entropy_of_counts(left, base) +
                                 nr * mlm::info::entropy_of_counts(right, base)) / n;
        // lower by more than 4 ulps, else a tie that keeps the lower threshold (as numeric_gain)
        if (std::isnan(threshold) || children < best - 4 * std::numeric_limits<double>::epsilon() * std::fabs(best)) {
            best = children;
            threshold = x[order[k]] + (x[order[k + 1]] - x[order[k]]) / 2;
        }
    }
    return {std::max(0.0, h - best), threshold};
}

}  // namespace

TEST_CASE("split gain: the numeric threshold is the one the search of every threshold finds", "[gain]") {
    std::mt19937_64 rng(20261202);
    struct Shape {
        std::size_t n, classes, values;
        double follows;  // how often the class follows the feature: near-pure sides, many ties
    };
    for (const Shape& shape : {Shape{50, 2, 5, 0.0}, Shape{2000, 3, 40, 0.9}, Shape{2000, 2, 2000, 1.0},
                               Shape{5000, 50, 300, 0.5}, Shape{20000, 7, 20000, 0.99}, Shape{300, 300, 30, 0.0},
                               Shape{100000, 4, 1000, 0.999}}) {
        std::vector<std::uint32_t> target(shape.n);
        std::vector<double> x(shape.n);
        for (std::size_t i = 0; i < shape.n; ++i) {
            const std::size_t v = rng() % shape.values;
            x[i] = static_cast<double>(v) / 8;  // exact midpoints
            const bool follows = std::uniform_real_distribution<double>(0, 1)(rng) < shape.follows;
            target[i] = static_cast<std::uint32_t>(follows ? v * shape.classes / shape.values : rng() % shape.classes);
        }
        for (double base : {2.0, std::exp(1.0)}) {
            INFO("n " << shape.n << ", classes " << shape.classes << ", values " << shape.values << ", base " << base);
            const auto [gain, threshold] = every_threshold(target, shape.classes, x, base);
            const auto g = mlm::info::numeric_gain(target, shape.classes, x, base);
            REQUIRE(g.threshold);
            CHECK(*g.threshold == threshold);
            // to the last bits only where the library's build fuses a multiply-add this file's does not
            CHECK_THAT(g.gain, WithinRel(gain, 1e-13));
        }
    }
}

TEST_CASE("split gain: of two thresholds that tie exactly, the lower one", "[gain][edge]") {
    // A palindrome of classes over x = 0..n-1: the splits after k and after
    // n - 2 - k are mirror images, with the same children entropy to the bit;
    // a ranking by running sums may tell them apart by an ulp.
    std::mt19937_64 rng(7);
    std::size_t lower_kept = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 200 + rng() % 3000, classes = 2 + rng() % 3;
        std::vector<std::uint32_t> target(n);
        std::vector<double> x(n);
        for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(i);
        for (std::size_t i = 0; i < (n + 1) / 2; ++i)
            target[i] = target[n - 1 - i] = static_cast<std::uint32_t>(rng() % classes);
        const auto [gain, threshold] = every_threshold(target, classes, x, 2);
        const auto g = mlm::info::numeric_gain(target, classes, x, 2);
        REQUIRE(g.threshold);
        INFO("trial " << trial << ", n " << n << ", classes " << classes);
        CHECK(*g.threshold == threshold);
        lower_kept += *g.threshold == threshold && threshold < static_cast<double>(n) / 2;
    }
    CHECK(lower_kept > 50);  // the ties were there to break
}

TEST_CASE("split gain: many values of many classes, counted without their full table", "[gain][edge]") {
    // 1,100 values x 1,000 classes is past the table categorical_gain builds
    // (2^20 cells): the pairs are sorted instead. The definition, with maps:
    std::mt19937_64 rng(11);
    const std::size_t n = 30000, values = 1100, classes = 1000;
    std::vector<std::uint32_t> target(n), feature(n);
    std::map<std::uint32_t, std::map<std::uint32_t, double>> counts;
    std::vector<double> total(classes, 0);
    for (std::size_t i = 0; i < n; ++i) {
        feature[i] = static_cast<std::uint32_t>(rng() % values);
        target[i] = static_cast<std::uint32_t>((feature[i] + rng() % 40) % classes);
        counts[feature[i]][target[i]] += 1;
        total[target[i]] += 1;
    }
    double children = 0;
    std::vector<double> sizes;
    for (const auto& [v, by_class] : counts) {
        std::vector<double> c;
        for (const auto& [t, k] : by_class) c.push_back(k);
        const double size = std::accumulate(c.begin(), c.end(), 0.0);
        children += size / static_cast<double>(n) * mlm::info::entropy_of_counts(c, 2);
        sizes.push_back(size);
    }
    const auto g = mlm::info::categorical_gain(target, classes, feature, values, 2);
    CHECK_THAT(g.gain, WithinRel(mlm::info::entropy_of_counts(total, 2) - children, 1e-12));
    CHECK_THAT(g.split_info, WithinRel(mlm::info::entropy_of_counts(sizes, 2), 1e-12));
    CHECK(g.gain > 3);  // the class follows the value: most of H(T) is gained
}

TEST_CASE("split gain: a constant numeric feature gains nothing and has no threshold", "[gain][edge]") {
    std::vector<std::uint32_t> target{0, 1, 0};
    std::vector<double> x{5, 5, 5};
    auto g = mlm::info::numeric_gain(target, 2, x, 2);
    CHECK(g.gain == 0);
    CHECK_FALSE(g.threshold);
}

TEST_CASE("log loss: binary and multi-class match scikit-learn's log_loss", "[log_loss][reference]") {
    for (const auto& c : reference()["log_loss"]) {
        auto y = c["y"].get<std::vector<int>>();
        double eps = c["eps"].get<double>();
        mlm::info::CompensatedSum sum;
        if (c["kind"] == "binary") {
            auto p = c["p"].get<std::vector<double>>();
            for (std::size_t i = 0; i < y.size(); ++i)
                sum.add(mlm::info::binary_log_loss(y[i], p[i], eps, std::exp(1.0)));
        } else {
            auto p = c["p"].get<std::vector<std::vector<double>>>();
            for (std::size_t i = 0; i < y.size(); ++i)
                sum.add(mlm::info::multiclass_log_loss(p[i], static_cast<std::size_t>(y[i]), eps, std::exp(1.0)));
        }
        CHECK_THAT(sum.value() / static_cast<double>(y.size()), WithinRel(c["loss"].get<double>(), tol));
    }
}
