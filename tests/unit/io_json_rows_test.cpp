#include "io/json_rows.hpp"

#include "error.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using mlm::io::CellKind;
using mlm::io::json_cell;
using nlohmann::json;

TEST_CASE("json_rows: numbers keep their value and literal, null is null", "[json]") {
    auto i = json_cell(json(42));
    CHECK(i.kind == CellKind::json_number);
    CHECK(i.number == 42);
    CHECK(i.text == "42");
    auto f = json_cell(json(0.25));
    CHECK(f.kind == CellKind::json_number);
    CHECK(f.number == 0.25);
    CHECK(f.text == "0.25");
    CHECK(json_cell(json(nullptr)).kind == CellKind::json_null);
}

TEST_CASE("json_rows: strings are strings, other values are neither", "[json]") {
    auto s = json_cell(json("1.0"));
    CHECK(s.kind == CellKind::json_string);
    CHECK(s.text == "1.0");
    CHECK(json_cell(json(true)).kind == CellKind::json_other);
    CHECK(json_cell(json::array({1, 2})).kind == CellKind::json_other);
}

TEST_CASE("json_rows: a syntax error becomes file:line:column", "[json][error]") {
    CHECK_THROWS_MATCHES(mlm::io::parse_json_document("{\n  \"a\": [1,,2]\n}", "d.json"),
                         mlm::InputError,
                         Catch::Matchers::Predicate<mlm::InputError>(
                             [](const mlm::InputError& e) {
                                 return e.file() == "d.json" && e.line() == 2 && e.column() == 11;
                             },
                             "error at d.json line 2 column 11"));
}

TEST_CASE("json_rows: JSON Lines rows skip blank lines and report their line", "[json][jsonl]") {
    mlm::io::LineSource lines("d.jsonl", "{\"a\":1}\n\n{\"a\":null}\n");
    mlm::io::JsonLinesRows rows(lines);
    REQUIRE(rows.names());
    CHECK(*rows.names() == std::vector<std::string>{"a"});
    std::vector<mlm::io::Cell> cells;
    REQUIRE(rows.next(cells));
    CHECK(cells[0].number == 1);
    REQUIRE(rows.next(cells));
    CHECK(cells[0].kind == CellKind::json_null);
    CHECK(rows.line() == 3);
    CHECK_FALSE(rows.next(cells));
}

TEST_CASE("json_rows: a model file nested 100,000 deep is an input error naming the depth", "[json][hostile]") {
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK_THROWS_WITH(mlm::io::parse_json_document(deep, "m.json"),
                      "m.json:1:65: JSON nested deeper than 64 levels (a table needs 3)");
    CHECK(mlm::io::parse_json_document("{\"a\":[[1]]}", "m.json")["a"][0][0] == 1);
}

TEST_CASE("json_rows: is_json_value accepts one value within the depth limit", "[json]") {
    CHECK(mlm::io::is_json_value("{\"a\":[1,2]}"));
    CHECK_FALSE(mlm::io::is_json_value("[1] [2]"));
    CHECK_FALSE(mlm::io::is_json_value(std::string(65, '[') + std::string(65, ']')));
    CHECK(mlm::io::is_json_value(std::string(64, '[') + std::string(64, ']')));
}
