#include "io/table_writer.hpp"

#include "io/table.hpp"

#include "error.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

using namespace mlm::io;

namespace {
const double inf = std::numeric_limits<double>::infinity();
const double not_a_number = std::numeric_limits<double>::quiet_NaN();

std::string written(OutFormat format, int precision = 0) {
    Output out = Output::memory();
    TableWriter w(out, format, {"name", "value"}, precision);
    w.cell("a").cell(0.1).end_row();
    w.cell("b,\"c\"").cell(-0.0).end_row();
    w.cell("n").cell(not_a_number).end_row();
    w.cell("i").cell(-inf).end_row();
    w.cell("third").cell(1.0 / 3.0).end_row();
    w.finish();
    return out.captured();
}
}  // namespace

TEST_CASE("table_writer: CSV has a header and quotes cells as RFC 4180 asks", "[writer][csv]") {
    CHECK(written(OutFormat::csv) ==
          "name,value\n"
          "a,0.1\n"
          "\"b,\"\"c\"\"\",0\n"
          "n,nan\n"
          "i,-inf\n"
          "third,0.3333333333333333\n");
}

TEST_CASE("table_writer: CSV quotes header names and cells with newlines", "[writer][csv][edge]") {
    Output out = Output::memory();
    TableWriter w(out, OutFormat::csv, {"a,b", "c"});
    w.cell("line\nbreak").cell("ok").end_row();
    w.finish();
    CHECK(out.captured() == "\"a,b\",c\n\"line\nbreak\",ok\n");
}

TEST_CASE("table_writer: TSV separates with tabs", "[writer][tsv]") {
    CHECK(written(OutFormat::tsv) ==
          "name\tvalue\n"
          "a\t0.1\n"
          "\"b,\"\"c\"\"\"\t0\n"
          "n\tnan\n"
          "i\t-inf\n"
          "third\t0.3333333333333333\n");
}

TEST_CASE("table_writer: JSON is an array of objects, non-finite numbers as strings", "[writer][json]") {
    std::string text = written(OutFormat::json);
    auto doc = nlohmann::json::parse(text);
    REQUIRE(doc.is_array());
    REQUIRE(doc.size() == 5);
    CHECK(doc[0] == nlohmann::json{{"name", "a"}, {"value", 0.1}});
    CHECK(doc[1]["name"] == "b,\"c\"");
    CHECK(doc[1]["value"] == 0);
    CHECK(doc[2]["value"] == "nan");
    CHECK(doc[3]["value"] == "-inf");
    CHECK(doc[4]["value"] == 1.0 / 3.0);  // the shortest digits read back exactly
}

TEST_CASE("table_writer: JSON Lines is one object per line", "[writer][jsonl]") {
    std::string text = written(OutFormat::jsonl);
    std::vector<nlohmann::json> rows;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        rows.push_back(nlohmann::json::parse(text.substr(start, nl - start)));
    CHECK(start == text.size());
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == nlohmann::json{{"name", "a"}, {"value", 0.1}});
    CHECK(rows[2]["value"] == "nan");
}

TEST_CASE("table_writer: an empty JSON table is an empty array", "[writer][json][edge]") {
    Output out = Output::memory();
    TableWriter w(out, OutFormat::json, {"x"});
    w.finish();
    CHECK(nlohmann::json::parse(out.captured()) == nlohmann::json::array());
}

TEST_CASE("table_writer: precision applies to every format", "[writer][format]") {
    CHECK(written(OutFormat::csv, 3).find("third,0.333\n") != std::string::npos);
    auto doc = nlohmann::json::parse(written(OutFormat::json, 3));
    CHECK(doc[4]["value"] == 0.333);
}

TEST_CASE("table_writer: output formats are parsed by name", "[writer]") {
    CHECK(parse_out_format("tsv") == OutFormat::tsv);
    CHECK(parse_out_format("jsonl") == OutFormat::jsonl);
    CHECK_THROWS_AS(parse_out_format("xml"), mlm::UsageError);
}

TEST_CASE("table_writer: write_json spells non-finite numbers as strings", "[writer][json]") {
    Output out = Output::memory();
    nlohmann::json doc = {{"h", inf}, {"list", {1.5, not_a_number, -inf}}, {"n", 3}};
    write_json(out, doc);
    auto back = nlohmann::json::parse(out.captured());
    CHECK(back["h"] == "inf");
    CHECK(back["list"] == nlohmann::json{1.5, "nan", "-inf"});
    CHECK(back["n"] == 3);
    CHECK(out.captured().back() == '\n');
}

