#include "io/line_source.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdlib>
#include <thread>
#include <vector>

using mlm::io::LineSource;

namespace {
std::vector<std::string> all_lines(LineSource& src) {
    std::vector<std::string> out;
    std::string_view line;
    while (src.next(line)) out.emplace_back(line);
    return out;
}
std::vector<std::string> lines_of(std::string text) {
    LineSource src("mem", std::move(text));
    return all_lines(src);
}
}  // namespace

TEST_CASE("line_source: splits on newlines and keeps empty lines", "[line_source]") {
    CHECK(lines_of("a\nb\n\nc\n") == std::vector<std::string>{"a", "b", "", "c"});
}

TEST_CASE("line_source: a last line without a newline is still a line", "[line_source][edge]") {
    CHECK(lines_of("a\nb") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("line_source: empty input has no lines", "[line_source][edge]") {
    CHECK(lines_of("").empty());
}

TEST_CASE("line_source: CRLF line ends lose their carriage return", "[line_source]") {
    CHECK(lines_of("a,b\r\n1,2\r\n3,4") == std::vector<std::string>{"a,b", "1,2", "3,4"});
    CHECK(lines_of("x\r") == std::vector<std::string>{"x"});
}

TEST_CASE("line_source: a UTF-8 byte-order mark is stripped from the first line only", "[line_source]") {
    CHECK(lines_of("\xEF\xBB\xBFname\n\xEF\xBB\xBFx\n") ==
          std::vector<std::string>{"name", "\xEF\xBB\xBFx"});
    CHECK(lines_of("\xEF\xBB\xBF").empty());
}

TEST_CASE("line_source: line numbers count every line, blank ones too", "[line_source]") {
    LineSource src("mem", "a\n\nb\n");
    std::string_view line;
    REQUIRE(src.next(line));
    CHECK(src.line_number() == 1);
    REQUIRE(src.next(line));
    REQUIRE(src.next(line));
    CHECK(line == "b");
    CHECK(src.line_number() == 3);
    CHECK_FALSE(src.next(line));
}

TEST_CASE("line_source: peek_first_nonblank looks past blanks and a BOM without consuming",
          "[line_source]") {
    LineSource src("mem", "\xEF\xBB\xBF \n\t [1]\n");
    CHECK(src.peek_first_nonblank() == '[');
    CHECK(src.read_rest() == " \n\t [1]\n");
    LineSource empty("mem", "  \n");
    CHECK(empty.peek_first_nonblank() == 0);
}

TEST_CASE("line_source: reads files in blocks, lines across block boundaries intact", "[line_source][file]") {
    mlm::test::TempDir dir;
    // 300,000 lines of 7 bytes: about 2 MiB, so lines straddle the 1 MiB blocks.
    std::string text;
    for (int i = 0; i < 300000; ++i) text += std::to_string(100000 + i) + "\n";
    LineSource src(dir.write("big.txt", text));
    std::string_view line;
    std::size_t n = 0;
    bool in_order = true;
    while (src.next(line)) {
        in_order = in_order && line == std::to_string(100000 + n);
        ++n;
    }
    CHECK(n == 300000);
    CHECK(in_order);
    CHECK(src.bytes_read() == text.size());
}

TEST_CASE("line_source: a line longer than the 1 MiB buffer is read whole", "[line_source][file][edge]") {
    mlm::test::TempDir dir;
    std::string longline(3 * (1 << 20) + 17, 'x');
    LineSource src(dir.write("long.txt", "a\n" + longline + "\r\nb"));
    CHECK(all_lines(src) == std::vector<std::string>{"a", longline, "b"});
}

TEST_CASE("line_source: an unreadable file is an IoError naming it", "[line_source][error]") {
    CHECK_THROWS_MATCHES(LineSource("/nonexistent/dir/x.csv"), mlm::IoError,
                         Catch::Matchers::Message("/nonexistent/dir/x.csv: no such file or directory"));
}

TEST_CASE("line_source: read_rest returns what was not consumed", "[line_source]") {
    LineSource src("mem", "a\nb\nc\n");
    std::string_view line;
    REQUIRE(src.next(line));
    CHECK(src.read_rest() == "b\nc\n");
    CHECK_FALSE(src.next(line));
}

TEST_CASE("line_source: a directory is an IoError naming it", "[line_source][error]") {
    mlm::test::TempDir dir;
    std::string path = dir.path("");
    CHECK_THROWS_AS(
        [&] {
            LineSource src(path);
            std::string_view line;
            src.next(line);
        }(),
        mlm::IoError);
}

namespace {
// The chunks of `path` after its first line, each checked to end at the first
// newline at or after `bytes` - 1 bytes (or at the end); false on a bad cut.
bool chunks_cut_where_they_should(const std::string& path, std::size_t bytes, std::string& joined) {
    LineSource src(path);
    std::string_view header;
    src.next(header);
    joined = std::string(header) + "\n";
    bool good = true;
    std::vector<std::shared_ptr<const std::string>> held;  // some held while later ones are cut
    while (auto chunk = src.next_chunk(bytes)) {
        const std::string& c = *chunk;
        std::size_t nl = c.find('\n', std::min(bytes, c.size()) - 1);
        good = good && (nl == c.size() - 1 || (nl == std::string::npos && c.back() != '\n'));
        joined += c;
        if (held.size() < 3) held.push_back(chunk);
        else held.clear();
    }
    return good;
}
}  // namespace

TEST_CASE("line_source: chunks of a file are cut at the first newline past the size, whatever it is",
          "[line_source][file][chunk]") {
    mlm::test::TempDir dir;
    // Lines of 1 to 40000 bytes: some longer than a chunk and than next_chunk's 16 KiB steps.
    std::string text = "header\n";
    for (int i = 0; i < 400; ++i) text += std::string(static_cast<std::size_t>((i * 7919) % 40000 + 1), 'a' + i % 26) + "\n";
    text += "last line without a newline";
    std::string path = dir.write("lines.txt", text);
    for (std::size_t bytes : {1, 2, 3, 100, 4096, 16384, 65536, 1 << 20, 1 << 23}) {
        std::string joined;
        INFO("bytes " << bytes);
        CHECK(chunks_cut_where_they_should(path, bytes, joined));
        CHECK(joined == text);
    }
}

TEST_CASE("line_source: chunks from memory and after lines were read whole", "[line_source][chunk]") {
    LineSource src("mem", "a,b\n1,2\n3,4\n5,6");
    std::string_view line;
    REQUIRE(src.next(line));
    REQUIRE(src.next(line));
    CHECK(line == "1,2");
    auto first = src.next_chunk(2);
    REQUIRE(first);
    CHECK(*first == "3,4\n");
    auto second = src.next_chunk(100);
    REQUIRE(second);
    CHECK(*second == "5,6");
    CHECK_FALSE(src.next_chunk(100));
}

TEST_CASE("line_source: a file's ranges are its chunks, read on other threads", "[line_source][file][chunk]") {
    mlm::test::TempDir dir;
    // Lines of 1 to 40000 bytes, a byte-order mark, CRLF on some lines, and
    // with and without a last newline.
    std::string body;
    for (int i = 0; i < 300; ++i)
        body += std::string(static_cast<std::size_t>((i * 7919) % 40000 + 1), 'a' + i % 26) + (i % 3 ? "\n" : "\r\n");
    for (const std::string& text : {"h1,h2\n" + body, "\xEF\xBB\xBFh1,h2\r\n" + body + "no newline at the end"}) {
        const std::string path = dir.write("ranges.txt", text);
        for (std::size_t bytes : {1, 3, 100, 16384, 65536, 1 << 20, 1 << 23}) {
            INFO("bytes " << bytes << ", " << text.size() << " bytes of text");
            LineSource by_chunk(path), by_range(path);
            std::string_view header;
            REQUIRE(by_chunk.next(header));
            REQUIRE(by_range.next(header));
            REQUIRE(by_range.ranges_readable());
            // Cut them all first, read them after and on other threads, in reverse order.
            std::vector<LineSource::ChunkRead> ranges;
            while (auto r = by_range.next_range(bytes)) ranges.push_back(std::move(r));
            std::vector<std::shared_ptr<const std::string>> read(ranges.size());
            std::vector<std::thread> threads;
            for (std::size_t i = ranges.size(); i-- > 0;) threads.emplace_back([&, i] { read[i] = ranges[i](); });
            for (auto& t : threads) t.join();
            std::size_t i = 0, differ = 0;
            while (auto chunk = by_chunk.next_chunk(bytes)) differ += i >= read.size() || *read[i++] != *chunk;
            CHECK(differ == 0);
            CHECK(i == read.size());
            CHECK(by_range.bytes_read() == text.size());
        }
    }
}

TEST_CASE("line_source: standard input, compressed files and memory are not read by ranges",
          "[line_source][chunk][edge]") {
    mlm::test::TempDir dir;
    LineSource memory("mem", "a\n1\n");
    CHECK_FALSE(memory.ranges_readable());
    const std::string gz = dir.path("x.gz");
    REQUIRE(std::system(("printf 'a\\n1\\n' | gzip > " + gz).c_str()) == 0);
    LineSource compressed(gz);
    CHECK_FALSE(compressed.ranges_readable());
    LineSource empty(dir.write("empty.csv", ""));
    CHECK_FALSE(empty.ranges_readable());
}

TEST_CASE("line_source: a file cut short while its ranges are read is an IoError", "[line_source][error]") {
    mlm::test::TempDir dir;
    const std::string path = dir.write("shrinks.csv", "a\n" + std::string(100000, '1') + "\n" + std::string(100000, '2') + "\n");
    LineSource src(path);
    std::string_view header;
    REQUIRE(src.next(header));
    auto first = src.next_range(1000);
    REQUIRE(first);
    REQUIRE(::truncate(path.c_str(), 50) == 0);
    CHECK_THROWS_WITH(first(), Catch::Matchers::Contains("shrinks.csv: the file got shorter while it was read"));
}
