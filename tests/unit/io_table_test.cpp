#include "io/table.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

using namespace mlm::io;
using Names = std::vector<std::string>;

namespace {

TableReader reader(std::string text, ReadOptions options = {}) {
    return TableReader::from_string("t.csv", std::move(text), options);
}

ReadOptions with_format(Format f, HeaderMode h = HeaderMode::detect) {
    ReadOptions o;
    o.format = f;
    o.header = h;
    return o;
}

// All columns as numbers, read at once.
RowBlock numbers(TableReader& t) {
    std::vector<std::size_t> all(t.names().size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    t.select_numbers(all);
    return t.read_all();
}

std::vector<std::vector<double>> values(const RowBlock& b) {
    std::vector<std::vector<double>> out(b.rows());
    for (std::size_t i = 0; i < b.rows(); ++i)
        for (std::size_t j = 0; j < b.number_columns(); ++j) out[i].push_back(b.number(i, j));
    return out;
}
using Values = std::vector<std::vector<double>>;

std::vector<double> numbers_of_column(TableReader& t, std::size_t j) {
    t.select_numbers({j});
    auto b = t.read_all();
    std::vector<double> out;
    for (std::size_t i = 0; i < b.rows(); ++i) out.push_back(b.number(i, 0));
    return out;
}

std::string error_of(TableReader& t) {
    try {
        numbers(t);
    } catch (const mlm::InputError& e) {
        return e.what();
    }
    return "(no error)";
}
std::string error_of(std::string text, ReadOptions options = {}) {
    try {
        auto t = reader(std::move(text), options);
        return error_of(t);
    } catch (const mlm::InputError& e) {
        return e.what();
    }
}

}  // namespace

TEST_CASE("table: a first row with a non-number cell is a header", "[table][header]") {
    auto t = reader("x,y\n1,2\n3,4\n");
    CHECK(t.has_header());
    CHECK(t.names() == Names{"x", "y"});
    CHECK(values(numbers(t)) == Values{{1, 2}, {3, 4}});
}

TEST_CASE("table: one non-number cell is enough to make a header", "[table][header]") {
    auto t = reader("1,b\n1,2\n");
    CHECK(t.has_header());
    CHECK(t.names() == Names{"1", "b"});
}

TEST_CASE("table: a first row of numbers is data, columns named 1, 2, ...", "[table][header]") {
    auto t = reader("1,2\n3,4\n");
    CHECK_FALSE(t.has_header());
    CHECK(t.names() == Names{"1", "2"});
    auto b = numbers(t);
    CHECK(values(b) == Values{{1, 2}, {3, 4}});
    CHECK(b.line(0) == 1);
    CHECK(b.line(1) == 2);
}

TEST_CASE("table: --header and --no-header force the first row's role", "[table][header]") {
    auto present = reader("1,2\n3,4\n", with_format(Format::detect, HeaderMode::present));
    CHECK(present.has_header());
    CHECK(present.names() == Names{"1", "2"});
    CHECK(values(numbers(present)) == Values{{3, 4}});

    auto absent = reader("a,b\n3,4\n", with_format(Format::detect, HeaderMode::absent));
    CHECK_FALSE(absent.has_header());
    CHECK(absent.names() == Names{"1", "2"});
    CHECK(error_of(absent) == "t.csv:1:1: expected a number, got \"a\"");
}

TEST_CASE("table: a BOM, CRLF line ends and blank lines are accepted", "[table][csv]") {
    auto t = reader("\xEF\xBB\xBFp,q\r\n\r\n1,2\r\n   \r\n3,4\r\n\r\n");
    CHECK(t.names() == Names{"p", "q"});
    auto b = numbers(t);
    CHECK(values(b) == Values{{1, 2}, {3, 4}});
    CHECK(b.line(1) == 5);
}

TEST_CASE("table: a quoted number in CSV is a number", "[table][csv][quote]") {
    auto t = reader("a,b\n\"1.5\",\" 2 \"\n");
    CHECK(values(numbers(t)) == Values{{1.5, 2}});
}

TEST_CASE("table: a cell that is not wholly a number is an error at its line and column",
          "[table][error]") {
    CHECK(error_of("a,b\n1,2\n3,\"1,5\"\n") == "t.csv:3:2: expected a number, got \"1,5\"");
    CHECK(error_of("a,b\n12abc,2\n") == "t.csv:2:1: expected a number, got \"12abc\"");
    CHECK(error_of("a,b\n1,0x10\n") == "t.csv:2:2: expected a number, got \"0x10\"");
}

TEST_CASE("table: a number too large for a double is an error, not inf", "[table][error]") {
    CHECK(error_of("a\n1e400\n") == "t.csv:2:1: number out of range: \"1e400\"");
}

TEST_CASE("table: nan, inf and -inf cells are numbers", "[table]") {
    auto t = reader("a,b,c\nnan,inf,-inf\n");
    auto b = numbers(t);
    CHECK(std::isnan(b.number(0, 0)));
    CHECK(b.number(0, 1) == INFINITY);
    CHECK(b.number(0, 2) == -INFINITY);
}

TEST_CASE("table: a missing value is an error naming its column", "[table][missing][error]") {
    CHECK(error_of("a,b\n1,2\n3,\n") ==
          "t.csv:3:2: missing value in column 'b' (--skip-missing drops such rows)");
}

TEST_CASE("table: skip_missing drops rows with a missing selected cell and counts them",
          "[table][missing]") {
    ReadOptions o;
    o.skip_missing = true;
    auto t = reader("a,b,c\n1,2,x\n,4,y\n5,6,\n7,,z\n", o);
    t.select({{0, ColumnType::number}, {2, ColumnType::text}});
    auto b = t.read_all();
    REQUIRE(b.rows() == 2);
    CHECK(b.number(0, 0) == 1);
    CHECK(b.text(0, 0) == "x");
    CHECK(b.number(1, 0) == 7);
    CHECK(b.text(1, 0) == "z");
    CHECK(b.line(1) == 5);
    CHECK(t.rows_skipped() == 2);
}

TEST_CASE("table: unselected columns are not parsed", "[table]") {
    auto t = reader("a,b\n1,oops\n2,\n");
    t.select_numbers({0});
    auto b = t.read_all();
    CHECK(values(b) == Values{{1}, {2}});
}

TEST_CASE("table: text columns keep their text, numbers are never parsed there", "[table]") {
    auto t = reader("label,x\ncat,1\n\"a,b\",2\n007,3\n");
    t.select({{1, ColumnType::number}, {0, ColumnType::text}});
    auto b = t.read_all();
    REQUIRE(b.rows() == 3);
    CHECK(b.number_columns() == 1);
    CHECK(b.text_columns() == 1);
    CHECK(b.text(0, 0) == "cat");
    CHECK(b.text(1, 0) == "a,b");
    CHECK(b.text(2, 0) == "007");
    CHECK(b.number(2, 0) == 3);
}

TEST_CASE("table: a ragged row is an error at its first missing or extra field", "[table][error]") {
    CHECK(error_of("a,b\n1,2\n3\n") == "t.csv:3:2: expected 2 fields, found 1");
    CHECK(error_of("a,b\n1,2,3\n") == "t.csv:2:3: expected 2 fields, found 3");
    // JSON: the extra cell, or the bracket where a cell is missing.
    CHECK(error_of("[[1,2],\n [3]]") == "t.csv:2:4: expected 2 fields, found 1");
    CHECK(error_of("[[1,2],\n [3,4,5]]") == "t.csv:2:7: expected 2 fields, found 3");
}

TEST_CASE("table: an unterminated quote in the table is an error at its line and field",
          "[table][quote][error]") {
    CHECK(error_of("a,b\n1,\"2\n") == "t.csv:2:2: unterminated quoted field");
}

TEST_CASE("table: TSV splits on tabs and forced CSV takes another delimiter", "[table][tsv]") {
    auto tsv = reader("a\tb\n1\t2\n", with_format(Format::tsv));
    CHECK(tsv.format() == Format::tsv);
    CHECK(values(numbers(tsv)) == Values{{1, 2}});
    ReadOptions semi = with_format(Format::csv);
    semi.delimiter = ';';
    auto csv = reader("a;b\n1,5;2\n", semi);
    CHECK(csv.names() == Names{"a", "b"});
    CHECK(error_of(csv) == "t.csv:2:1: expected a number, got \"1,5\"");
}

TEST_CASE("table: an empty input is status 3 'no data rows' naming the file, whatever the form",
          "[table][edge][error]") {
    CHECK(error_of("") == "t.csv: no data rows");
    CHECK(error_of("\n \n") == "t.csv: no data rows");
    CHECK(error_of("[]") == "t.csv: no data rows");
    CHECK(error_of("{}") == "t.csv: no data rows");
    CHECK(error_of("[]", with_format(Format::json)) == "t.csv: no data rows");
    CHECK(error_of("", with_format(Format::jsonl)) == "t.csv: no data rows");
    CHECK(error_of("", with_format(Format::tsv)) == "t.csv: no data rows");
    try {
        reader("");
        FAIL("no error");
    } catch (const mlm::InputError& e) {
        CHECK(e.status() == 3);
    }
}

TEST_CASE("reader: rows without a field are status 3, not an empty result", "[io][edge][error]") {
    CHECK(error_of("[[]]") == "t.csv: no columns: the rows have no fields");
    CHECK(error_of("[{},{}]") == "t.csv: no columns: the rows have no fields");
    CHECK(error_of("[]\n[]\n") == "t.csv: no columns: the rows have no fields");
}

TEST_CASE("table: a header alone is status 3 'no data rows' in every format", "[table][edge][error]") {
    CHECK(error_of("a,b\n") == "t.csv: no data rows");
    CHECK(error_of("a\tb\n") == "t.csv: no data rows");
    CHECK(error_of("[[\"a\",\"b\"]]") == "t.csv: no data rows");
    CHECK(error_of("{\"a\":[],\"b\":[]}") == "t.csv: no data rows");
    CHECK(error_of("x\n", with_format(Format::csv, HeaderMode::present)) == "t.csv: no data rows");
}

TEST_CASE("table: a header-only first file is skipped for the rows of the next", "[table][files][edge]") {
    mlm::test::TempDir dir;
    auto a = dir.write("a.csv", "x,y\n");
    auto b = dir.write("b.csv", "x,y\n1,2\n");
    TableReader t({a, b}, ReadOptions{});
    auto block = numbers(t);
    CHECK(values(block) == Values{{1, 2}});
    CHECK(block.file(0) == b);
    auto c = dir.write("c.csv", "");
    CHECK_THROWS_WITH(TableReader({a, c}, ReadOptions{}), a + " (and the other file): no data rows");
    CHECK_THROWS_WITH(TableReader({a, c, c}, ReadOptions{}), a + " (and the 2 other files): no data rows");
}

TEST_CASE("table: selecting a column past the end is a usage error", "[table][error]") {
    auto t = reader("a,b\n1,2\n");
    CHECK_THROWS_AS(t.select_numbers({2}), mlm::UsageError);
}

// JSON ---------------------------------------------------------------------

TEST_CASE("table: a JSON array of arrays is detected, a first row of strings is its header",
          "[table][json]") {
    auto t = reader(" [[\"a\",\"b\"],[1,2.5],[3,-4]]");
    CHECK(t.format() == Format::json);
    CHECK(t.names() == Names{"a", "b"});
    CHECK(values(numbers(t)) == Values{{1, 2.5}, {3, -4}});
    auto plain = reader("[[1,2],[3,4]]");
    CHECK_FALSE(plain.has_header());
    CHECK(values(numbers(plain)) == Values{{1, 2}, {3, 4}});
}

TEST_CASE("table: a JSON array of objects names columns by key, in first-appearance order",
          "[table][json]") {
    auto t = reader("[{\"x\":1,\"y\":2},{\"y\":4,\"x\":3},{\"x\":5,\"y\":6,\"z\":7}]");
    CHECK(t.format() == Format::json);
    CHECK(t.names() == Names{"x", "y", "z"});
    t.select_numbers({0, 1});
    CHECK(values(t.read_all()) == Values{{1, 2}, {3, 4}, {5, 6}});
}

TEST_CASE("table: a key missing from a JSON object is a missing value", "[table][json][missing]") {
    auto t = reader("[{\"x\":1},{\"x\":2,\"z\":3}]");
    CHECK(error_of(t) == "t.csv:1:2: missing value in column 'z' (--skip-missing drops such rows)");
}

TEST_CASE("table: a JSON object of column arrays is a table", "[table][json]") {
    auto t = reader("{\"p\":[1,2,3],\"q\":[4,5,6]}");
    CHECK(t.names() == Names{"p", "q"});
    CHECK(values(numbers(t)) == Values{{1, 4}, {2, 5}, {3, 6}});
}

TEST_CASE("table: JSON column arrays of different lengths are an error", "[table][json][error]") {
    CHECK(error_of("{\"p\":[1,2],\"q\":[4]}") == "t.csv:1:16: column \"q\" has 1 values, expected 2");
}

TEST_CASE("table: JSON Lines of objects and of arrays", "[table][jsonl]") {
    auto t = reader("{\"a\":1,\"b\":2}\n\n{\"b\":4,\"a\":3}\n");
    CHECK(t.format() == Format::jsonl);
    CHECK(t.names() == Names{"a", "b"});
    auto b = numbers(t);
    CHECK(values(b) == Values{{1, 2}, {3, 4}});
    CHECK(b.line(1) == 3);
    auto arrays = reader("[\"u\",\"v\"]\n[1,2]\n[3,4]\n");
    CHECK(arrays.format() == Format::jsonl);
    CHECK(arrays.names() == Names{"u", "v"});
    CHECK(values(numbers(arrays)) == Values{{1, 2}, {3, 4}});
}

TEST_CASE("table: JSON Lines of one line is JSON Lines, not a JSON document", "[table][jsonl][edge]") {
    auto object = reader("{\"a\":1,\"b\":2}\n");
    CHECK(object.names() == Names{"a", "b"});
    CHECK(values(numbers(object)) == Values{{1, 2}});
    auto array = reader("[1,2,3]\n");
    CHECK(values(numbers(array)) == Values{{1, 2, 3}});
}

TEST_CASE("table: JSON is typed, a string in a numeric column is an error at its line and column",
          "[table][json][error]") {
    CHECK(error_of("[{\"a\":1},{\"a\":\"1.0\"}]") == "t.csv:1:15: expected a number, got the string \"1.0\"");
    CHECK(error_of("[\n  {\"a\": 1},\n  {\"a\": \"1.0\"}\n]") ==
          "t.csv:3:9: expected a number, got the string \"1.0\"");
    CHECK(error_of("{\"a\":1}\n{\"a\":\"2\"}\n") == "t.csv:2:6: expected a number, got the string \"2\"");
    CHECK(error_of("[[1,true]]") == "t.csv:1:5: expected a number, got true");
    CHECK(error_of("{\"a\":[1,\n2,\n\"x\"]}") == "t.csv:3:1: expected a number, got the string \"x\"");
}

TEST_CASE("table: JSON null is a missing value", "[table][json][missing]") {
    CHECK(error_of("[[1,2],[3,null]]") ==
          "t.csv:1:11: missing value in column '2' (--skip-missing drops such rows)");
    ReadOptions o;
    o.skip_missing = true;
    auto t = reader("[[1,2],[3,null],[5,6]]", o);
    CHECK(values(numbers(t)) == Values{{1, 2}, {5, 6}});
    CHECK(t.rows_skipped() == 1);
}

TEST_CASE("table: a JSON syntax error names its line and column", "[table][json][error]") {
    std::string e = error_of("[[1,2],\n [3,]]");
    CHECK_THAT(e, Catch::Matchers::StartsWith("t.csv:2:5: invalid JSON: "));
    std::string jl = error_of("{\"a\":1}\n{\"a\":2}\n{\"a\":\n");
    CHECK_THAT(jl, Catch::Matchers::StartsWith("t.csv:3:"));
}

TEST_CASE("table: a JSON document of the wrong shape is an error at its place", "[table][json][error]") {
    CHECK(error_of("[[1,2],{\"a\":1}]", with_format(Format::json)) ==
          "t.csv:1:8: row 2 is not an array like the first");
    CHECK(error_of("{\"a\":[1],\"b\":2}", with_format(Format::json)) ==
          "t.csv:1:14: column \"b\" is not an array");
    CHECK(error_of("[1,2]", with_format(Format::json)) ==
          "t.csv:1:2: row 1 is a number, not an array or an object");
}

TEST_CASE("table: a JSON document that is a string or a number is status 3 'not a table'",
          "[table][json][error]") {
    CHECK(error_of("3", with_format(Format::json)) == "t.csv:1:1: not a table: the JSON document is a number");
    CHECK(error_of(" \"just a string\"", with_format(Format::json)) ==
          "t.csv:1:2: not a table: the JSON document is a string");
    CHECK(error_of("null", with_format(Format::json)) == "t.csv:1:1: not a table: the JSON document is null");
    // Detected: a file that is one JSON string is not a one-column table named by it.
    CHECK(error_of("\"just a string\"\n") == "t.csv: not a table: the JSON document is a string");
    // Quoted labels on several lines are still a CSV column.
    auto labels = reader("\"a\"\n\"b\"\n");
    CHECK(labels.names() == Names{"a"});
}

TEST_CASE("table: a JSON Lines line of another shape is an error at its line", "[table][jsonl][error]") {
    CHECK(error_of("{\"a\":1}\n[2]\n", with_format(Format::jsonl)) ==
          "t.csv:2:1: expected a JSON object like the first line");
    CHECK(error_of("[1]\n{\"a\":2}\n", with_format(Format::jsonl)) ==
          "t.csv:2:1: expected a JSON array like the first line");
    CHECK(error_of("5\n", with_format(Format::jsonl)) == "t.csv:1:1: expected a JSON array or object, got a number");
}

TEST_CASE("table: a forced CSV format reads brackets as text", "[table][csv]") {
    auto t = reader("[a,b]\n1,2\n", with_format(Format::csv));
    CHECK(t.names() == Names{"[a", "b]"});
}

// Blocks and files ---------------------------------------------------------

TEST_CASE("table: 10,000 rows read in blocks of 4096 equal read_all", "[table][block]") {
    std::string text = "a,b,label\n";
    for (int i = 0; i < 10000; ++i)
        text += std::to_string(i) + "," + std::to_string(i * 0.5) + ",l" + std::to_string(i % 7) + "\n";
    auto whole = reader(text);
    whole.select({{0, ColumnType::number}, {1, ColumnType::number}, {2, ColumnType::text}});
    RowBlock all = whole.read_all();
    REQUIRE(all.rows() == 10000);

    auto blocks = reader(text);
    blocks.select({{0, ColumnType::number}, {1, ColumnType::number}, {2, ColumnType::text}});
    RowBlock block;
    std::vector<std::size_t> sizes;
    std::size_t row = 0;
    bool same = true;
    while (blocks.read_block(block, 4096)) {
        sizes.push_back(block.rows());
        for (std::size_t i = 0; i < block.rows(); ++i, ++row) {
            same = same && block.number(i, 0) == all.number(row, 0) &&
                   block.number(i, 1) == all.number(row, 1) && block.text(i, 0) == all.text(row, 0) &&
                   block.line(i) == all.line(row);
        }
    }
    CHECK(sizes == std::vector<std::size_t>{4096, 4096, 1808});
    CHECK(row == 10000);
    CHECK(same);
    CHECK(all.line(9999) == 10001);
    CHECK(all.text(9999, 0) == "l3");  // 9999 mod 7 = 3
    CHECK(all.matrix().rows() == 10000);
    CHECK(all.matrix()(9999, 0) == 9999);
    CHECK_FALSE(blocks.read_block(block, 4096));
}

TEST_CASE("table: several files read as one table", "[table][files]") {
    mlm::test::TempDir dir;
    auto a = dir.write("a.csv", "x,y\n1,2\n");
    auto b = dir.write("b.csv", "x,y\n3,4\n5,6\n");
    TableReader t({a, b}, ReadOptions{});
    CHECK(t.names() == Names{"x", "y"});
    auto block = numbers(t);
    CHECK(values(block) == Values{{1, 2}, {3, 4}, {5, 6}});
    CHECK(block.file(0) == a);
    CHECK(block.file(2) == b);
    CHECK(block.line(2) == 3);
}

TEST_CASE("table: files with different headers are an error", "[table][files][error]") {
    mlm::test::TempDir dir;
    auto a = dir.write("a.csv", "x,y\n1,2\n");
    auto b = dir.write("b.csv", "x,z\n3,4\n");
    TableReader t({a, b}, ReadOptions{});
    CHECK(error_of(t) == b + ": the columns differ from those of " + a);
}

TEST_CASE("table: an error in the second file names that file", "[table][files][error]") {
    mlm::test::TempDir dir;
    auto a = dir.write("a.csv", "x\n1\n");
    auto b = dir.write("b.csv", "x\n2\nbad\n");
    TableReader t({a, b}, ReadOptions{});
    CHECK(error_of(t) == b + ":3:1: expected a number, got \"bad\"");
}

TEST_CASE("table: the format follows the file extension", "[table][files]") {
    mlm::test::TempDir dir;
    TableReader tsv({dir.write("d.tsv", "a\tb\n1\t2\n")}, ReadOptions{});
    CHECK(tsv.format() == Format::tsv);
    CHECK(values(numbers(tsv)) == Values{{1, 2}});
    TableReader jsonl({dir.write("d.jsonl", "[1,2]\n")}, ReadOptions{});
    CHECK(jsonl.format() == Format::jsonl);
}

TEST_CASE("table: a missing file is an IoError", "[table][files][error]") {
    CHECK_THROWS_AS(TableReader({"/nonexistent/x.csv"}, ReadOptions{}), mlm::IoError);
}

TEST_CASE("table: a row longer than the 1 MiB buffer is read whole", "[table][edge]") {
    mlm::test::TempDir dir;
    std::string header, row;
    for (int j = 0; j < 200000; ++j) {  // 1.4 and 1.6 MB lines
        header += (j ? ",c" : "c") + std::to_string(j);
        row += j ? ",1.50000" : "1.50000";
    }
    TableReader t({dir.write("wide.csv", header + "\n" + row + "\n" + row + "\n")}, ReadOptions{});
    REQUIRE(t.names().size() == 200000);
    t.select_numbers({0, 199999});
    auto b = t.read_all();
    CHECK(values(b) == Values{{1.5, 1.5}, {1.5, 1.5}});
}

// Fuzzing regressions ---------------------------------------------------------

TEST_CASE("table: a JSON number too large for a double is an error at its line and column",
          "[table][json][error][fuzz]") {
    CHECK(error_of("[[1,2],[2e308,3]]") == "t.csv:1:9: number out of range: \"2e308\"");
    CHECK(error_of("[[1,2],\n  [3, 1e400]]") == "t.csv:2:7: number out of range: \"1e400\"");
    CHECK(error_of("{\"a\":1}\n{\"a\":1e400}\n") == "t.csv:2:6: number out of range: \"1e400\"");
    CHECK(error_of("[1e999]\n", with_format(Format::jsonl)) == "t.csv:1:2: number out of range: \"1e999\"");
}

TEST_CASE("table: the inputs fuzzing found end in rows or an mlm::Error in every format",
          "[table][fuzz]") {
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(MLM_TEST_DATA "/fuzz-regressions")) {
        ++files;
        // The fuzzer's first byte chose the options; try them all on the rest.
        std::string text = mlm::test::read_file(entry.path().string()).substr(1);
        for (Format f : {Format::detect, Format::csv, Format::tsv, Format::json, Format::jsonl})
            for (HeaderMode h : {HeaderMode::detect, HeaderMode::present, HeaderMode::absent}) {
                INFO(entry.path().filename().string() << " format " << static_cast<int>(f) << " header "
                                                      << static_cast<int>(h));
                for (ColumnType type : {ColumnType::number, ColumnType::text}) {
                    try {
                        auto t = reader(text, with_format(f, h));
                        std::vector<ColumnRequest> all;
                        for (std::size_t i = 0; i < t.names().size(); ++i) all.push_back({i, type});
                        t.select(all);
                        t.read_all();
                    } catch (const mlm::Error&) {
                    } catch (const std::exception& e) {
                        FAIL("unexpected exception: " << e.what());
                    }
                }
            }
    }
    CHECK(files > 0);
}