TEST_CASE("table_writer: write_json rounds to the precision asked", "[writer][json][format]") {
    Output out = Output::memory();
    write_json(out, {{"x", 2.0 / 3.0}}, 2);
    CHECK(nlohmann::json::parse(out.captured())["x"] == 0.67);
}

TEST_CASE("table_writer: write_json prints negative zero as 0", "[writer][json][edge]") {
    Output out = Output::memory();
    write_json(out, {{"x", -0.0}});
    CHECK(out.captured().find("-0") == std::string::npos);
}

TEST_CASE("table_writer: json_number and json_count", "[writer][json]") {
    CHECK(json_number(inf) == "inf");
    CHECK(json_number(2.5) == 2.5);
    CHECK(json_count(5.0).dump() == "5");
    CHECK(json_count(2.5).dump() == "2.5");
    CHECK(json_count(1e300) == 1e300);
}

TEST_CASE("table_writer: a cell that is not UTF-8 is written to JSON with U+FFFD, not a crash",
          "[writer][json][edge]") {
    Output out = Output::memory();
    TableWriter w(out, OutFormat::jsonl, {"label"});
    w.cell("caf\xE9").end_row();  // Latin-1 e-acute
    w.finish();
    CHECK(nlohmann::json::parse(out.captured())["label"] == "caf\xEF\xBF\xBD");
    Output doc = Output::memory();
    write_json(doc, {{"group", std::string("\xFF")}});
    CHECK(nlohmann::json::parse(doc.captured())["group"] == "\xEF\xBF\xBD");
}

TEST_CASE("table_writer: CSV and TSV output reads back to the same cells", "[writer][csv][tsv]") {
    const std::vector<std::string> cells{"plain", "a,b", "say \"hi\"", "tab\there", "", "\"", "x;y"};
    for (OutFormat format : {OutFormat::csv, OutFormat::tsv}) {
        Output out = Output::memory();
        TableWriter w(out, format, {"v"});
        for (const auto& c : cells) w.cell(c).end_row();
        w.finish();
        ReadOptions o;
        o.format = format == OutFormat::csv ? Format::csv : Format::tsv;
        o.header = HeaderMode::present;
        o.skip_missing = true;
        auto t = TableReader::from_string("back", out.captured(), o);
        t.select({{0, ColumnType::text}});
        RowBlock b = t.read_all();
        std::vector<std::string> back;
        for (std::size_t i = 0; i < b.rows(); ++i) back.emplace_back(b.text(i, 0));
        std::vector<std::string> expected = cells;
        // The empty cell comes back as a missing value (written "", not as a blank line).
        expected.erase(std::find(expected.begin(), expected.end(), ""));
        INFO((format == OutFormat::csv ? "csv" : "tsv"));
        CHECK(back == expected);
        CHECK(t.rows_skipped() == 1);
    }
}

TEST_CASE("table_writer: an empty cell alone on its row is written \"\" so it reads back as a row",
          "[writer][csv][edge]") {
    Output out = Output::memory();
    TableWriter w(out, OutFormat::csv, {"label"});
    w.cell("a").end_row();
    w.cell("").end_row();
    w.finish();
    CHECK(out.captured() == "label\na\n\"\"\n");
    auto table = TableReader::from_string("t", out.captured(), {});
    table.select({{0, ColumnType::text}});
    ReadOptions keep;
    keep.skip_missing = true;
    auto again = TableReader::from_string("t", out.captured(), keep);
    again.select({{0, ColumnType::text}});
    auto rows = again.read_all();
    CHECK(rows.rows() == 1);
    CHECK(again.rows_skipped() == 1);  // the empty cell came back as a missing value, not a lost line
}

TEST_CASE("table_writer: write_json spells exponents bare as every other output (1e-9, not nlohmann's 1e-09)",
          "[writer][json][format]") {
    Output out = Output::memory();
    write_json(out, {{"small", 1e-9}, {"big", 2.5e20}, {"tiny", -5e-324}, {"text", "1e-09 stays"}, {"k", "e+05\"e-07"}});
    const std::string& t = out.captured();
    CHECK(t.find("\"small\": 1e-9") != std::string::npos);
    CHECK(t.find("\"big\": 2.5e20") != std::string::npos);
    CHECK(t.find("\"tiny\": -5e-324") != std::string::npos);
    auto back = nlohmann::json::parse(t);
    CHECK(back["small"] == 1e-9);  // exact: the same shortest digits, read back
    CHECK(back["big"] == 2.5e20);
    CHECK(back["text"] == "1e-09 stays");  // strings are not numbers
    CHECK(back["k"] == "e+05\"e-07");
}
