// lib/bayes/ab against a 50-digit mpmath P(B > A) and expected losses and a
// scipy lift interval (tests/reference/bayes_reference.py).
#include "bayes/ab.hpp"

#include "info_reference.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace mlm::bayes;
using namespace mlm;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

const nlohmann::json& reference() { return mlm::test::reference_json("bayes_reference.json"); }

prob::Beta arm(const nlohmann::json& c, const char* key) {
    const double s = c[key][0], n = c[key][1];
    return {c["prior"][0].get<double>() + s, c["prior"][1].get<double>() + n - s};
}

}  // namespace

TEST_CASE("ab: P(B > A), expected losses and the lift match high-precision references", "[ab]") {
    for (const auto& c : reference()["ab"]) {
        INFO("A " << c["a"] << " B " << c["b"] << " prior " << c["prior"]);
        const prob::Beta a = arm(c, "a"), b = arm(c, "b");
        const AbResult r = ab_test(a, b, c["level"]);
        // The acceptance: P(B > A) to 1e-8.
        CHECK_THAT(r.prob_b_beats_a, WithinAbs(c["prob_b_beats_a"].get<double>(), 1e-8));
        CHECK_THAT(r.expected_loss_a, WithinAbs(c["expected_loss_a"].get<double>(), 1e-10));
        CHECK_THAT(r.expected_loss_b, WithinAbs(c["expected_loss_b"].get<double>(), 1e-10));
        CHECK_THAT(r.lift_mean, WithinRel(c["lift_mean"].get<double>(), 1e-12));
        if (c.contains("lift")) {
            CHECK_THAT(r.lift.low, WithinAbs(c["lift"][0].get<double>(), 1e-8));
            CHECK_THAT(r.lift.high, WithinAbs(c["lift"][1].get<double>(), 1e-8));
        }
        // P(A > B) + P(B > A) = 1 for continuous rates.
        CHECK_THAT(prob_greater(a, b) + r.prob_b_beats_a, WithinAbs(1, 1e-12));
    }
}

TEST_CASE("ab: Thompson shares are reproducible and near P(B > A)", "[ab][thompson]") {
    const prob::Beta a{121, 881}, b{151, 851};
    const auto s1 = thompson_shares({a, b}, 42, 20000);
    const auto s2 = thompson_shares({a, b}, 42, 20000);
    CHECK(s1 == s2);
    CHECK_THAT(s1[0] + s1[1], WithinAbs(1, 1e-15));
    // Two arms: B's share estimates P(B > A); 20,000 draws give a standard
    // error below 0.0035, so 5 of them is 0.0175.
    CHECK_THAT(s1[1], WithinAbs(prob_greater(b, a), 0.0175));
    CHECK(thompson_shares({a, b}, 7, 20000) != s1);
}
