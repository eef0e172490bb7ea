#include "cli/context.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

using mlm::cli::Context;
using mlm::cli::StandardOptions;

namespace {
struct Fixture {
    StandardOptions options;
    mlm::io::Output out = mlm::io::Output::memory();
    std::ostringstream err;
    Context ctx() { return Context("tool", options, out, err); }
};
}  // namespace

TEST_CASE("context: --fail-above gives status 1 and a reason when crossed", "[context][check]") {
    Fixture f;
    f.options.fail_above = 0.5;
    CHECK(f.ctx().check(0.5) == 0);
    CHECK(f.err.str().empty());
    CHECK(f.ctx().check(0.75, "entropy") == 1);
    CHECK(f.err.str() == "tool: entropy 0.75 is above 0.5\n");
}

TEST_CASE("context: --fail-below gives status 1 and a reason when crossed", "[context][check]") {
    Fixture f;
    f.options.fail_below = 2;
    CHECK(f.ctx().check(2) == 0);
    CHECK(f.ctx().check(1.5) == 1);
    CHECK(f.err.str() == "tool: result 1.5 is below 2\n");
}

TEST_CASE("context: a nan result fails any check", "[context][check][edge]") {
    Fixture f;
    f.options.fail_below = 0;
    CHECK(f.ctx().check(std::nan("")) == 1);
    Fixture g;
    CHECK(g.ctx().check(std::nan("")) == 0);  // no threshold, no check
}

TEST_CASE("context: print_number prints the number and a newline only", "[context]") {
    Fixture f;
    f.ctx().print_number(0.1 + 0.2);
    CHECK(f.out.captured() == "0.30000000000000004\n");
    Fixture g;
    g.options.precision = 3;
    g.ctx().print_number(2.0 / 3.0);
    CHECK(g.out.captured() == "0.667\n");
}

TEST_CASE("context: notes go to stderr unless --quiet, warnings always", "[context]") {
    Fixture f;
    f.options.quiet = true;
    f.ctx().note("hidden");
    f.ctx().warn("shown");
    CHECK(f.err.str() == "tool: shown\n");
}

TEST_CASE("context: skipped rows are reported on stderr", "[context][missing]") {
    Fixture f;
    mlm::io::ReadOptions o;
    o.skip_missing = true;
    auto t = mlm::io::TableReader::from_string("d.csv", "a\n1\n\n2\nnan\n", o);
    auto t2 = mlm::io::TableReader::from_string("d.csv", "a,b\n1,\n,2\n3,4\n", o);
    t2.select_numbers({0, 1});
    CHECK(t2.read_all().rows() == 1);
    f.ctx().report_skipped(t2);
    CHECK(f.err.str() == "tool: skipped 2 rows with missing values\n");
    t.select_numbers({0});
    t.read_all();
    Fixture g;
    g.ctx().report_skipped(t);
    CHECK(g.err.str().empty());
}

TEST_CASE("context: -c and -g resolve against the table's columns", "[context][columns]") {
    Fixture f;
    auto t = mlm::io::TableReader::from_string("d.csv", "a,b,c\n1,2,3\n", {});
    CHECK(f.ctx().selected_columns(t) == std::vector<std::size_t>{0, 1, 2});
    CHECK(f.ctx().group_columns(t).empty());
    f.options.columns = std::string("c,1");
    f.options.group_by = std::string("b");
    CHECK(f.ctx().selected_columns(t) == std::vector<std::size_t>{2, 0});
    CHECK(f.ctx().group_columns(t) == std::vector<std::size_t>{1});
    f.options.columns = std::string("d");
    CHECK_THROWS_AS(f.ctx().selected_columns(t), mlm::UsageError);
}

TEST_CASE("context: the table writer follows -t and --precision", "[context]") {
    Fixture f;
    f.options.to = "tsv";
    f.options.precision = 2;
    auto w = f.ctx().table({"k", "v"});
    w.cell("x").cell(1.0 / 3.0).end_row();
    w.finish();
    CHECK(f.out.captured() == "k\tv\nx\t0.33\n");
}

TEST_CASE("context: the reader's header note is the tool's note, silenced by --quiet", "[context][header]") {
    mlm::test::TempDir dir;
    Fixture f;
    f.options.files = {dir.write("coin.csv", "H\nH\nT\n")};
    {
        Context ctx = f.ctx();
        auto t = ctx.open_table();
        CHECK_FALSE(t.has_header());
    }
    std::string expected = "tool: ";  // appended: g++ 12 warns -Wrestrict on a + chain
    expected.append(f.options.files[0]);
    expected.append(": took the first row as data: \"H\" appears again in column 1 (--header to read it as names)\n");
    CHECK(f.err.str() == expected);
    Fixture q;
    q.options.files = f.options.files;
    q.options.quiet = true;
    q.ctx().open_table();
    CHECK(q.err.str().empty());
}

TEST_CASE("context: an empty input is 'no data rows' at open, before any -c is resolved", "[context][edge]") {
    mlm::test::TempDir dir;
    Fixture f;
    f.options.files = {dir.write("empty.csv", "")};
    std::string expected = f.options.files[0];
    expected.append(": no data rows");
    CHECK_THROWS_WITH(f.ctx().open_table(), expected);
}
