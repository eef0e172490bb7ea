// lib/bayes/naive_bayes against scikit-learn 1.2's GaussianNB, MultinomialNB
// and BernoulliNB (tests/reference/bayes_reference.py), and the invariant of
// the sharded fit: statistics merged from shards give the single-pass model.
#include "bayes/naive_bayes.hpp"
#include "bayes/nb_json.hpp"
#include "error.hpp"

#include "info_reference.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace mlm::bayes;
using Catch::Matchers::Contains;

namespace {

const nlohmann::json& reference() { return mlm::test::reference_json("bayes_reference.json"); }

struct Data {
    std::vector<std::string> features;
    NbRows x;
    std::vector<std::string> y;
};

Data data(const std::string& name) {
    const auto& d = reference()["data"][name];
    return {d["features"].get<std::vector<std::string>>(), mlm::test::json_matrix(d["X"]), d["y"].get<std::vector<std::string>>()};
}

NbStats fit_rows(NbKind kind, const Data& d, Eigen::Index begin, Eigen::Index end) {
    NbAccumulator acc(kind, d.features);
    for (Eigen::Index r = begin; r < end; ++r) acc.add(d.y[static_cast<std::size_t>(r)], d.x.row(r).data());
    return acc.take();
}

NbSettings settings_of(const nlohmann::json& c) {
    NbSettings s;
    s.alpha = c["params"].value("alpha", 1.0);
    s.var_smoothing = c["params"].value("var_smoothing", 1e-9);
    return s;
}

// Entries compared against the largest magnitude in their row: a
// log-likelihood of -3000 carries absolute rounding of ~1e-12 in any order of
// summation, so a relative check on an entry near 0 would test noise.
void check_rows(const Eigen::MatrixXd& got, const Eigen::MatrixXd& want, double tol) {
    REQUIRE(got.rows() == want.rows());
    REQUIRE(got.cols() == want.cols());
    for (Eigen::Index r = 0; r < want.rows(); ++r) {
        INFO("row " << r);
        const double scale = std::max(1.0, want.row(r).cwiseAbs().maxCoeff());
        CHECK((got.row(r) - want.row(r)).cwiseAbs().maxCoeff() <= tol * scale);
    }
}

void check_model(const NbModel& m, const Data& d, const nlohmann::json& c) {
    CHECK(m.classes == c["classes"].get<std::vector<std::string>>());
    const Eigen::MatrixXd counts = mlm::test::json_matrix(nlohmann::json::array({c["class_count"]}));
    CHECK((m.class_count.transpose() - counts).cwiseAbs().maxCoeff() == 0);
    check_rows(m.class_log_prior.transpose(), mlm::test::json_matrix(nlohmann::json::array({c["class_log_prior"]})), 1e-12);
    if (m.kind == NbKind::gaussian) {
        check_rows(m.theta, mlm::test::json_matrix(c["theta"]), 1e-12);
        check_rows(m.var, mlm::test::json_matrix(c["var"]), 1e-10);
        CHECK_THAT(m.epsilon, Catch::Matchers::WithinRel(c["epsilon"].get<double>(), 1e-10));
    } else {
        check_rows(m.feature_log_prob, mlm::test::json_matrix(c["feature_log_prob"]), 1e-12);
    }
    const Eigen::MatrixXd jll = joint_log_likelihood(m, d.x);
    check_rows(jll, mlm::test::json_matrix(c["jll"]), 1e-10);
    // The acceptance: probabilities to 1e-9.
    const Eigen::MatrixXd proba = posterior_probabilities(jll);
    CHECK((proba - mlm::test::json_matrix(c["proba"])).cwiseAbs().maxCoeff() <= 1e-9);
    const auto predicted = predicted_classes(jll);
    const auto want = c["predicted"].get<std::vector<std::string>>();
    std::size_t wrong = 0;
    for (std::size_t r = 0; r < want.size(); ++r) wrong += m.classes[static_cast<std::size_t>(predicted[r])] != want[r];
    CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("naive bayes: each kind matches scikit-learn on iris, wine and digits", "[naive_bayes][sklearn]") {
    for (const auto& c : reference()["naive_bayes"]) {
        SECTION(c["name"].get<std::string>()) {
            const Data d = data(c["data"]);
            const NbKind kind = nb_kind_from_name(c["kind"].get<std::string>());
            const NbModel m = nb_model(fit_rows(kind, d, 0, d.x.rows()), settings_of(c));
            check_model(m, d, c);
        }
    }
}

TEST_CASE("naive bayes: the per-feature terms of --explain add up to scikit-learn's joint", "[naive_bayes][explain]") {
    for (const auto& c : reference()["naive_bayes"]) {
        SECTION(c["name"].get<std::string>()) {
            const Data d = data(c["data"]);
            const NbKind kind = nb_kind_from_name(c["kind"].get<std::string>());
            const NbModel m = nb_model(fit_rows(kind, d, 0, d.x.rows()), settings_of(c));
            const Eigen::MatrixXd want = mlm::test::json_matrix(c["jll"]), proba = mlm::test::json_matrix(c["proba"]);
            for (Eigen::Index r : {Eigen::Index{0}, d.x.rows() / 2, d.x.rows() - 1}) {
                INFO("row " << r);
                const Eigen::MatrixXd terms = feature_log_likelihoods(m, d.x.row(r).data());
                REQUIRE(terms.rows() == static_cast<Eigen::Index>(m.classes.size()));
                REQUIRE(terms.cols() == static_cast<Eigen::Index>(m.features.size()));
                const Eigen::RowVectorXd joint = (m.class_log_prior + terms.rowwise().sum()).transpose();
                check_rows(joint, want.row(r), 1e-10);
                // P(c|x) = exp(joint - log P(x)): the normalization --explain shows.
                const double evidence = log_sum_exp(want.row(r));
                CHECK(((want.row(r).array() - evidence).exp().matrix() - proba.row(r)).cwiseAbs().maxCoeff() <= 1e-9);
            }
        }
    }
}

TEST_CASE("naive bayes: three shards merged give the single-pass model", "[naive_bayes][merge]") {
    for (const auto& c : reference()["naive_bayes"]) {
        SECTION(c["name"].get<std::string>()) {
            const Data d = data(c["data"]);
            const NbKind kind = nb_kind_from_name(c["kind"].get<std::string>());
            const Eigen::Index n = d.x.rows();
            // Uneven cuts, so that a shard can miss a class (iris is sorted by class).
            NbStats all = fit_rows(kind, d, 0, n / 5);
            merge_stats(all, fit_rows(kind, d, n / 5, n / 2));
            merge_stats(all, fit_rows(kind, d, n / 2, n));
            const NbModel merged = nb_model(all, settings_of(c));
            check_model(merged, d, c);
            // And through the JSON a --partial prints.
            const NbFit back = fit_from_json(stats_json(all, settings_of(c)), "partial");
            const NbModel reread = nb_model(back.stats, back.settings);
            CHECK((joint_log_likelihood(reread, d.x) - joint_log_likelihood(merged, d.x)).cwiseAbs().maxCoeff() == 0);
        }
    }
}

TEST_CASE("naive bayes: 2,000 features do not underflow", "[naive_bayes][edge]") {
    // Each feature's density is ~1e-3, so the product is 1e-6000: only a
    // log-space sum keeps the classes apart.
    NbAccumulator acc(NbKind::gaussian, std::vector<std::string>(2000, "x"));
    std::vector<double> a(2000), b(2000);
    for (std::size_t j = 0; j < a.size(); ++j) {
        a[j] = 100.0 + 0.01 * static_cast<double>(j % 7);
        b[j] = 101.0 + 0.01 * static_cast<double>(j % 5);
    }
    acc.add("a", a.data());
    acc.add("a", b.data());
    acc.add("b", b.data());
    acc.add("b", a.data());
    acc.add("b", b.data());
    const NbModel m = nb_model(acc.stats(), {});
    NbRows x(1, 2000);
    for (Eigen::Index j = 0; j < 2000; ++j) x(0, j) = b[static_cast<std::size_t>(j)];
    const Eigen::MatrixXd p = posterior_probabilities(joint_log_likelihood(m, x));
    CHECK(std::isfinite(p(0, 0)));
    CHECK_THAT(p.sum(), Catch::Matchers::WithinAbs(1, 1e-12));
    CHECK(predicted_classes(joint_log_likelihood(m, x))[0] == 1);
}

TEST_CASE("naive bayes: bad input is refused", "[naive_bayes][errors]") {
    NbAccumulator multinomial(NbKind::multinomial, {"x"});
    const double negative = -1;
    CHECK_THROWS_WITH(multinomial.add("a", &negative), Contains("multinomial naive Bayes needs counts >= 0"));
    NbAccumulator gaussian(NbKind::gaussian, {"x"});
    const double inf = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(gaussian.add("a", &inf), Contains("needs finite values"));
    CHECK_THROWS_AS(nb_model(gaussian.stats(), {}), mlm::InputError);
    NbAccumulator other(NbKind::gaussian, {"y"});
    const double one = 1;
    other.add("a", &one);
    NbStats s = gaussian.take();
    CHECK_THROWS_WITH(merge_stats(s, other.stats()), Contains("different features"));
    CHECK_THROWS_WITH(fit_from_json(nlohmann::json::object(), "m.json"), Contains("not a naive Bayes fit"));
    CHECK_THROWS_WITH(nb_kind_from_name("poisson"), Contains("unknown naive Bayes kind"));
}

TEST_CASE("naive bayes: classes sort numerically when every label is a number", "[naive_bayes]") {
    NbAccumulator acc(NbKind::multinomial, {"x"});
    const double one = 1;
    for (const char* label : {"10", "2", "1.5"}) acc.add(label, &one);
    CHECK(nb_model(acc.stats(), {}).classes == std::vector<std::string>{"1.5", "2", "10"});
    NbAccumulator text(NbKind::multinomial, {"x"});
    for (const char* label : {"10", "2", "b"}) text.add(label, &one);
    CHECK(nb_model(text.stats(), {}).classes == std::vector<std::string>{"10", "2", "b"});
}
