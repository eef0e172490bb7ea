#include "error.hpp"
#include "linalg/pca.hpp"

#include "info_reference.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <limits>

using namespace mlm::linalg;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

const nlohmann::json& reference() { return mlm::test::reference_json("pca_sklearn.json"); }

Eigen::VectorXd vector(const nlohmann::json& values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) v(static_cast<Eigen::Index>(i)) = values[i].get<double>();
    return v;
}

std::vector<std::string> names(Eigen::Index d) {
    std::vector<std::string> out;
    for (Eigen::Index j = 0; j < d; ++j) {
        std::string name = "x";  // not "x" + to_string: g++ 12's false -Wrestrict (PR 105329)
        out.push_back(name += std::to_string(j + 1));
    }
    return out;
}

// The acceptance tolerance. Each column is compared against its own
// largest entry: an entry's error scales with its vector's norm, not its size.
constexpr double tol = 1e-9;

void check_columns_up_to_sign(const Eigen::MatrixXd& got, const Eigen::MatrixXd& want) {
    REQUIRE(got.rows() == want.rows());
    REQUIRE(got.cols() == want.cols());
    for (Eigen::Index j = 0; j < want.cols(); ++j) {
        const double sign = got.col(j).dot(want.col(j)) < 0 ? -1.0 : 1.0;
        const double err = (sign * got.col(j) - want.col(j)).cwiseAbs().maxCoeff();
        INFO("column " << j);
        CHECK(err <= tol * want.col(j).cwiseAbs().maxCoeff());
    }
}

void check_against_sklearn(const PcaModel& model, const nlohmann::json& c, const Eigen::MatrixXd& x) {
    const Eigen::VectorXd ev = vector(c["explained_variance"]);
    const Eigen::VectorXd ratio = vector(c["explained_variance_ratio"]);
    REQUIRE(model.eigenvalues.size() == ev.size());
    const Eigen::VectorXd our_ratio = explained_variance_ratio(model);
    for (Eigen::Index j = 0; j < ev.size(); ++j) {
        CHECK_THAT(model.eigenvalues(j), WithinRel(ev(j), tol));
        CHECK_THAT(our_ratio(j), WithinRel(ratio(j), tol));
    }
    check_columns_up_to_sign(model.components.transpose(), mlm::test::json_matrix(c["components"]).transpose());
    check_columns_up_to_sign(transform(model, x), mlm::test::json_matrix(c["scores"]));
}

PcaModel streamed_fit(const Eigen::MatrixXd& x, const PcaSettings& s) {
    Moments m(x.cols());
    for (Eigen::Index start = 0; start < x.rows(); start += 32)
        m.add_block(x.middleRows(start, std::min<Eigen::Index>(32, x.rows() - start)));
    return fit_moments(m, names(x.cols()), s);
}

}  // namespace

TEST_CASE("pca: matches scikit-learn on iris and wine by every route", "[pca][reference]") {
    for (const auto& c : reference()["cases"]) {
        const Eigen::MatrixXd x = mlm::test::json_matrix(c["X"]);
        PcaSettings s;
        s.standardize = c["standardize"].get<bool>();
        for (PcaMethod method : {PcaMethod::cov, PcaMethod::svd}) {
            s.method = method;
            INFO(c["name"].get<std::string>() << " by " << method_name(method));
            const PcaModel model = fit_rows(x, names(x.cols()), s);
            CHECK(model.method == method);
            check_against_sklearn(model, c, x);
        }
        INFO(c["name"].get<std::string>() << " streamed in blocks of 32 rows");
        s.method = PcaMethod::cov;
        check_against_sklearn(streamed_fit(x, s), c, x);
    }
}

TEST_CASE("pca: --variance 0.95 keeps the k scikit-learn keeps", "[pca][reference]") {
    for (const auto& c : reference()["cases"]) {
        const Eigen::MatrixXd x = mlm::test::json_matrix(c["X"]);
        PcaSettings s;
        s.standardize = c["standardize"].get<bool>();
        s.variance = 0.95;
        INFO(c["name"].get<std::string>());
        CHECK(streamed_fit(x, s).kept() == c["k_for_variance_0.95"].get<Eigen::Index>());
        s.method = PcaMethod::svd;
        CHECK(fit_rows(x, names(x.cols()), s).kept() == c["k_for_variance_0.95"].get<Eigen::Index>());
    }
}

