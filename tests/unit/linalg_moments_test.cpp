#include "error.hpp"
#include "linalg/moments.hpp"

#include <catch2/catch.hpp>

#include <limits>

using mlm::linalg::Moments;

namespace {

// Two-pass reference: the mean first, then the centred cross products, in long
// double; a different algorithm from the streamed one, so it can disagree.
Eigen::MatrixXd two_pass_comoments(const Eigen::MatrixXd& x) {
    const Eigen::Index d = x.cols();
    Eigen::MatrixXd out(d, d);
    for (Eigen::Index a = 0; a < d; ++a)
        for (Eigen::Index b = 0; b < d; ++b) {
            long double ma = 0, mb = 0, s = 0;
            for (Eigen::Index i = 0; i < x.rows(); ++i) ma += x(i, a), mb += x(i, b);
            ma /= x.rows();
            mb /= x.rows();
            for (Eigen::Index i = 0; i < x.rows(); ++i) s += (x(i, a) - ma) * (x(i, b) - mb);
            out(a, b) = static_cast<double>(s);
        }
    return out;
}

Eigen::MatrixXd offset_data(Eigen::Index n, Eigen::Index d, double offset) {
    std::srand(7);
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(n, d);
    x.col(0) = x.col(0) * 3 + x.col(1);  // correlated columns, not just noise
    return x.array() + offset;
}

Moments streamed(const Eigen::MatrixXd& x, Eigen::Index block) {
    Moments m(x.cols());
    for (Eigen::Index start = 0; start < x.rows(); start += block)
        m.add_block(x.middleRows(start, std::min(block, x.rows() - start)));
    return m;
}

}  // namespace

TEST_CASE("moments: Welford's classic example has variance 30 despite an offset of 1e9",
          "[moments][stability]") {
    Eigen::MatrixXd x(4, 1);
    x << 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16;
    for (Eigen::Index block : {1, 2, 3, 4}) {
        const Moments m = streamed(x, block);
        CHECK(m.count() == 4);
        // Exact in real arithmetic; the centred values are small integers, so
        // only the mean's rounding (1e9 * eps ~ 1e-7) can leak in.
        CHECK_THAT(m.covariance()(0, 0), Catch::Matchers::WithinRel(30.0, 1e-12));
        CHECK_THAT(m.mean()(0), Catch::Matchers::WithinRel(1e9 + 10, 1e-15));
    }
}

TEST_CASE("moments: blocks of any size give the two-pass co-moments", "[moments]") {
    const Eigen::MatrixXd x = offset_data(1000, 5, 1e6);
    const Eigen::MatrixXd expected = two_pass_comoments(x);
    for (Eigen::Index block : {1, 7, 256, 1000}) {
        const Eigen::MatrixXd got = streamed(x, block).comoments();
        // Entries are ~1e3; offset 1e6 costs ~1e6 * eps per row in the centring.
        CHECK((got - expected).cwiseAbs().maxCoeff() <= 1e-9 * expected.cwiseAbs().maxCoeff());
    }
}

TEST_CASE("moments: merging shards equals one pass", "[moments][merge]") {
    const Eigen::MatrixXd x = offset_data(997, 4, 1e3);
    const Moments whole = streamed(x, 997);
    Moments merged(4);
    Eigen::Index start = 0;
    for (Eigen::Index size : {1, 100, 0, 333, 563}) {
        Moments shard(4);
        if (size > 0) shard.add_block(x.middleRows(start, size));
        merged.merge(shard);
        start += size;
    }
    REQUIRE(start == 997);
    CHECK(merged.count() == whole.count());
    const double tol = 1e-12 * whole.comoments().cwiseAbs().maxCoeff();
    CHECK((merged.comoments() - whole.comoments()).cwiseAbs().maxCoeff() <= tol);
    CHECK((merged.mean() - whole.mean()).cwiseAbs().maxCoeff() <= 1e-12 * 1e3);
}

TEST_CASE("moments: covariance divides by n-1 and the sd by n", "[moments]") {
    Eigen::MatrixXd x(3, 2);
    x << 1, 2, 2, 4, 3, 9;
    const Moments m = streamed(x, 2);
    // numpy: np.cov(x.T) = [[1, 3.5], [3.5, 13]]; x.std(0) = [sqrt(2/3), sqrt(26/3)]
    CHECK_THAT(m.covariance()(0, 1), Catch::Matchers::WithinRel(3.5, 1e-15));
    CHECK_THAT(m.covariance()(1, 0), Catch::Matchers::WithinRel(3.5, 1e-15));
    CHECK_THAT(m.covariance()(1, 1), Catch::Matchers::WithinRel(13.0, 1e-15));
    CHECK_THAT(m.population_sd()(0), Catch::Matchers::WithinRel(std::sqrt(2.0 / 3), 1e-15));
    CHECK_THAT(m.population_sd()(1), Catch::Matchers::WithinRel(std::sqrt(26.0 / 3), 1e-15));
}

