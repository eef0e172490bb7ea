#include "io/raw_bytes.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>

TEST_CASE("raw_bytes: chunks add up to the file, byte for byte", "[raw_bytes]") {
    mlm::test::TempDir dir;
    std::string text;
    for (int i = 0; i < 3 * (1 << 20) + 5; ++i) text.push_back(static_cast<char>(i * 7 % 256));
    std::string seen;
    std::size_t chunks = 0;
    mlm::io::for_each_chunk(dir.write("b.bin", text), [&](std::string_view c) {
        seen.append(c);
        ++chunks;
    });
    CHECK(seen == text);
    CHECK(chunks >= 4);
}

TEST_CASE("raw_bytes: an empty file gives no chunk", "[raw_bytes][edge]") {
    mlm::test::TempDir dir;
    std::size_t chunks = 0;
    mlm::io::for_each_chunk(dir.write("e.bin", ""), [&](std::string_view) { ++chunks; });
    CHECK(chunks == 0);
}

TEST_CASE("raw_bytes: an unreadable file is an IoError naming it", "[raw_bytes][error]") {
    CHECK_THROWS_MATCHES(mlm::io::for_each_chunk("/nonexistent/b.bin", [](std::string_view) {}),
                         mlm::IoError,
                         Catch::Matchers::Message("/nonexistent/b.bin: no such file or directory"));
}