TEST_CASE("table: an unterminated JSON string megabytes long is a short error, not a stack overflow",
          "[table][json][error][edge]") {
    // nlohmann puts the whole token in its message; parsing that with std::regex
    // overflowed the stack.
    std::string e = error_of("[\"" + std::string(3000000, 'a'));
    CHECK_THAT(e, Catch::Matchers::StartsWith("t.csv:1:"));
    CHECK_THAT(e, Catch::Matchers::Contains("invalid JSON: syntax error"));
    CHECK(e.size() < 300);
}

TEST_CASE("table: an empty input is an input error in every format", "[table][edge][fuzz]") {
    // Reading an empty buffer passed null to memchr (UBSan, found by fuzzing).
    for (Format f : {Format::detect, Format::csv, Format::tsv, Format::jsonl})
        CHECK(error_of("", with_format(f)) == "t.csv: no data rows");
    CHECK(error_of("", with_format(Format::json)) ==
          "t.csv:1:1: invalid JSON: syntax error while parsing value - unexpected end of input; "
          "expected '[', '{', or a literal");
}

// Hostile input ------------------------------------------------------------

TEST_CASE("reader: 100,000 nested [ is status 3 naming the depth", "[io][hostile][json]") {
    std::string open(100000, '[');
    std::string deep = open + std::string(100000, ']');
    CHECK(error_of(deep) == "t.csv:1:65: JSON nested deeper than 64 levels (a table needs 3)");
    CHECK(error_of(open) == "t.csv:1:65: JSON nested deeper than 64 levels (a table needs 3)");
    CHECK(error_of(deep, with_format(Format::json)) ==
          "t.csv:1:65: JSON nested deeper than 64 levels (a table needs 3)");
    CHECK(error_of(deep + "\n", with_format(Format::jsonl)) ==
          "t.csv:1:65: JSON nested deeper than 64 levels (a table needs 3)");
    // On a later line of JSON Lines, and inside a cell.
    CHECK(error_of("[1]\n[" + deep + "]\n") == "t.csv:2:65: JSON nested deeper than 64 levels (a table needs 3)");
    CHECK(error_of("[[1," + open + "]]") == "t.csv:1:67: JSON nested deeper than 64 levels (a table needs 3)");
}

