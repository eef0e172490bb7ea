#include "io/output.hpp"

#include "error.hpp"
#include "temp_dir.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sys/stat.h>

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

TEST_CASE("output: -o through a symlink replaces the target atomically and keeps the link",
          "[output][file][symlink]") {
    mlm::test::TempDir dir;
    std::string target = dir.write("target.csv", "old\n");
    std::string link = dir.path("link.csv");
    std::filesystem::create_symlink("target.csv", link);
    {
        Output out(link);
        out.write("new\n");
        out.write(std::string(100000, 'y'));  // drained before commit: to the temporary file
        CHECK(mlm::test::read_file(target) == "old\n");
        out.commit();
    }
    CHECK(std::filesystem::is_symlink(link));
    CHECK(mlm::test::read_file(target) == "new\n" + std::string(100000, 'y'));
    CHECK(dir.count() == 2);
}

TEST_CASE("output: a failed run through a symlink leaves the target intact", "[output][file][symlink]") {
    mlm::test::TempDir dir;
    std::string target = dir.write("target.csv", "old\n");
    std::string link = dir.path("link.csv");
    std::filesystem::create_symlink(target, link);
    {
        Output out(link);
        out.write(std::string(100000, 'y'));
    }
    CHECK(mlm::test::read_file(target) == "old\n");
    CHECK(dir.count() == 2);
}

TEST_CASE("output: a dangling symlink gets its target created", "[output][file][symlink]") {
    mlm::test::TempDir dir;
    std::string link = dir.path("link.csv");
    std::filesystem::create_symlink("new.csv", link);
    {
        Output out(link);
        out.write("x\n");
        out.commit();
    }
    CHECK(std::filesystem::is_symlink(link));
    CHECK(mlm::test::read_file(dir.path("new.csv")) == "x\n");
}

namespace {
unsigned mode_of(const std::string& path) {
    struct stat st;
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}
}  // namespace

TEST_CASE("output: -o keeps an existing file's mode", "[output][file][mode]") {
    mlm::test::TempDir dir;
    std::string path = dir.write("result.csv", "old\n");
    ::chmod(path.c_str(), 0600);
    {
        Output out(path);
        out.write("new\n");
        out.commit();
    }
    CHECK(mode_of(path) == 0600);
    ::chmod(path.c_str(), 0755);
    {
        Output out(path);
        out.commit();
    }
    CHECK(mode_of(path) == 0755);
}

TEST_CASE("output: -o creates a new file with 0666 & ~umask, not 0644", "[output][file][mode]") {
    mlm::test::TempDir dir;
    mode_t old = ::umask(002);
    {
        Output out(dir.path("a.csv"));
        out.commit();
    }
    ::umask(077);
    {
        Output out(dir.path("b.csv"));
        out.commit();
    }
    ::umask(old);
    CHECK(mode_of(dir.path("a.csv")) == 0664);
    CHECK(mode_of(dir.path("b.csv")) == 0600);
}