TEST_CASE("pca: whitened scores and reconstruction from 2 components match scikit-learn",
          "[pca][reference]") {
    for (const auto& c : reference()["cases"]) {
        const Eigen::MatrixXd x = mlm::test::json_matrix(c["X"]);
        PcaSettings s;
        s.standardize = c["standardize"].get<bool>();
        s.components = 2;
        INFO(c["name"].get<std::string>());
        const PcaModel plain = streamed_fit(x, s);
        check_columns_up_to_sign(inverse_transform(plain, transform(plain, x)),
                                 mlm::test::json_matrix(c["reconstruction_k2"]));
        s.whiten = true;
        const PcaModel white = streamed_fit(x, s);
        const Eigen::MatrixXd scores = transform(white, x);
        check_columns_up_to_sign(scores, mlm::test::json_matrix(c["whitened_scores_k2"]));
        // Whitening is undone by inverse_transform: same reconstruction.
        check_columns_up_to_sign(inverse_transform(white, scores), mlm::test::json_matrix(c["reconstruction_k2"]));
    }
}

TEST_CASE("pca: the largest-magnitude loading of every component is positive", "[pca][sign]") {
    const auto& c = reference()["cases"][0];
    const Eigen::MatrixXd x = mlm::test::json_matrix(c["X"]);
    for (PcaMethod method : {PcaMethod::cov, PcaMethod::svd}) {
        PcaSettings s;
        s.method = method;
        const PcaModel model = fit_rows(x, names(4), s);
        for (Eigen::Index i = 0; i < model.kept(); ++i) {
            Eigen::Index at = 0;
            model.components.row(i).cwiseAbs().maxCoeff(&at);
            CHECK(model.components(i, at) > 0);
        }
    }
}

TEST_CASE("pca: the model records mean, scale, n and total variance", "[pca]") {
    const auto& c = reference()["cases"][1];  // iris standardized
    const Eigen::MatrixXd x = mlm::test::json_matrix(c["X"]);
    PcaSettings s;
    s.standardize = true;
    s.components = 2;
    const PcaModel model = streamed_fit(x, s);
    CHECK(model.n == 150);
    CHECK(model.kept() == 2);
    CHECK(model.eigenvalues.size() == 4);  // every eigenvalue, for the summary
    CHECK(model.features == names(4));
    const Eigen::VectorXd mean = vector(c["mean"]);
    const Eigen::VectorXd scale = vector(c["scale"]);
    for (Eigen::Index j = 0; j < 4; ++j) {
        CHECK_THAT(model.mean(j), WithinRel(mean(j), 1e-13));
        CHECK_THAT(model.scale(j), WithinRel(scale(j), 1e-13));
    }
    // Standardized columns have sample variance n/(n-1) each.
    CHECK_THAT(model.total_variance, WithinRel(4 * 150.0 / 149, 1e-13));
}

TEST_CASE("pca: a constant column under --standardize is an input error naming it",
          "[pca][edge]") {
    Eigen::MatrixXd x(4, 3);
    x << 1, 0.1, 5, 2, 0.1, 3, 3, 0.1, 4, 4, 0.1, 1;
    const std::vector<std::string> cols{"a", "flat", "c"};
    PcaSettings s;
    s.standardize = true;
    CHECK_THROWS_AS(fit_rows(x, cols, s), mlm::InputError);
    CHECK_THROWS_WITH(fit_rows(x, cols, s), Contains("\"flat\"") && Contains("constant"));
    s.drop_constant = true;
    const PcaModel model = fit_rows(x, cols, s);
    CHECK(model.features == std::vector<std::string>{"a", "c"});
    CHECK(model.dropped == std::vector<std::string>{"flat"});
    CHECK(model.components.cols() == 2);
    // Without standardizing, a constant column is harmless: variance 0.
    PcaSettings raw;
    CHECK(fit_rows(x, cols, raw).eigenvalues(2) <= 1e-15);
}