TEST_CASE("reader: 100,000 nested {\"a\": is status 3 naming the depth", "[io][hostile][json]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
    deep += "1" + std::string(100000, '}');
    CHECK(error_of(deep) == "t.csv:1:321: JSON nested deeper than 64 levels (a table needs 3)");
    CHECK(error_of(deep + "\n", with_format(Format::jsonl)) ==
          "t.csv:1:321: JSON nested deeper than 64 levels (a table needs 3)");
}

TEST_CASE("reader: nesting in a cell is read as its text up to the limit", "[io][json]") {
    auto t = reader("[[1,[2,{\"k\":[3]}]]]");
    t.select({{0, ColumnType::number}, {1, ColumnType::text}});
    auto b = t.read_all();
    REQUIRE(b.rows() == 1);
    CHECK(b.text(0, 0) == "[2,{\"k\":[3]}]");
}

TEST_CASE("reader: a JSON key that stands twice in an object is status 3 naming it", "[io][json][error]") {
    CHECK(error_of("[{\"x\":1,\"x\":9}]") == "t.csv:1:9: duplicate key \"x\" (first at 1:3)");
    CHECK(error_of("[{\"x\":1},\n {\"y\":2, \"x\":3, \"y\":4}]") == "t.csv:2:17: duplicate key \"y\" (first at 2:3)");
    CHECK(error_of("{\"x\":[1],\"x\":[9]}") == "t.csv:1:10: duplicate key \"x\" (first at 1:2)");
    CHECK(error_of("{\"x\":1,\"x\":9}\n") == "t.csv:1:8: duplicate key \"x\" (first at 1:2)");
    CHECK(error_of("{\"x\":1}\n{\"x\":2,\"x\":9}\n") == "t.csv:2:8: duplicate key \"x\" (first at 2:2)");
    // A key outside the first line's, twice on a later line.
    CHECK(error_of("{\"x\":1}\n{\"x\":2,\"z\":1,\"z\":9}\n") == "t.csv:2:14: duplicate key \"z\" (first at 2:8)");
    // The same key in two objects is not a duplicate; nor in a nested cell.
    auto t = reader("[{\"x\":1,\"c\":{\"x\":2}},{\"x\":3,\"c\":null}]");
    t.select_numbers({0});
    CHECK(values(t.read_all()) == Values{{1}, {3}});
}

