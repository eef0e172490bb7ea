// lib/bayes/theorem against Bayes' theorem in exact rational arithmetic
// (tests/reference/bayes_reference.py), rounded once to a double.
#include "bayes/theorem.hpp"
#include "error.hpp"
#include "info/entropy.hpp"

#include "info_reference.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace mlm::bayes;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

const nlohmann::json& reference() { return mlm::test::reference_json("bayes_reference.json"); }

// A few roundings of the inputs and one division: within 8 ulp.
constexpr double tol = 1e-15;

}  // namespace

TEST_CASE("theorem: P(H|E) and P(H|not E) of a test match exact arithmetic", "[theorem]") {
    for (const auto& c : reference()["theorem"]) {
        const BinaryTest t{c["prior"], c["likelihood"], c["false_positive"]};
        INFO("prior " << t.prior << " likelihood " << t.likelihood << " false positive " << t.false_positive);
        const Posterior pos = posterior(t);
        CHECK_THAT(pos.evidence, WithinRel(c["evidence"].get<double>(), tol));
        CHECK_THAT(pos.posterior, WithinRel(c["posterior"].get<double>(), tol));
        if (c["negative_posterior"].is_null()) {
            CHECK_THROWS_WITH(posterior(t, true), Contains("negative result has probability 0"));
        } else {
            const Posterior neg = posterior(t, true);
            CHECK_THAT(neg.evidence, WithinRel(c["not_evidence"].get<double>(), tol));
            CHECK_THAT(neg.posterior, WithinRel(c["negative_posterior"].get<double>(), tol));
        }
    }
}

TEST_CASE("theorem: a table's posteriors come from the law of total probability", "[theorem]") {
    const auto& c = reference()["theorem_table"];
    std::vector<Hypothesis> h;
    for (std::size_t i = 0; i < c["names"].size(); ++i) h.push_back({c["names"][i], c["priors"][i], c["likelihoods"][i]});
    const Posteriors p = posteriors(h);
    CHECK_THAT(p.evidence, WithinRel(c["evidence"].get<double>(), tol));
    for (std::size_t i = 0; i < h.size(); ++i) CHECK_THAT(p.posterior[i], WithinRel(c["posteriors"][i].get<double>(), tol));
    // Scaled priors read as the same beliefs with --normalize, and are refused without it.
    for (auto& x : h) x.prior *= 0.5;
    CHECK_THROWS_AS(posteriors(h), mlm::info::NotProbabilities);
    for (auto& x : h) x.prior *= 6;  // weights past 1: fine as weights
    const Posteriors scaled = posteriors(h, true);
    for (std::size_t i = 0; i < h.size(); ++i)
        CHECK_THAT(scaled.posterior[i], WithinRel(c["posteriors"][i].get<double>(), tol));
}

TEST_CASE("theorem: bad probabilities and impossible evidence are refused", "[theorem][errors]") {
    CHECK_THROWS_WITH(posteriors({{"a", 1.5, 0.5}}), Contains("a prior must be a probability in [0, 1], got 1.5 in row 1"));
    CHECK_THROWS_WITH(posteriors({{"a", 0.5, 0.5}, {"b", 0.5, -0.1}}), Contains("likelihood must be"));
    CHECK_THROWS_WITH(posteriors({{"a", 0.5, 0}, {"b", 0.5, 0}}), Contains("evidence has probability 0"));
    CHECK_THROWS_WITH(posterior({0, 0.9, 0}), Contains("positive result has probability 0"));
    CHECK_THROWS_AS(posteriors({}), mlm::InputError);
}
