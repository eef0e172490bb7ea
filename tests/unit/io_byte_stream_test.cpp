// Compressed input: fixtures made by the gzip and zstd tools (tests/data/compressed/README).
#include "io/byte_stream.hpp"
#include "io/line_source.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>
#include <zlib.h>

using mlm::io::ByteStream;

namespace {
std::string fixture(const std::string& name) { return std::string(MLM_TEST_DATA) + "/compressed/" + name; }

std::string read_all(ByteStream& s, std::size_t chunk = 4096) {
    std::string out, buf(chunk, '\0');
    while (std::size_t n = s.read(buf.data(), buf.size())) out.append(buf.data(), n);
    return out;
}
std::string read_all(const std::string& path) {
    ByteStream s(path);
    return read_all(s);
}
std::string numbers_to(int last) {
    std::string s = "n\n";
    for (int i = 1; i <= last; ++i) s += std::to_string(i) + "\n";
    return s;
}
// The message of the InputError reading `path` throws; empty when none.
std::string input_error(const std::string& path) {
    try {
        read_all(path);
    } catch (const mlm::InputError& e) {
        return e.text();
    }
    return {};
}
}  // namespace

TEST_CASE("byte_stream: gzip and zstd files read as their contents", "[byte_stream]") {
    CHECK(read_all(fixture("small.csv.gz")) == "x,y\n1,2\n3,4\n");
    CHECK(read_all(fixture("small.csv.zst")) == "x,y\n1,2\n3,4\n");
    CHECK(read_all(fixture("long.csv.gz")) == numbers_to(3000));
    CHECK(read_all(fixture("long.csv.zst")) == numbers_to(3000));
}

TEST_CASE("byte_stream: one-byte reads give the same bytes", "[byte_stream][edge]") {
    ByteStream gz(fixture("long.csv.gz"));
    CHECK(read_all(gz, 1) == numbers_to(3000));
    ByteStream zs(fixture("long.csv.zst"));
    CHECK(read_all(zs, 1) == numbers_to(3000));
}

TEST_CASE("byte_stream: concatenated gzip members and zstd frames read whole, as zcat does", "[byte_stream]") {
    CHECK(read_all(fixture("members.csv.gz")) == "x,y\n1,2\n3,4\n");
    CHECK(read_all(fixture("frames.csv.zst")) == "x,y\n1,2\n3,4\n");
}

TEST_CASE("byte_stream: plain files, short files and empty files pass through", "[byte_stream][edge]") {
    mlm::test::TempDir dir;
    CHECK(read_all(dir.write("plain.csv", "a\n1\n")) == "a\n1\n");
    CHECK(read_all(dir.write("one", "\x1f")) == "\x1f");  // half a magic number is data
    CHECK(read_all(dir.write("empty", "")).empty());
    ByteStream s(dir.write("plain2", "abc"));
    read_all(s);
    CHECK(s.codec() == std::string());
    CHECK(s.file_size() == 3);
    CHECK(s.raw_bytes_read() == 3);
}

TEST_CASE("byte_stream: truncated and corrupt streams are input errors naming the file", "[byte_stream][hostile]") {
    CHECK(input_error(fixture("truncated.csv.gz")) ==
          fixture("truncated.csv.gz") + ": truncated gzip data (unexpected end of file)");
    CHECK(input_error(fixture("truncated.csv.zst")) ==
          fixture("truncated.csv.zst") + ": truncated zstd data (unexpected end of file)");
    CHECK_THAT(input_error(fixture("garbage.csv.gz")),
               Catch::StartsWith(fixture("garbage.csv.gz") + ": corrupt gzip data"));
    CHECK_THAT(input_error(fixture("garbage.csv.zst")),
               Catch::StartsWith(fixture("garbage.csv.zst") + ": corrupt zstd data"));
    CHECK(input_error(fixture("trailing.csv.gz")) ==
          fixture("trailing.csv.gz") + ": data after the end of the gzip stream is not gzip");
}

TEST_CASE("byte_stream: a gzip bomb streams through bounded reads", "[byte_stream][hostile]") {
    // 256 MiB of zeros deflate to about 256 KiB; each read gives at most what was asked.
    const std::size_t total = std::size_t(256) << 20;
    std::vector<unsigned char> zeros(1 << 20, 0);
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string packed;
    std::vector<unsigned char> out(1 << 16);
    for (std::size_t done = 0; done < total; done += zeros.size()) {
        z.next_in = zeros.data();
        z.avail_in = static_cast<uInt>(zeros.size());
        const int flush = done + zeros.size() >= total ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            deflate(&z, flush);
            packed.append(reinterpret_cast<char*>(out.data()), out.size() - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    mlm::test::TempDir dir;
    ByteStream s(dir.write("bomb.gz", packed));
    std::vector<char> buf(1 << 16);
    std::size_t got = 0, largest = 0;
    bool all_zero = true;
    while (std::size_t n = s.read(buf.data(), buf.size())) {
        got += n;
        largest = std::max(largest, n);
        for (std::size_t i = 0; i < n; i += 4096) all_zero = all_zero && buf[i] == 0;
    }
    CHECK(packed.size() < (std::size_t(1) << 20));
    CHECK(got == total);
    CHECK(largest <= buf.size());
    CHECK(all_zero);
    CHECK(s.codec() == std::string("gzip"));
    CHECK(s.raw_bytes_read() == packed.size());
}

TEST_CASE("line_source: lines of a gzip file", "[byte_stream][line_source]") {
    mlm::io::LineSource src(fixture("members.csv.gz"));
    std::vector<std::string> lines;
    std::string_view line;
    while (src.next(line)) lines.emplace_back(line);
    CHECK(lines == std::vector<std::string>{"x,y", "1,2", "3,4"});
    CHECK(src.bytes_read() == 12);
    CHECK(src.raw_bytes_read() == 52);
    CHECK(src.file_size() == 52);
}
