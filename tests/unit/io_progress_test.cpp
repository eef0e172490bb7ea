#include "io/progress.hpp"

#include <catch2/catch.hpp>

using mlm::io::progress_line;
using mlm::io::ProgressState;

TEST_CASE("progress: bytes, rows and rate; a percentage only when the size is known", "[progress]") {
    ProgressState s;
    s.bytes = 300'000'000;
    s.rows = 4'000'000;
    CHECK(progress_line("mlm-pca", s, 2.0) == "mlm-pca: 300 MB, 4000000 rows, 150 MB/s");
    s.raw = 50'000'000;
    s.total = 200'000'000;  // compressed input: the percentage is of the stored bytes
    CHECK(progress_line("mlm-pca", s, 2.0) == "mlm-pca: 300 MB, 4000000 rows, 150 MB/s, 25%");
}

TEST_CASE("progress: never above 100% and no division by zero", "[progress][edge]") {
    ProgressState s;
    s.raw = 11;
    s.total = 10;
    CHECK(progress_line("t", s, 0.0) == "t: 0 MB, 0 rows, 0 MB/s, 100%");
}

TEST_CASE("progress: the meter is off without a terminal on stderr", "[progress]") {
    // Tests run with stderr on a pipe or a file, never a terminal.
    mlm::io::ProgressMeter meter("mlm-test");
    CHECK_FALSE(meter.on());
    mlm::io::ProgressMeter unnamed("");
    CHECK_FALSE(unnamed.on());
}
