// TableReader::reduce_chunks and map_chunks: partial results made per chunk on
// the parsing threads and taken in input order give the same sequence of
// partials at 1, 2 and 3 threads, cover every row once, and report the first
// error in file order (a reduce step's or a parse error) at its line in the file.
#include "io/table.hpp"

#include "error.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace mlm::io;

namespace {

ReadOptions chunked(std::size_t threads, std::size_t chunk_bytes) {
    ReadOptions o;
    o.threads = threads;
    o.chunk_bytes = chunk_bytes;
    return o;
}

// What a partial records of its block: its rows' values, lines and labels.
struct Part {
    std::vector<double> x;
    std::vector<std::size_t> lines;
    std::string labels;
    bool operator==(const Part&) const = default;
};

// "x,label" rows: x = i, label "a" + i % 3; `bad_x` puts a cell that is not a
// number at that row (0-based), `negative_at` a -1.
std::string table_text(int rows, int bad_x = -1, int negative_at = -1) {
    std::string text = "x,label\n";
    for (int i = 0; i < rows; ++i) {
        std::string x = i == bad_x ? "1.5x" : i == negative_at ? "-1" : std::to_string(i);
        text += x + ",a" + std::to_string(i % 3) + "\n";
    }
    return text;
}

// Every partial in the order taken; a negative x is an error of the reduce step.
std::vector<Part> partials(const std::string& text, const ReadOptions& o) {
    auto t = TableReader::from_string("t.csv", text, o);
    t.select({{0, ColumnType::number}, {1, ColumnType::text}});
    std::vector<Part> out;
    map_chunks(
        t,
        [](const RowBlock& b) {
            Part p;
            for (std::size_t r = 0; r < b.rows(); ++r) {
                if (b.number(r, 0) < 0) throw mlm::InputError("negative", b.file(r), b.line(r), 1);
                p.x.push_back(b.number(r, 0));
                p.lines.push_back(b.line(r));
                p.labels += b.text(r, 0);
            }
            return p;
        },
        [&](Part&& p) { out.push_back(std::move(p)); });
    return out;
}

std::string message_of(const std::string& text, const ReadOptions& o) {
    try {
        partials(text, o);
    } catch (const mlm::InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("reduce_chunks: the same partials at any thread count, every row once, in order") {
    const std::string text = table_text(5000);
    const auto one = partials(text, chunked(1, 512));
    CHECK(one.size() > 50);  // many chunks
    CHECK(partials(text, chunked(2, 512)) == one);
    CHECK(partials(text, chunked(3, 512)) == one);
    std::size_t next = 0;
    for (const Part& p : one)
        for (std::size_t r = 0; r < p.x.size(); ++r, ++next) {
            REQUIRE(p.x[r] == static_cast<double>(next));
            // Lines count from the chunk's start on a parsing thread: only
            // what reduce throws has the file's line.
            REQUIRE(p.lines[r] == p.lines[0] + r);
        }
    CHECK(next == 5000);
}

TEST_CASE("reduce_chunks: JSON rows are reduced on the calling thread, in blocks") {
    std::string text = "[";
    for (int i = 0; i < 10000; ++i) text += (i ? ",{\"x\":" : "{\"x\":") + std::to_string(i) + ",\"label\":\"b\"}";
    text += "]";
    const auto parts = partials(text, chunked(2, 512));
    CHECK(parts.size() == 3);  // 4096-row blocks
    std::size_t rows = 0;
    for (const Part& p : parts) rows += p.x.size();
    CHECK(rows == 10000);
}

TEST_CASE("reduce_chunks: the first error in the file wins, at its line") {
    for (std::size_t threads : {1, 2, 3}) {
        // A reduce error late in the input, in a late chunk.
        CHECK(message_of(table_text(5000, -1, 4000), chunked(threads, 512)) == "t.csv:4002:1: negative");
        // A parse error before it wins; and after it loses.
        CHECK(message_of(table_text(5000, 3000, 4000), chunked(threads, 512)) ==
              "t.csv:3002:1: expected a number, got \"1.5x\"");
        CHECK(message_of(table_text(5000, 4500, 4000), chunked(threads, 512)) == "t.csv:4002:1: negative");
        // Both in one chunk (one big chunk): the earlier row wins either way.
        CHECK(message_of(table_text(300, 250, 200), chunked(threads, 1 << 20)) == "t.csv:202:1: negative");
        CHECK(message_of(table_text(300, 150, 200), chunked(threads, 1 << 20)) ==
              "t.csv:152:1: expected a number, got \"1.5x\"");
    }
}

TEST_CASE("reduce_chunks: after read_block, the rest of the rows, each once") {
    for (std::size_t threads : {1, 2}) {
        auto t = TableReader::from_string("t.csv", table_text(3000), chunked(threads, 512));
        t.select({{0, ColumnType::number}, {1, ColumnType::text}});
        RowBlock first;
        REQUIRE(t.read_block(first, 10));
        std::vector<double> seen;
        for (std::size_t r = 0; r < first.rows(); ++r) seen.push_back(first.number(r, 0));
        t.reduce_chunks(
            [](const RowBlock& b) {
                std::vector<double> x;
                for (std::size_t r = 0; r < b.rows(); ++r) x.push_back(b.number(r, 0));
                return std::any(x);
            },
            [&](std::any& p) {
                for (double x : std::any_cast<std::vector<double>&>(p)) seen.push_back(x);
            });
        REQUIRE(seen.size() == 3000);
        for (std::size_t i = 0; i < seen.size(); ++i) REQUIRE(seen[i] == static_cast<double>(i));
    }
}

TEST_CASE("reduce_chunks: an error in take stops the parsing threads first") {
    auto t = TableReader::from_string("t.csv", table_text(5000), chunked(3, 512));
    t.select({{0, ColumnType::number}, {1, ColumnType::text}});
    std::size_t taken = 0;
    CHECK_THROWS_AS(map_chunks(
                        t, [](const RowBlock& b) { return b.rows(); },
                        [&](std::size_t) {
                            if (++taken == 3) throw mlm::NumericError("stop");
                        }),
                    mlm::NumericError);
    CHECK(taken == 3);
}
