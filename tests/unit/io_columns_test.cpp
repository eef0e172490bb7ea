#include "io/columns.hpp"

#include "error.hpp"

#include <catch2/catch.hpp>

using mlm::io::resolve_column;
using mlm::io::resolve_columns;
using Indexes = std::vector<std::size_t>;

namespace {
const std::vector<std::string> names{"id", "price", "3", "x-y", "qty", "label"};
}

TEST_CASE("columns: names, 1-based indexes and ranges, in the order given", "[columns]") {
    CHECK(resolve_columns("price", names) == Indexes{1});
    CHECK(resolve_columns("1", names) == Indexes{0});
    CHECK(resolve_columns("1,4-6,price", names) == Indexes{0, 3, 4, 5, 1});
    CHECK(resolve_columns("label,id", names) == Indexes{5, 0});
    CHECK(resolve_columns("2-2", names) == Indexes{1});
}

TEST_CASE("columns: a name wins over an index or a range it looks like", "[columns][edge]") {
    CHECK(resolve_columns("3", names) == Indexes{2});  // the column called "3" is the third too
    CHECK(resolve_columns("x-y", names) == Indexes{3});
    const std::vector<std::string> odd{"a", "b", "1"};
    CHECK(resolve_columns("1", odd) == Indexes{2});
}

TEST_CASE("columns: an unknown name is a usage error listing the columns", "[columns][error]") {
    CHECK_THROWS_MATCHES(resolve_columns("prize", names), mlm::UsageError,
                         Catch::Matchers::Message(
                             "unknown column 'prize'; the columns are: id, price, 3, x-y, qty, label"));
}

TEST_CASE("columns: an index out of range is a usage error", "[columns][error]") {
    CHECK_THROWS_AS(resolve_columns("7", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_columns("0", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_columns("5-9", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_columns("-1", names), mlm::UsageError);
}

TEST_CASE("columns: empty items and decreasing ranges are usage errors", "[columns][error]") {
    CHECK_THROWS_AS(resolve_columns("", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_columns("id,", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_columns(",id", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_columns("id,,qty", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_columns("5-2", names), mlm::UsageError);
}

TEST_CASE("columns: resolve_column wants exactly one column", "[columns]") {
    CHECK(resolve_column("qty", names) == 4);
    CHECK_THROWS_AS(resolve_column("1-2", names), mlm::UsageError);
    CHECK_THROWS_AS(resolve_column("id,qty", names), mlm::UsageError);
}

TEST_CASE("columns: a long list of columns is shortened in messages", "[columns]") {
    std::vector<std::string> many;
    for (int i = 1; i <= 25; ++i) many.push_back(std::string(1, 'c').append(std::to_string(i)));
    std::string listed = mlm::io::list_columns(many);
    CHECK_THAT(listed, Catch::Matchers::StartsWith("c1, c2, "));
    CHECK_THAT(listed, Catch::Matchers::EndsWith("c20, ... (25 in all)"));
    CHECK(mlm::io::list_columns({}) == "(none)");
}

TEST_CASE("columns: a name that stands twice in the header is status 2 naming both positions",
          "[columns][error]") {
    std::vector<std::string> names{"id", "x", "y", "z", "x"};
    CHECK_THROWS_WITH(mlm::io::resolve_columns("x", names),
                      "column 'x' stands twice in the header (columns 2 and 5); choose it by index");
    CHECK_THROWS_AS(mlm::io::resolve_columns("y,x", names), mlm::UsageError);
    // By index it is fine, and so is a name that stands once.
    CHECK(mlm::io::resolve_columns("5,y", names) == std::vector<std::size_t>{4, 2});
}

TEST_CASE("columns: a huge column name is cut in messages", "[columns][error]") {
    std::vector<std::string> names{std::string(100000, 'n')};
    try {
        mlm::io::resolve_columns("q", names);
        FAIL("no error");
    } catch (const mlm::UsageError& e) {
        CHECK(std::string(e.what()).size() < 120);
    }
}
