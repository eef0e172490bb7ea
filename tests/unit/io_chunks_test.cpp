// The chunked CSV reader: many small chunks, parsed on 1, 2 or 3 threads, give
// the same rows, blocks, lines and errors as one chunk read on one thread.
#include "io/table.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace mlm::io;

namespace {

ReadOptions chunked(std::size_t threads, std::size_t chunk_bytes, bool skip_missing = false) {
    ReadOptions o;
    o.threads = threads;
    o.chunk_bytes = chunk_bytes;
    o.skip_missing = skip_missing;
    return o;
}

// Everything a tool can see of the blocks: their sizes, numbers, texts, lines.
struct Seen {
    std::vector<std::size_t> sizes;
    std::vector<double> numbers;
    std::vector<std::string> texts;
    std::vector<std::size_t> lines;
    std::size_t skipped = 0;
    bool operator==(const Seen&) const = default;
};

Seen seen_blocks(TableReader& t, std::size_t max_rows) {
    t.select({{0, ColumnType::number}, {2, ColumnType::text}});
    Seen s;
    std::vector<RowBlock> kept;  // earlier blocks stay valid after later reads
    RowBlock b;
    while (t.read_block(b, max_rows)) {
        s.sizes.push_back(b.rows());
        kept.push_back(b);
    }
    for (const RowBlock& k : kept)
        for (std::size_t r = 0; r < k.rows(); ++r) {
            s.numbers.push_back(k.number(r, 0));
            s.texts.emplace_back(k.text(r, 0));
            s.lines.push_back(k.line(r));
        }
    s.skipped = t.rows_skipped();
    return s;
}

Seen read_blocks(const std::string& text, const ReadOptions& o, std::size_t max_rows = 100) {
    auto t = TableReader::from_string("t.csv", text, o);
    return seen_blocks(t, max_rows);
}

// The same from a file on disk: on several threads its chunks are read by
// byte ranges, on the parsing threads (LineSource::next_range).
Seen read_file_blocks(const std::string& path, const ReadOptions& o) {
    TableReader t({path}, o);
    return seen_blocks(t, 100);
}

std::string message_of(const std::string& text, const ReadOptions& o) {
    try {
        read_blocks(text, o);
    } catch (const mlm::InputError& e) {
        return e.what();
    }
    return "no error";
}

// 3,000 rows with a header, blank lines, CRLF ends, quoted cells (with the
// delimiter inside, selected and not) and a last line without its newline.
std::string table_text() {
    std::string text = "x,y,label,rest\n";
    for (int i = 0; i < 3000; ++i) {
        if (i % 250 == 7) text += "\n  \n";
        std::string label = i % 11 == 0 ? "\"l,\"\"" : "l";
        label += std::to_string(i % 5);
        if (i % 11 == 0) label += '"';
        std::string rest = i % 13 == 0 ? "\"a,b\"" : "r";
        text += std::to_string(i) + "," + std::to_string(i * 0.25) + "," + label + "," + rest;
        text += i % 17 == 0 ? "\r\n" : "\n";
    }
    text.pop_back();
    return text;
}

}  // namespace

TEST_CASE("chunks: any chunk size and thread count give the same blocks and rows", "[table][chunks]") {
    const std::string text = table_text();
    const Seen one = read_blocks(text, chunked(1, 1 << 20));
    REQUIRE(one.numbers.size() == 3000);
    CHECK(one.numbers[2999] == 2999);
    CHECK(one.texts[0] == "l,\"0");  // quoted, unescaped
    CHECK(one.texts[1] == "l1");
    // The header is line 1; blank lines count: row 2999 is past 12 groups of two.
    CHECK(one.lines[0] == 2);
    CHECK(one.lines[2999] == 2 + 2999 + 2 * 12);
    for (std::size_t bytes : {1, 7, 64, 1000}) {
        const Seen small = read_blocks(text, chunked(1, bytes));
        CHECK(small.numbers == one.numbers);
        CHECK(small.texts == one.texts);
        CHECK(small.lines == one.lines);
        for (std::size_t threads : {2, 3}) CHECK(read_blocks(text, chunked(threads, bytes)) == small);
    }
}