TEST_CASE("pca: every column constant is an input error even when dropping", "[pca][edge]") {
    const Eigen::MatrixXd x = Eigen::MatrixXd::Constant(5, 2, 3.0);
    PcaSettings s;
    s.standardize = true;
    s.drop_constant = true;
    CHECK_THROWS_WITH(fit_rows(x, names(2), s), Contains("every column is constant"));
}

TEST_CASE("pca: scikit-learn's constant test tolerates the mean's rounding", "[pca][edge]") {
    // 0.1 is not a binary fraction: the streamed mean is off by an ulp, leaving
    // a variance of ~1e-33 that is rounding, not spread.
    Moments m(2);
    Eigen::MatrixXd x(1000, 2);
    x.col(0).setConstant(0.1);
    x.col(1) = Eigen::VectorXd::LinSpaced(1000, 0, 1);
    for (int i = 0; i < 1000; i += 7) m.add_block(x.middleRows(i, std::min(7, 1000 - i)));
    REQUIRE(m.comoments()(0, 0) > 0);  // else an exact `== 0` test would pass too
    CHECK(constant_columns(m) == std::vector<Eigen::Index>{0});
}

TEST_CASE("pca: non-finite values, one row and no rows are input errors", "[pca][edge]") {
    Eigen::MatrixXd x = Eigen::MatrixXd::Random(5, 2);
    x(3, 1) = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH(fit_rows(x, {"a", "b"}, {}), Contains("\"b\"") && Contains("non-finite"));
    CHECK_THROWS_WITH(fit_rows(Eigen::MatrixXd::Ones(1, 2), {"a", "b"}, {}), Contains("at least 2 rows"));
    CHECK_THROWS_WITH(fit_moments(Moments(2), {"a", "b"}, {}), Contains("no rows"));
}

