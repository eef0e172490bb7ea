// lib/linalg/vector_ops, cosine_scores and top_k against numpy, scipy and
// Python's exactly rounded math.hypot / math.fsum (tests/reference/vec_unit.json,
// made by tests/reference/vec_reference.py).
#include "error.hpp"
#include "info_reference.hpp"
#include "linalg/cosine_scores.hpp"
#include "linalg/top_k.hpp"
#include "linalg/vector_ops.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

using namespace mlm::linalg;
using Catch::Matchers::WithinRel;

namespace {

Eigen::VectorXd vec(const nlohmann::json& j) {
    auto v = mlm::test::numbers(j);
    return Eigen::Map<Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}
const nlohmann::json& ref() { return mlm::test::reference_json("vec_unit.json"); }

}  // namespace

TEST_CASE("vector_ops: norm of 1e200 entries does not overflow (hypot)", "[vec][edge]") {
    const auto& r = ref()["huge"];
    // Scaled: each |x_i|/s is exact to 1 ulp, so a few ulp in all.
    CHECK_THAT(p_norm(vec(r["x"])), WithinRel(mlm::test::number(r["norm2"]), 1e-15));
}

TEST_CASE("vector_ops: norm of 1e-200 entries does not underflow to 0", "[vec][edge]") {
    const auto& r = ref()["tiny"];
    CHECK_THAT(p_norm(vec(r["x"])), WithinRel(mlm::test::number(r["norm2"]), 1e-15));
}

TEST_CASE("vector_ops: p-norms of a long vector with entries over 20 orders match hypot/fsum", "[vec]") {
    const auto& r = ref()["long"];
    const Eigen::VectorXd x = vec(r["x"]);
    // Compensated sums: the error does not grow with the 2000 terms; 1e-13 leaves
    // room for the rounding of |x_i|/s and the final root.
    CHECK_THAT(p_norm(x, 1), WithinRel(mlm::test::number(r["norm1"]), 1e-13));
    CHECK_THAT(p_norm(x, 2), WithinRel(mlm::test::number(r["norm2"]), 1e-13));
    CHECK_THAT(p_norm(x, 3), WithinRel(mlm::test::number(r["norm3"]), 1e-12));
    CHECK(p_norm(x, infinity_norm) == mlm::test::number(r["norminf"]));  // a max is exact
}

TEST_CASE("vector_ops: dot, cosine and distances of long vectors match fsum and scipy", "[vec]") {
    const auto& r = ref()["long"];
    const Eigen::VectorXd x = vec(r["x"]), y = vec(r["y"]);
    CHECK_THAT(dot(x, y), WithinRel(mlm::test::number(r["dot"]), 1e-12));
    CHECK_THAT(cosine_similarity(x, y), WithinRel(mlm::test::number(r["cosine"]), 1e-10));
    CHECK_THAT(distance(x, y, Metric::euclidean), WithinRel(mlm::test::number(r["euclidean"]), 1e-12));
    CHECK_THAT(distance(x, y, Metric::manhattan), WithinRel(mlm::test::number(r["manhattan"]), 1e-12));
}

TEST_CASE("vector_ops: zero vectors have norm 0, cosine nan; nan propagates", "[vec][edge]") {
    const Eigen::VectorXd zero = Eigen::VectorXd::Zero(3), one = Eigen::VectorXd::Ones(3);
    CHECK(p_norm(zero) == 0);
    CHECK(std::isnan(cosine_similarity(zero, one)));
    CHECK(normalized(zero).isZero());
    Eigen::VectorXd with_nan = one;
    with_nan[1] = std::numeric_limits<double>::quiet_NaN();
    CHECK(std::isnan(p_norm(with_nan)));
    with_nan[1] = std::numeric_limits<double>::infinity();
    CHECK(std::isinf(p_norm(with_nan, 3)));
}

TEST_CASE("vector_ops: unknown metric is a usage error", "[vec]") {
    CHECK_THROWS_AS(parse_metric("chebyshev"), mlm::UsageError);
    CHECK(parse_metric("manhattan") == Metric::manhattan);
}

TEST_CASE("cosine_scores: a block against a query matches scipy's 1 - cosine distance", "[vec]") {
    const auto& r = ref()["block"];
    const auto& rows = r["rows"];
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> m(rows.size(), rows[0].size());
    for (std::size_t i = 0; i < rows.size(); ++i) m.row(static_cast<Eigen::Index>(i)) = vec(rows[i]).transpose();
    const Eigen::VectorXd q = vec(r["query"]);
    const Eigen::VectorXd s = cosine_scores(m, row_norms(m), q / p_norm(q));
    const auto expected = mlm::test::numbers(r["cosine"]);
    for (std::size_t i = 0; i < expected.size(); ++i)
        CHECK_THAT(s[static_cast<Eigen::Index>(i)], WithinRel(expected[i], 1e-12));
}

TEST_CASE("cosine_scores: rows near overflow and underflow keep their cosine", "[vec][edge]") {
    Eigen::Matrix<double, 3, 2, Eigen::RowMajor> m;
    m << 3e200, 4e200, 3e-200, 4e-200, 0, 0;
    const Eigen::VectorXd norms = row_norms(m);
    CHECK_THAT(norms[0], WithinRel(5e200, 1e-15));
    CHECK_THAT(norms[1], WithinRel(5e-200, 1e-15));
    CHECK(norms[2] == 0);
    const Eigen::VectorXd s = cosine_scores(m, norms, Eigen::Vector2d(1, 0));
    CHECK_THAT(s[0], WithinRel(0.6, 1e-15));
    CHECK_THAT(s[1], WithinRel(0.6, 1e-15));
    CHECK(s[2] == 0);
}

TEST_CASE("top_k: keeps the k best, ties to the earlier index, in any offer order", "[vec]") {
    TopK<std::string> a(3), b(3);
    const double scores[] = {0.5, 0.9, 0.5, 0.1, 0.9, 0.5};
    for (int i = 0; i < 6; ++i) a.offer(scores[i], i, std::to_string(i));
    for (int i = 5; i >= 0; --i) b.offer(scores[i], i, std::to_string(i));
    for (const auto* t : {&a, &b}) {
        const auto best = t->sorted();
        REQUIRE(best.size() == 3);
        CHECK(best[0].payload == "1");
        CHECK(best[1].payload == "4");
        CHECK(best[2].payload == "0");
    }
    CHECK_FALSE(a.admits(0.5, 2));
    CHECK(a.admits(0.5, -1));
}

TEST_CASE("cosine_scores: a parallel row is at most 1, and nan stays nan (not clamped)", "[vec][edge]") {
    Eigen::Matrix<double, 2, 3, Eigen::RowMajor> m;
    m << 0.1, 0.7, 0.3, std::numeric_limits<double>::quiet_NaN(), 1, 1;
    const Eigen::Vector3d q(0.1, 0.7, 0.3);
    const Eigen::VectorXd s = cosine_scores(m, row_norms(m), q / p_norm(q));
    CHECK(s[0] <= 1.0);
    CHECK_THAT(s[0], WithinRel(1.0, 1e-15));
    CHECK(std::isnan(s[1]));
    CHECK(cosine_similarity(q, 3 * q) <= 1.0);
}