TEST_CASE("reader: a JSON array cell is echoed cut to 40 characters", "[io][json][error]") {
    std::string big = "[";
    for (int i = 0; i < 200000; ++i) big += (i ? ",1" : "1");
    big += "]";
    std::string e = error_of("[[" + big + "]]");
    CHECK(e == "t.csv:1:3: expected a number, got [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,...");
    std::string s = error_of("[[\"" + std::string(1000000, 'x') + "\"]]", with_format(Format::json, HeaderMode::absent));
    CHECK(s == "t.csv:1:3: expected a number, got the string \"" + std::string(37, 'x') + "...\"");
    std::string c = error_of("a\n" + std::string(1000000, 'y') + "\n");
    CHECK(c.size() < 100);
}

TEST_CASE("reader: hostile bytes end in rows or one short input error", "[io][hostile]") {
    // NUL bytes and invalid UTF-8 in CSV are text like any other.
    auto nul = reader(std::string("a,b\n1,x\0y\n", 10));
    nul.select({{0, ColumnType::number}, {1, ColumnType::text}});
    CHECK(nul.read_all().text(0, 0) == std::string("x\0y", 3));
    CHECK_THAT(error_of(std::string("a\n\0\n", 4)), Catch::Matchers::StartsWith("t.csv:2:1: expected a number, got"));
    auto utf = reader("label\n\xff\xfe\nok\n");
    utf.select({{0, ColumnType::text}});
    CHECK(utf.read_all().rows() == 2);
    // Invalid UTF-8 in a JSON string is a syntax error at its place.
    CHECK_THAT(error_of("[[\"\xff\"]]"), Catch::Matchers::StartsWith("t.csv:1:4: invalid JSON: "));
    // CR-only line ends: one line saying what they are.
    CHECK(error_of("a,b\r1,2\r3,4\r") ==
          "t.csv: the first line holds a carriage return: lines that end in CR alone (old Mac) are not read; "
          "convert them with tr '\\r' '\\n'");
    // A 1 MB cell is read whole.
    auto wide = reader("a\n" + std::string(1 << 20, '7') + "\n");
    wide.select({{0, ColumnType::text}});
    CHECK(wide.read_all().text(0, 0).size() == (1u << 20));
}