TEST_CASE("pca: bad settings are usage errors", "[pca][edge]") {
    const Eigen::MatrixXd x = Eigen::MatrixXd::Random(10, 3);
    PcaSettings s;
    s.components = 4;
    CHECK_THROWS_AS(fit_rows(x, names(3), s), mlm::UsageError);
    s.components = -1;
    CHECK_THROWS_AS(fit_rows(x, names(3), s), mlm::UsageError);
    s.components = 2;
    s.variance = 0.5;
    CHECK_THROWS_WITH(fit_rows(x, names(3), s), Contains("not both"));
    s.components = 0;
    for (double bad : {1.0, -0.5, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
        s.variance = bad;
        CHECK_THROWS_AS(fit_rows(x, names(3), s), mlm::UsageError);
    }
    s.variance = 0.5;
    s.method = PcaMethod::randomized;
    CHECK_THROWS_AS(fit_rows(x, names(3), s), mlm::UsageError);
    CHECK_THROWS_AS(method_from_name("pca"), mlm::UsageError);
    CHECK(method_from_name("randomized") == PcaMethod::randomized);
}

TEST_CASE("pca: fewer rows than columns keeps at most n components, equal by cov and svd",
          "[pca][edge]") {
    std::srand(3);
    const Eigen::MatrixXd x = Eigen::MatrixXd::Random(4, 7);
    PcaSettings s;
    CHECK(choose_method(4, 7, s) == PcaMethod::svd);
    const PcaModel by_svd = fit_rows(x, names(7), s);
    CHECK(by_svd.method == PcaMethod::svd);
    CHECK(by_svd.kept() == 4);
    s.method = PcaMethod::cov;
    const PcaModel by_cov = fit_rows(x, names(7), s);
    CHECK(by_cov.kept() == 4);
    // Rank n-1 = 3: the 4th eigenvalue is rounding on both routes.
    CHECK(by_svd.eigenvalues(3) <= 1e-14 * by_svd.eigenvalues(0));
    CHECK(by_cov.eigenvalues(3) <= 1e-14 * by_cov.eigenvalues(0));
    for (Eigen::Index j = 0; j < 3; ++j) CHECK_THAT(by_cov.eigenvalues(j), WithinRel(by_svd.eigenvalues(j), 1e-12));
    check_columns_up_to_sign(by_cov.components.topRows(3).transpose(),
                             by_svd.components.topRows(3).transpose());
}

TEST_CASE("pca: auto streams when rows outnumber columns, is exact while the rows are few, randomized only when both sides are large",
          "[pca][method]") {
    PcaSettings s;
    CHECK(choose_method(1000, 10, s) == PcaMethod::cov);
    CHECK(choose_method(10, 10, s) == PcaMethod::svd);
    CHECK(choose_method(100, 1000, s) == PcaMethod::svd);  // all components: exact
    s.components = 5;
    // 60 x 8,000 -k 5 went randomized (top eigenvalue 2% off) while the exact thin SVD takes 0.1 s.
    CHECK(choose_method(60, 8000, s) == PcaMethod::svd);
    CHECK(choose_method(exact_svd_rows, 20000, s) == PcaMethod::svd);
    CHECK(choose_method(exact_svd_rows + 1, 20000, s) == PcaMethod::randomized);
    CHECK(approximate(PcaMethod::randomized));
    CHECK(!approximate(PcaMethod::svd));
    s.components = 2000;
    CHECK(choose_method(exact_svd_rows + 1, 20000, s) == PcaMethod::svd);  // k >= 0.8 n
    s.components = 5;
    s.method = PcaMethod::cov;
    CHECK(choose_method(100, 1000, s) == PcaMethod::cov);  // explicit wins
}

TEST_CASE("pca: components for a variance fraction count as numpy's searchsorted(side=right)",
          "[pca][variance]") {
    Eigen::VectorXd ratios(4);
    ratios << 0.5, 0.25, 0.125, 0.125;  // binary fractions: sums are exact
    CHECK(components_for_variance(ratios, 0.4) == 1);
    CHECK(components_for_variance(ratios, 0.5) == 2);  // reaching F exactly is not enough
    CHECK(components_for_variance(ratios, 0.75) == 3);
    CHECK(components_for_variance(ratios, 0.8) == 3);
    CHECK(components_for_variance(ratios, 0.999) == 4);
    Eigen::VectorXd short_of_one(2);
    short_of_one << 0.5, 0.4;  // sums to 0.9 (rank-deficient input): clamp to all
    CHECK(components_for_variance(short_of_one, 0.95) == 2);
}

TEST_CASE("pca: cumulative sums are compensated", "[pca][variance]") {
    Eigen::VectorXd v = Eigen::VectorXd::Constant(10, 0.1);
    const Eigen::VectorXd c = cumulative_sum(v);
    // Plain summation gives 0.9999999999999999; the compensated sum rounds correctly.
    CHECK(c(9) == 1.0);
    CHECK_THAT(c(4), WithinRel(0.5, 1e-16));
}

TEST_CASE("pca: whitening a component of variance 0 is a numeric error", "[pca][edge]") {
    Eigen::MatrixXd x(3, 2);
    x << 1, 2, 2, 4, 3, 6;  // rank 1
    PcaSettings s;
    s.whiten = true;
    s.method = PcaMethod::svd;
    CHECK_THROWS_AS(fit_rows(x, names(2), s), mlm::NumericError);
    s.components = 1;
    CHECK_NOTHROW(fit_rows(x, names(2), s));
}

namespace {

// tests/reference/pca_sklearn.py's lcg_wide, bit for bit: integer draws from
// a 64-bit LCG, exact after the division by 256.
Eigen::MatrixXd lcg_wide(Eigen::Index n, Eigen::Index d) {
    std::uint64_t state = 20261201;
    auto draw = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>(state >> 33);
    };
    std::vector<std::vector<std::int64_t>> f(3), g(3);
    for (auto& v : f)
        for (Eigen::Index i = 0; i < n; ++i) v.push_back(draw() % 201 - 100);
    for (auto& v : g)
        for (Eigen::Index j = 0; j < d; ++j) v.push_back(draw() % 201 - 100);
    Eigen::MatrixXd x(n, d);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < d; ++j) {
            const auto a = static_cast<std::size_t>(i), b = static_cast<std::size_t>(j);
            const std::int64_t v = 3 * f[0][a] * g[0][b] + 2 * f[1][a] * g[1][b] + f[2][a] * g[2][b] +
                                   draw() % 20001 - 10000;
            x(i, j) = static_cast<double>(v) / 256;
        }
    return x;
}

