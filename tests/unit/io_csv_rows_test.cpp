#include "io/csv_rows.hpp"

#include "error.hpp"

#include <catch2/catch.hpp>

using mlm::io::Cell;
using mlm::io::CsvRows;
using mlm::io::LineSource;

namespace {
std::vector<std::string> split(std::string_view line, char delimiter = ',') {
    std::vector<Cell> cells;
    std::string scratch;
    mlm::io::split_csv_line(line, delimiter, cells, scratch, "t.csv", 7);
    std::vector<std::string> out;
    for (const Cell& c : cells) out.emplace_back(c.text);
    return out;
}
using Row = std::vector<std::string>;
}  // namespace

TEST_CASE("csv: plain fields split on the delimiter", "[csv]") {
    CHECK(split("a,b,c") == Row{"a", "b", "c"});
    CHECK(split("1;2", ';') == Row{"1", "2"});
    CHECK(split("x\ty", '\t') == Row{"x", "y"});
}

TEST_CASE("csv: empty fields are kept, at the start, middle and end", "[csv][edge]") {
    CHECK(split(",a,,b,") == Row{"", "a", "", "b", ""});
    CHECK(split("") == Row{""});
}

TEST_CASE("csv: a quoted field may hold the delimiter", "[csv][quote]") {
    CHECK(split("\"a,b\",c") == Row{"a,b", "c"});
    CHECK(split("x,\"1,5\"") == Row{"x", "1,5"});
}

TEST_CASE("csv: a doubled quote inside quotes is one quote", "[csv][quote]") {
    CHECK(split("\"say \"\"hi\"\"\",2") == Row{"say \"hi\"", "2"});
    CHECK(split("\"\"\"\"") == Row{"\""});
    CHECK(split("\"\",x") == Row{"", "x"});
}

TEST_CASE("csv: many quoted fields on one line keep their own text", "[csv][quote]") {
    // The unescaped fields share one scratch buffer; each view must stay its own.
    CHECK(split("\"a\"\"\",\"b\",plain,\"c,d\",\"\"") == Row{"a\"", "b", "plain", "c,d", ""});
}

TEST_CASE("csv: long lines split the same across 32-byte chunks, quoted or not", "[csv][edge]") {
    // Cells of every length from 0 to 40, so delimiters fall at every offset
    // of the 32-byte chunks the AVX2 path compares at once.
    Row cells;
    std::string line;
    for (int n = 0; n <= 40; ++n) {
        cells.push_back(std::string(static_cast<std::size_t>(n), static_cast<char>('a' + n % 26)));
        line += (n ? "," : "") + cells.back();
    }
    CHECK(split(line) == cells);
    // A quoted cell (holding the delimiter) after the first chunks, and one in the first chunk.
    Row late = cells;
    late.push_back("x,y");
    CHECK(split(line + ",\"x,y\"") == late);
    Row early = cells;
    early.insert(early.begin(), "p\"q");
    CHECK(split("\"p\"\"q\"," + line) == early);
    // A tab-separated line of the same cells.
    std::string tabs = line;
    for (char& c : tabs)
        if (c == ',') c = '\t';
    CHECK(split(tabs, '\t') == cells);
}

TEST_CASE("csv: an unterminated quote is an error at its line and field", "[csv][quote][error]") {
    CHECK_THROWS_MATCHES(split("1,\"abc"), mlm::InputError,
                         Catch::Matchers::Message("t.csv:7:2: unterminated quoted field"));
    CHECK_THROWS_AS(split("\"a\"\"b"), mlm::InputError);
}

TEST_CASE("csv: text after a closing quote is an error", "[csv][quote][error]") {
    CHECK_THROWS_MATCHES(split("\"a\"b,c"), mlm::InputError,
                         Catch::Matchers::Message("t.csv:7:1: unexpected character after closing quote"));
}

TEST_CASE("csv: rows skip blank lines and count every line", "[csv]") {
    LineSource lines("t.csv", "a,b\n\n   \n1,2\r\n\t\n3,4");
    CsvRows rows(lines, ',');
    std::vector<Cell> cells;
    REQUIRE(rows.next(cells));
    CHECK(rows.line() == 1);
    REQUIRE(rows.next(cells));
    CHECK(cells[0].text == "1");
    CHECK(cells[1].text == "2");
    CHECK(rows.line() == 4);
    REQUIRE(rows.next(cells));
    CHECK(rows.line() == 6);
    CHECK_FALSE(rows.next(cells));
}

TEST_CASE("csv: a TSV row of empty cells is a row, not a blank line", "[csv][tsv][edge]") {
    LineSource lines("t.tsv", "a\tb\n\t\n");
    CsvRows rows(lines, '\t');
    std::vector<Cell> cells;
    REQUIRE(rows.next(cells));
    REQUIRE(rows.next(cells));
    CHECK(cells.size() == 2);
    CHECK(cells[0].text.empty());
}
