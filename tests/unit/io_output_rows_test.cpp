#include "io/output_rows.hpp"

#include "io/table_writer.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using mlm::io::append_number_rows;

TEST_CASE("output_rows: rows of numbers, row-major or column-major", "[output][rows]") {
    const std::vector<double> row_major{1.5, -0.001, 27000, 1e100, -0.0, 0.1};
    std::string out = "x";
    append_number_rows(out, row_major.data(), 2, 3, 3, 1, ',', 0);
    CHECK(out == "x1.5,-0.001,27000\n1e100,0,0.1\n");
    // The same matrix stored by columns, as Eigen's MatrixXd.
    const std::vector<double> column_major{1.5, 1e100, -0.001, -0.0, 27000, 0.1};
    std::string tsv;
    append_number_rows(tsv, column_major.data(), 2, 3, 1, 2, '\t', 0);
    CHECK(tsv == "1.5\t-0.001\t27000\n1e100\t0\t0.1\n");
}

TEST_CASE("output_rows: the bytes a table writer writes for the same cells", "[output][rows][writer]") {
    // Wide rows (more than the 4 KB laid out at a time), every kind of number,
    // and --precision.
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> xs;
    for (int i = 0; i < 3000; ++i)
        xs.push_back(i % 7 == 0 ? -std::ldexp(1.0 / 3, i % 200 - 100) : std::sqrt(i) * 1e-7 * (i % 11));
    xs[5] = std::nan("");
    xs[6] = -inf;
    xs[7] = 2.2250738585072014e-308;
    const std::size_t columns = 500, rows = xs.size() / columns;
    for (int precision : {0, 3}) {
        for (auto format : {mlm::io::OutFormat::csv, mlm::io::OutFormat::tsv}) {
            mlm::io::Output written = mlm::io::Output::memory();
            mlm::io::TableWriter table(written, format, std::vector<std::string>(columns, "c"), precision);
            for (std::size_t k = 0; k < xs.size(); ++k) {
                table.cell(xs[k]);
                if ((k + 1) % columns == 0) table.end_row();
            }
            table.finish();
            written.commit();
            const std::string expected = written.captured().substr(written.captured().find('\n') + 1);
            std::string fast;
            append_number_rows(fast, xs.data(), rows, columns, columns, 1,
                               format == mlm::io::OutFormat::csv ? ',' : '\t', precision);
            CHECK(fast.size() > 4096);
            CHECK(fast == expected);
        }
    }
}