void check_wide(const nlohmann::json& c, const Eigen::MatrixXd& x, const RowsFit& fit) {
    const Eigen::VectorXd ev = vector(c["explained_variance"]);
    const Eigen::VectorXd ratio = vector(c["explained_variance_ratio"]);
    const auto k = c["k"].get<Eigen::Index>();
    REQUIRE(fit.model.kept() == k);
    REQUIRE(fit.model.eigenvalues.size() == x.rows());  // min(n, d) computed
    const Eigen::VectorXd our_ratio = explained_variance_ratio(fit.model);
    for (Eigen::Index j = 0; j < ev.size(); ++j) {
        CHECK_THAT(fit.model.eigenvalues(j), WithinRel(ev(j), tol));
        CHECK_THAT(our_ratio(j), WithinRel(ratio(j), tol));
    }
    // Rank n - 1 after centring: the last eigenvalue is rounding of the first.
    CHECK(fit.model.eigenvalues(x.rows() - 1) <= 1e-12 * ev(0));
    const Eigen::MatrixXd comps = mlm::test::json_matrix(c["components_k"]);
    check_columns_up_to_sign(fit.model.components.leftCols(comps.cols()).transpose(), comps.transpose());
    check_columns_up_to_sign(fit.scores, mlm::test::json_matrix(c["scores_k"]));
    check_columns_up_to_sign(transform(fit.model, x), mlm::test::json_matrix(c["scores_k"]));
}

}  // namespace

TEST_CASE("pca: wide data (30 x 500, 60 x 8000) by the in-place thin SVD match scikit-learn to 1e-9",
          "[pca][wide][reference]") {
    for (const auto& c : reference()["wide"]) {
        INFO(c["name"].get<std::string>());
        const Eigen::MatrixXd x = c.contains("X") ? mlm::test::json_matrix(c["X"]) : lcg_wide(c["shape"][0], c["shape"][1]);
        PcaSettings s;
        s.components = c["k"].get<Eigen::Index>();
        CHECK(choose_method(x.rows(), x.cols(), s) == PcaMethod::svd);  // exact: 60 x 8,000 went randomized
        Moments m = Moments::diagonal(x.cols());  // O(d): no co-moments
        m.add_block(x);
        Eigen::MatrixXd transposed = x.transpose();
        const RowsFit fit = fit_in_place(transposed, m, names(x.cols()), s);
        CHECK(fit.model.method == PcaMethod::svd);
        check_wide(c, x, fit);
    }
}

TEST_CASE("pca: cov -k on 500 columns takes the top k by Lanczos, equal to scikit-learn to 1e-9",
          "[pca][wide][reference]") {
    const auto& c = reference()["wide"][0];
    const Eigen::MatrixXd x = mlm::test::json_matrix(c["X"]);
    PcaSettings s;
    s.method = PcaMethod::cov;
    s.components = c["k"].get<Eigen::Index>();
    const PcaModel model = fit_rows(x, names(x.cols()), s);
    const Eigen::VectorXd ev = vector(c["explained_variance"]);
    const Eigen::VectorXd ratio = vector(c["explained_variance_ratio"]);
    REQUIRE(model.eigenvalues.size() == s.components);  // only the top k were computed
    for (Eigen::Index j = 0; j < s.components; ++j) {
        CHECK_THAT(model.eigenvalues(j), WithinRel(ev(j), tol));
        CHECK_THAT(explained_variance_ratio(model)(j), WithinRel(ratio(j), tol));
    }
    check_columns_up_to_sign(transform(model, x), mlm::test::json_matrix(c["scores_k"]));
}

