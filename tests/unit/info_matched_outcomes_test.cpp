#include "info/matched_outcomes.hpp"

#include <catch2/catch.hpp>

#include "error.hpp"

using Catch::Matchers::Contains;

TEST_CASE("matched outcomes: names pair up, a missing outcome weighs 0", "[labels]") {
    std::vector<std::string> pn{"cat", "dog", "bird"}, qn{"dog", "fish", "cat"};
    std::vector<double> p{0.5, 0.3, 0.2}, q{0.6, 0.1, 0.3};
    auto m = mlm::info::match_outcomes(pn, p, qn, q);
    CHECK(m.names == std::vector<std::string>{"cat", "dog", "bird", "fish"});
    CHECK(m.p == std::vector<double>{0.5, 0.3, 0.2, 0.0});
    CHECK(m.q == std::vector<double>{0.3, 0.6, 0.0, 0.1});
}

TEST_CASE("matched outcomes: a name twice on one side is an input error", "[labels][error]") {
    std::vector<std::string> twice{"a", "b", "a"}, once{"a", "b"};
    std::vector<double> three{1, 2, 3}, two{1, 2};
    CHECK_THROWS_WITH(mlm::info::match_outcomes(twice, three, once, two),
                      "outcome \"a\" appears twice in P (position 3)");
    CHECK_THROWS_WITH(mlm::info::match_outcomes(once, two, twice, three),
                      "outcome \"a\" appears twice in Q (position 3)");
    CHECK_THROWS_AS(mlm::info::match_outcomes(once, three, once, two), mlm::InputError);
}