// Header guess ---------------------------------------------------------------

namespace {
struct Notes {
    std::vector<std::string> lines;
    ReadOptions options(HeaderMode h = HeaderMode::detect) {
        ReadOptions o;
        o.header = h;
        o.note = [this](const std::string& s) { lines.push_back(s); };
        return o;
    }
};
}  // namespace

TEST_CASE("reader: a headerless label column keeps its first value", "[io][header]") {
    Notes notes;
    auto t = reader("H\nH\nT\nH\nT\nT\nH\nH\n", notes.options());
    CHECK_FALSE(t.has_header());
    CHECK(t.names() == Names{"1"});
    t.select({{0, ColumnType::text}});
    auto b = t.read_all();
    REQUIRE(b.rows() == 8);
    CHECK(b.text(0, 0) == "H");
    CHECK(b.line(0) == 1);
    CHECK(notes.lines ==
          std::vector<std::string>{"t.csv: took the first row as data: \"H\" appears again in column 1 "
                                   "(--header to read it as names)"});
}

TEST_CASE("reader: labels after numbers keep their first row (iris without a header)", "[io][header]") {
    Notes notes;
    auto t = reader("5.1,3.5,setosa\n4.9,3.0,setosa\n6.3,3.3,virginica\n", notes.options());
    CHECK_FALSE(t.has_header());
    CHECK(numbers_of_column(t, 0) == std::vector<double>{5.1, 4.9, 6.3});
    CHECK(notes.lines.size() == 1);
}