TEST_CASE("pca: finite data near 1e300 give finite scores, not a non-finite error",
          "[pca][overflow][reference]") {
    const auto& r = reference()["overflow"];
    const Eigen::MatrixXd x = mlm::test::json_matrix(r["X"]);
    for (const auto method : {PcaMethod::cov, PcaMethod::svd}) {
        INFO(method_name(method));
        PcaSettings s;
        s.method = method;
        const PcaModel raw = fit_rows(x, names(3), s);
        // The raw variances are ~1e599: beyond a double, so inf, yet their ratios are in range.
        CHECK(std::isinf(raw.eigenvalues(0)));
        const Eigen::VectorXd want_ratio = vector(r["raw_explained_variance_ratio"]);
        for (Eigen::Index j = 0; j < 3; ++j)
            CHECK_THAT(explained_variance_ratio(raw)(j), WithinRel(want_ratio(j), tol));
        check_columns_up_to_sign(transform(raw, x), mlm::test::json_matrix(r["raw_scores"]));

        s.standardize = true;
        const PcaModel z = fit_rows(x, names(3), s);
        const Eigen::VectorXd want = vector(r["standardized_explained_variance"]);
        for (Eigen::Index j = 0; j < 3; ++j) CHECK_THAT(z.eigenvalues(j), WithinRel(want(j), tol));
        check_columns_up_to_sign(transform(z, x), mlm::test::json_matrix(r["standardized_scores"]));
    }
}

TEST_CASE("pca: one column of 1 and 1e300 scores +-5e299 (the squares overflow, the values do not)",
          "[pca][overflow][reference]") {
    Eigen::MatrixXd x(2, 1);
    x << 1, 1e300;
    PcaSettings s;
    s.components = 1;
    const PcaModel model = fit_rows(x, {"x"}, s);
    const Eigen::VectorXd want = vector(reference()["overflow"]["one_column_scores"]);
    const Eigen::MatrixXd got = transform(model, x);
    CHECK_THAT(got(0, 0), WithinRel(want(0), 1e-15));
    CHECK_THAT(got(1, 0), WithinRel(want(1), 1e-15));
    Eigen::MatrixXd extreme(2, 1);
    extreme << 1e308, -1e308;  // x - mean = +-1e308, x - (-x) would be inf
    const Eigen::MatrixXd scores = transform(fit_rows(extreme, {"x"}, s), extreme);
    CHECK_THAT(scores(0, 0), WithinRel(1e308, 1e-15));
    CHECK_THAT(scores(1, 0), WithinRel(-1e308, 1e-15));
}

TEST_CASE("pca: a row-major block is projected as the same rows in column order are, to a few ulps",
          "[pca][transform]") {
    // 1,000 rows: three steps of 256 and a remainder; plain, standardized,
    // whitened, and data near 1e300 (the per-column units path).
    Eigen::MatrixXd x(1000, 5);
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            x(i, j) = std::sin(0.37 * static_cast<double>(i * (j + 1))) * static_cast<double>(j + 1) +
                      0.01 * static_cast<double>(i % 13);
    for (double magnitude : {1.0, 1e300}) {
        const Eigen::MatrixXd data = x * magnitude;
        for (int variant = 0; variant < (magnitude > 1 ? 2 : 3); ++variant) {  // no whitening of variances past a double
            INFO("magnitude " << magnitude << ", variant " << variant);
            PcaSettings s;
            s.components = 3;
            s.standardize = variant == 1;
            s.whiten = variant == 2;
            const PcaModel model = fit_rows(data, names(5), s);
            const RowMajorMatrix rows = data;
            const Eigen::MatrixXd by_rows = transform(model, Eigen::Map<const RowMajorMatrix>(rows.data(), rows.rows(), rows.cols()));
            const Eigen::MatrixXd by_columns = transform(model, data);
            REQUIRE(by_rows.rows() == 1000);
            REQUIRE(by_rows.cols() == 3);
            const double scale = by_columns.cwiseAbs().maxCoeff();
            REQUIRE(std::isfinite(scale));
            CHECK((by_rows - by_columns).cwiseAbs().maxCoeff() <= 16 * std::numeric_limits<double>::epsilon() * scale);
        }
    }
}