TEST_CASE("chunks: a bad cell in a late chunk is reported at its line at any thread count", "[table][chunks]") {
    std::string text = table_text();
    std::size_t at = text.find("\n2500,");
    text.replace(at + 1, 4, "25x0");
    const std::string expected = "t.csv:" + std::to_string(2 + 2500 + 2 * 10) + ":1: expected a number, got \"25x0\"";
    CHECK(message_of(text, chunked(1, 1 << 20)) == expected);
    for (std::size_t threads : {1, 2, 3}) CHECK(message_of(text, chunked(threads, 100)) == expected);
}

TEST_CASE("chunks: ragged rows are found past the last selected column", "[table][chunks]") {
    std::string text = table_text();
    std::size_t at = text.find("\n2000,");
    text.insert(text.find('\n', at + 1), ",extra");
    const std::string expected = "t.csv:" + std::to_string(2 + 2000 + 2 * 8) + ":5: expected 4 fields, found 5";
    for (std::size_t threads : {1, 2, 3}) CHECK(message_of(text, chunked(threads, 100)) == expected);
    std::string quoted_rest = "a,b,c,d\n1,2,x,\"p,q\"\n1,2,x,\"p\",q\n";
    CHECK(message_of(quoted_rest, chunked(2, 8)) == "t.csv:3:5: expected 4 fields, found 5");
    CHECK(message_of("a,b,c,d\n1,2,x\n", chunked(1, 8)) == "t.csv:2:4: expected 4 fields, found 3");
    CHECK(message_of("a,b,c,d\n1,2,\"x,d\n", chunked(1, 8)) == "t.csv:2:3: unterminated quoted field");
}

TEST_CASE("chunks: skip-missing counts every dropped row at any thread count", "[table][chunks]") {
    std::string text = "x,y,label\n";
    for (int i = 0; i < 1000; ++i)
        text += (i % 9 == 0 ? std::string() : std::to_string(i)) + ",1," + (i % 10 == 0 ? "" : "a") + "\n";
    // Dropped: i divisible by 9 or by 10 (112 + 100 - 12 = 200).
    const Seen one = read_blocks(text, chunked(1, 1 << 20, true));
    CHECK(one.skipped == 200);
    CHECK(one.numbers.size() == 800);
    for (std::size_t threads : {1, 2, 3}) {
        const Seen s = read_blocks(text, chunked(threads, 50, true));
        CHECK(s.skipped == 200);
        CHECK(s.numbers == one.numbers);
        CHECK(s.lines == one.lines);
    }
    CHECK(message_of(text, chunked(2, 50)) == "t.csv:2:1: missing value in column 'x' (--skip-missing drops such rows)");
}

TEST_CASE("chunks: a file read by byte ranges on 2 and 3 threads gives the blocks of one thread",
          "[table][chunks][file]") {
    mlm::test::TempDir dir;
    const std::string text = table_text();
    const std::string path = dir.write("t.csv", text);
    for (std::size_t bytes : {1, 64, 1000, 1 << 20}) {
        INFO("chunk bytes " << bytes);
        const Seen one = read_blocks(text, chunked(1, bytes));
        for (std::size_t threads : {1, 2, 3}) CHECK(read_file_blocks(path, chunked(threads, bytes)) == one);
    }
    // A bad cell in a late range names the file and its line.
    std::string bad = text;
    bad.replace(bad.find("\n2500,") + 1, 4, "25x0");
    const std::string bad_path = dir.write("bad.csv", bad);
    for (std::size_t threads : {1, 2, 3}) {
        std::string message = "no error";
        try {
            read_file_blocks(bad_path, chunked(threads, 100));
        } catch (const mlm::InputError& e) {
            message = e.what();
        }
        CHECK(message == bad_path + ":" + std::to_string(2 + 2500 + 2 * 10) + ":1: expected a number, got \"25x0\"");
    }
}
