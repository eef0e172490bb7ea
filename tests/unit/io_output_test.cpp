#include "io/output.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using mlm::io::Output;

TEST_CASE("output: memory keeps everything written", "[output]") {
    Output out = Output::memory();
    out << "a" << ',' << std::string_view("b\n");
    std::string big(100000, 'x');  // past the 64 KiB flush threshold
    out.write(big);
    out.commit();
    CHECK(out.captured() == "a,b\n" + big);
}

TEST_CASE("output: a file is written atomically at commit", "[output][file]") {
    mlm::test::TempDir dir;
    std::string path = dir.path("result.csv");
    {
        Output out(path);
        out << "x\n";
        out.write(std::string(200000, 'y'));  // drained to the temporary file before commit
        CHECK_FALSE(std::filesystem::exists(path));
        out.commit();
    }
    CHECK(mlm::test::read_file(path) == "x\n" + std::string(200000, 'y'));
    CHECK(dir.count() == 1);
}

TEST_CASE("output: an uncommitted file leaves nothing behind", "[output][file]") {
    mlm::test::TempDir dir;
    std::string path = dir.path("result.csv");
    {
        Output out(path);
        out.write(std::string(200000, 'y'));
    }
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(dir.count() == 0);
}

TEST_CASE("output: an uncommitted run keeps the previous file intact", "[output][file]") {
    mlm::test::TempDir dir;
    std::string path = dir.write("result.csv", "old\n");
    {
        Output out(path);
        out.write("new\n");
    }
    CHECK(mlm::test::read_file(path) == "old\n");
    CHECK(dir.count() == 1);
}

TEST_CASE("output: a file in a missing directory is an IoError", "[output][error]") {
    CHECK_THROWS_AS(Output("/nonexistent/dir/out.csv"), mlm::IoError);
}

TEST_CASE("output: a count prints in decimal, not as a raw byte", "[output][regression]") {
    // The bug: a std::size_t converted to char, so mlm-entropy gain --explain
    // printed "over \226 rows" for 150 rows and xent --explain "N = \002 rows".
    Output out = Output::memory();
    std::size_t rows = 150;
    out << "over " << rows << " rows, " << std::size_t{2} << ", " << -3 << ", " << 18446744073709551615ull;
    CHECK(out.captured() == "over 150 rows, 2, -3, 18446744073709551615");
}