TEST_CASE("reader: a text header over text columns is taken as names, with a note", "[io][header]") {
    Notes notes;
    auto t = reader("city\nParis\nLyon\nParis\n", notes.options());
    CHECK(t.has_header());
    CHECK(t.names() == Names{"city"});
    CHECK(notes.lines == std::vector<std::string>{"t.csv: took the first row as column names, as none of its "
                                                  "cells appears again in its column (--no-header to read it "
                                                  "as data)"});
}

TEST_CASE("reader: a text cell over numbers is a header without a note", "[io][header]") {
    Notes notes;
    auto t = reader("label,x\nH,1\nH,2\n", notes.options());
    CHECK(t.has_header());
    CHECK(notes.lines.empty());
    // --header and --no-header silence the guess.
    auto forced = reader("H\nH\nT\n", notes.options(HeaderMode::present));
    CHECK(forced.names() == Names{"H"});
    auto absent = reader("city\nParis\n", notes.options(HeaderMode::absent));
    CHECK(absent.names() == Names{"1"});
    CHECK(notes.lines.empty());
}

TEST_CASE("reader: the header guess looks at JSON rows too", "[io][header][json]") {
    auto t = reader("[[\"H\"],[\"T\"],[\"H\"]]");
    CHECK_FALSE(t.has_header());
    auto named = reader("[[\"coin\"],[\"T\"],[\"H\"]]");
    CHECK(named.names() == Names{"coin"});
}

