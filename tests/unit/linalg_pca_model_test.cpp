#include "error.hpp"
#include "linalg/partial.hpp"
#include "linalg/pca_model.hpp"

#include <catch2/catch.hpp>

using namespace mlm::linalg;
using Catch::Matchers::Contains;

namespace {

PcaModel small_model() {
    Eigen::MatrixXd x(5, 3);
    x << 1, 2, 0.5, 2, 1, 0.25, 3, 5, 1, 4, 3, 2, 6, 1, 0.125;
    PcaSettings s;
    s.standardize = true;
    s.components = 2;
    return fit_rows(x, {"a", "b", "c"}, s);
}

}  // namespace

TEST_CASE("pca_model: JSON round trip keeps every number exactly", "[pca_model]") {
    const PcaModel m = small_model();
    const PcaModel back = model_from_json(nlohmann::json::parse(model_json(m).dump()), "m.json");
    CHECK(back.features == m.features);
    CHECK(back.mean == m.mean);
    CHECK(back.scale == m.scale);
    CHECK(back.components == m.components);
    CHECK(back.eigenvalues == m.eigenvalues);
    CHECK(back.total_variance == m.total_variance);
    CHECK(back.n == m.n);
    CHECK(back.method == m.method);
    CHECK(back.standardized);
    CHECK(!back.whiten);
}

TEST_CASE("pca_model: malformed models are input errors naming the file and the key",
          "[pca_model][edge]") {
    const nlohmann::json good = model_json(small_model());
    auto broken = [&](auto&& change) {
        nlohmann::json doc = good;
        change(doc);
        return doc;
    };
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d.erase("mean"); }), "m.json"),
                      Contains("m.json") && Contains("\"mean\""));
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d["kind"] = "other"; }), "m.json"),
                      Contains("not an mlm-pca model"));
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d["mean"].push_back(1); }), "m.json"),
                      Contains("one entry per feature"));
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d["components"][0].erase(0); }), "m.json"),
                      Contains("equal length"));
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d["scale"][1] = 0; }), "m.json"),
                      Contains("positive"));
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d["eigenvalues"][0] = "x"; }), "m.json"),
                      Contains("numbers"));
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d["method"] = "magic"; }), "m.json"),
                      Contains("unknown method"));
    CHECK_THROWS_WITH(model_from_json(broken([](auto& d) { d["n"] = 1.5; }), "m.json"),
                      Contains("\"n\""));
    CHECK_THROWS_AS(model_from_json(nlohmann::json::array(), "m.json"), mlm::InputError);
}

TEST_CASE("partial: JSON round trip and merge equal one pass", "[partial][merge]") {
    std::srand(31);
    const Eigen::MatrixXd x = Eigen::MatrixXd::Random(30, 3).array() + 100;
    Partial a{{"a", "b", "c"}, Moments(3)};
    Partial b{{"a", "b", "c"}, Moments(3)};
    a.moments.add_block(x.topRows(11));
    b.moments.add_block(x.bottomRows(19));
    Partial merged = partial_from_json(nlohmann::json::parse(partial_json(a).dump()), "a.json");
    merge_partial(merged, partial_from_json(nlohmann::json::parse(partial_json(b).dump()), "b.json"), "b.json");
    Moments whole(3);
    whole.add_block(x);
    CHECK(merged.moments.count() == 30);
    CHECK((merged.moments.comoments() - whole.comoments()).cwiseAbs().maxCoeff() <=
          1e-12 * whole.comoments().cwiseAbs().maxCoeff());
}

TEST_CASE("partial: different features or malformed parts are input errors", "[partial][edge]") {
    Partial a{{"a", "b"}, Moments(2)};
    a.moments.add_block(Eigen::MatrixXd::Random(4, 2));
    const Partial other{{"a", "c"}, Moments(2)};
    CHECK_THROWS_WITH(merge_partial(a, other, "p2.json"), Contains("p2.json") && Contains("features differ"));
    nlohmann::json doc = partial_json(a);
    doc["comoments"][0].push_back(1.0);
    CHECK_THROWS_WITH(partial_from_json(doc, "p.json"), Contains("equal length"));
    doc = partial_json(a);
    doc["n"] = -3;
    CHECK_THROWS_WITH(partial_from_json(doc, "p.json"), Contains("\"n\""));
    doc = partial_json(a);
    doc["comoments"][1][1] = -1.0;
    CHECK_THROWS_WITH(partial_from_json(doc, "p.json"), Contains("diagonal"));
    doc = partial_json(a);
    doc["kind"] = "mlm-pca model";
    CHECK_THROWS_WITH(partial_from_json(doc, "p.json"), Contains("not an mlm-pca partial"));
}
