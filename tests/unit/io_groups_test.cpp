#include "io/group_shards.hpp"
#include "io/groups.hpp"

#include <catch2/catch.hpp>

using namespace mlm::io;

TEST_CASE("groups: ids follow the order of first appearance", "[groups]") {
    auto t = TableReader::from_string("g.csv", "day,shop,x\nmon,a,1\ntue,a,2\nmon,b,3\nmon,a,4\ntue,a,5\n", {});
    t.select({{0, ColumnType::text}, {1, ColumnType::text}, {2, ColumnType::number}});
    RowBlock b = t.read_all();
    GroupIndex groups({0, 1});
    std::vector<std::size_t> ids;
    for (std::size_t i = 0; i < b.rows(); ++i) ids.push_back(groups.id(b, i));
    CHECK(ids == std::vector<std::size_t>{0, 1, 2, 0, 1});
    REQUIRE(groups.size() == 3);
    CHECK(groups.values(0) == std::vector<std::string>{"mon", "a"});
    CHECK(groups.values(2) == std::vector<std::string>{"mon", "b"});
}

TEST_CASE("groups: values that concatenate alike are different groups", "[groups][edge]") {
    auto t = TableReader::from_string("g.csv", "a,b\nab,c\na,bc\n", {});
    t.select({{0, ColumnType::text}, {1, ColumnType::text}});
    RowBlock b = t.read_all();
    GroupIndex groups({0, 1});
    CHECK(groups.id(b, 0) == 0);
    CHECK(groups.id(b, 1) == 1);
}

TEST_CASE("groups: built keys and row keys share ids", "[groups]") {
    auto t = TableReader::from_string("g.csv", "k\nx\ny\n", {});
    t.select({{0, ColumnType::text}});
    RowBlock b = t.read_all();
    GroupIndex groups({0});
    CHECK(groups.id({"y"}) == 0);
    CHECK(groups.id(b, 0) == 1);
    CHECK(groups.id(b, 1) == 0);
    CHECK(groups.id({"x"}) == 1);
}

TEST_CASE("groups: without group columns every row is group 0", "[groups]") {
    auto t = TableReader::from_string("g.csv", "k\nx\ny\n", {});
    t.select({{0, ColumnType::text}});
    RowBlock b = t.read_all();
    GroupIndex groups({});
    CHECK(groups.empty());
    CHECK(groups.id(b, 0) == 0);
    CHECK(groups.id(b, 1) == 0);
    CHECK(groups.size() == 1);
}

TEST_CASE("groups: a row's key hash, its row and its built key give one id", "[groups]") {
    // Short and long cells (the index compares short ones by hash and size
    // alone), one byte, and a cell that is another with a separator.
    auto t = TableReader::from_string(
        "g.csv", "k,s\nab,1\nx,2\nlonger than eight,3\nab,4\n\"ab\x1f\",5\nlonger than eight,6\nx,7\n", {});
    t.select({{0, ColumnType::text}, {1, ColumnType::text}});
    RowBlock b = t.read_all();
    REQUIRE(b.rows() == 7);
    const std::vector<std::size_t> expected{0, 1, 2, 0, 3, 2, 1};
    for (const std::vector<std::size_t>& columns : {std::vector<std::size_t>{0}, std::vector<std::size_t>{0, 1}}) {
        INFO(columns.size() << " group columns");
        GroupIndex by_row(columns), by_hash(columns), by_value(columns);
        std::vector<std::size_t> rows, hashes, built;
        for (std::size_t r = 0; r < b.rows(); ++r) {
            rows.push_back(by_row.id(b, r));
            hashes.push_back(by_hash.id(b, r, key_hash(b, r, columns)));
            std::vector<std::string> values;
            for (std::size_t j : columns) values.emplace_back(b.text(r, j));
            built.push_back(by_value.id(values));
        }
        CHECK(rows == hashes);
        CHECK(rows == built);
        if (columns.size() == 1) CHECK(rows == expected);
        else CHECK(by_row.size() == 7);  // the second column differs on every row
        for (std::size_t g = 0; g < by_row.size(); ++g) CHECK(by_row.values(g) == by_hash.values(g));
    }
}
