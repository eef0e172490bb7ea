#include "cli/range_argument.hpp"
#include "cli/validators.hpp"
#include "error.hpp"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>

using Catch::Matchers::Contains;

TEST_CASE("cli: a range LO,HI reads two finite numbers in order", "[cli][range]") {
    auto r = mlm::cli::parse_range("-3,2.5", "--x");
    CHECK(r.first == -3);
    CHECK(r.second == 2.5);
    for (const char* bad : {"1,0", "1,1", "1", "a,2", "1,inf", "nan,1", "1e400,2", "1,2,3"})
        CHECK_THROWS_WITH(mlm::cli::parse_range(bad, "--range"),
                          Contains("--range must be LO,HI with finite LO < HI, not '" + std::string(bad) + "'"));
}

TEST_CASE("cli: --bins is auto or a whole number from 1 to 1000000", "[cli][validators]") {
    const CLI::Validator& v = mlm::cli::bin_count().validator();
    for (std::string ok : {"auto", "1", "7", "1000000"}) CHECK(v(ok).empty());
    for (std::string bad : {"0", "1.5", "1000001", "-2", "x", "nan"})
        CHECK(v(bad) == "must be auto or a whole number from 1 to 1000000");
}