// Formats --------------------------------------------------------------------

TEST_CASE("reader: TSV is sniffed from a first line with tabs and no commas", "[io][tsv]") {
    auto t = reader("a\tb\n1\t2\n");
    CHECK(t.format() == Format::tsv);
    CHECK(t.names() == Names{"a", "b"});
    CHECK(values(numbers(t)) == Values{{1, 2}});
    auto csv = reader("a\tb,c\n1\t2,3\n");
    CHECK(csv.format() == Format::csv);
    CHECK(csv.names() == Names{"a\tb", "c"});
    auto forced = reader("a\tb\n1\t2\n", with_format(Format::csv));
    CHECK(forced.names() == Names{"a\tb"});
}

// Wide tables ----------------------------------------------------------------

TEST_CASE("reader: 10,000 columns of JSON objects and JSON Lines read in linear time", "[io][json][wide]") {
    std::string object = "{";
    for (int j = 0; j < 10000; ++j) object += (j ? ",\"c" : "\"c") + std::to_string(j) + "\":" + std::to_string(j);
    object += "}";
    std::string doc = "[" + object + "," + object + "]";
    auto t = reader(doc);
    REQUIRE(t.names().size() == 10000);
    t.select_numbers({9999});
    CHECK(values(t.read_all()) == Values{{9999}, {9999}});
    auto lines = reader(object + "\n" + object + "\n");
    lines.select_numbers({5000});
    CHECK(values(lines.read_all()) == Values{{5000}, {5000}});
}