TEST_CASE("moments: a subset of columns keeps their co-moments", "[moments]") {
    const Eigen::MatrixXd x = offset_data(50, 4, 0);
    const Moments all = streamed(x, 16);
    const Moments two = all.columns({3, 1});
    CHECK(two.count() == 50);
    CHECK(two.mean()(0) == all.mean()(3));
    CHECK(two.comoments()(0, 1) == all.comoments()(3, 1));
    CHECK(two.comoments()(1, 1) == all.comoments()(1, 1));
}

TEST_CASE("moments: parts read back merge like the original", "[moments][merge]") {
    const Eigen::MatrixXd x = offset_data(40, 3, 5);
    const Moments a = streamed(x.topRows(15), 4);
    Moments b = Moments::from_parts(a.count(), a.mean(), a.comoments());
    Moments rest = streamed(x.bottomRows(25), 8);
    b.merge(rest);
    const Moments whole = streamed(x, 40);
    CHECK((b.comoments() - whole.comoments()).cwiseAbs().maxCoeff() <=
          1e-12 * whole.comoments().cwiseAbs().maxCoeff());
}

TEST_CASE("moments: bad shapes and too few rows are input errors", "[moments][edge]") {
    Moments m(3);
    CHECK_THROWS_AS(m.add_block(Eigen::MatrixXd::Zero(2, 4)), mlm::InputError);
    CHECK_THROWS_AS(m.merge(Moments(2)), mlm::InputError);
    CHECK_THROWS_AS(m.covariance(), mlm::InputError);
    CHECK_THROWS_AS(m.population_sd(), mlm::InputError);
    m.add_block(Eigen::MatrixXd::Ones(1, 3));
    CHECK_THROWS_WITH(m.covariance(), Catch::Matchers::Contains("at least 2 rows"));
    CHECK_THROWS_AS(Moments::from_parts(-1, Eigen::VectorXd::Zero(2), Eigen::MatrixXd::Zero(2, 2)),
                    mlm::InputError);
    CHECK_THROWS_AS(Moments::from_parts(3, Eigen::VectorXd::Zero(2), Eigen::MatrixXd::Zero(3, 2)),
                    mlm::InputError);
}

TEST_CASE("moments: an empty block changes nothing", "[moments][edge]") {
    Moments m(2);
    m.add_block(Eigen::MatrixXd::Zero(0, 2));
    CHECK(m.count() == 0);
    m.add_block(Eigen::MatrixXd::Ones(0, 5));  // no rows: its width is not checked
    CHECK(m.count() == 0);
}

TEST_CASE("moments: row-major reader blocks and wide data (chunked updates) give the two-pass co-moments",
          "[moments][layout]") {
    // 300 columns: add_block works in chunks of 128 rows, so 1000 rows take 8 chunks.
    std::srand(41);
    using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const RowMatrix x = (RowMatrix::Random(1000, 300).array() + 10).matrix();
    Moments m(300);
    m.add_block(x.topRows(600));
    m.add_block(Eigen::Map<const RowMatrix>(x.data() + 600 * 300, 400, 300));
    const Eigen::MatrixXd expected = two_pass_comoments(x);
    CHECK(m.count() == 1000);
    CHECK((m.comoments() - expected).cwiseAbs().maxCoeff() <= 1e-12 * expected.cwiseAbs().maxCoeff());
}

TEST_CASE("moments: values near 1e308 keep a finite mean and sd though their squares overflow",
          "[moments][overflow]") {
    Eigen::MatrixXd x(3, 2);
    x << 1e308, 1, -1e308, 1e300, 1e308, -1e300;
    for (const bool full : {true, false}) {
        Moments m = full ? Moments(2) : Moments::diagonal(2);
        m.add_block(x.topRows(1));
        m.add_block(x.bottomRows(2));  // a merge across the unit change
        CHECK_THAT(m.mean()(0), Catch::Matchers::WithinRel(1e308 / 3, 1e-15));
        CHECK(std::abs(m.mean()(1)) <= 1e285);  // 1/3 within the rounding of 1e300 - 1e300 sums
        // population sd of (1, -1, 1) x 1e308 is sqrt(8/9) 1e308; of (0, 1, -1) x 1e300, sqrt(2/3) 1e300
        CHECK_THAT(m.population_sd()(0), Catch::Matchers::WithinRel(std::sqrt(8.0 / 9) * 1e308, 1e-14));
        CHECK_THAT(m.population_sd()(1), Catch::Matchers::WithinRel(std::sqrt(2.0 / 3) * 1e300, 1e-14));
        CHECK(m.units()(0) > 1e308 / 2);
        CHECK(m.units()(1) > 1e300);
    }
}

TEST_CASE("moments: ordinary data keep unit 1 and the same bits", "[moments][overflow]") {
    Eigen::MatrixXd x(3, 1);
    x << 1, 2, 4;
    Moments m(1);
    m.add_block(x);
    CHECK(m.units()(0) == 1);
    // 14/3 up to the few roundings of the update; builds with and without FMA
    // round differently in the last bit.
    CHECK_THAT(m.comoments()(0, 0), Catch::Matchers::WithinULP(14.0 / 3, 4));
}
