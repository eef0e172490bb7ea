#include "io/held_rows.hpp"

#include <catch2/catch.hpp>

#include <utility>
#include <vector>

using namespace mlm::io;

namespace {

using Blocks = std::vector<std::pair<std::int64_t, std::int64_t>>;  // (first row, rows)

// 300,000 rows "i,l(i mod 5)": one number and one text column.
TableReader counting_rows() {
    std::string text = "x,label\n";
    for (int i = 0; i < 300000; ++i) text += std::to_string(i) + ",l" + std::to_string(i % 5) + "\n";
    auto t = TableReader::from_string("t.csv", std::move(text), ReadOptions{});
    t.select({{0, ColumnType::number}, {1, ColumnType::text}});
    return t;
}

}  // namespace

TEST_CASE("held rows: drain gives back the blocks as added, across chunks", "[held_rows]") {
    TableReader t = counting_rows();
    HeldRows held(1, 1);
    RowBlock block;
    Blocks added;
    while (t.read_block(block, 70000)) {
        added.push_back({held.rows(), static_cast<std::int64_t>(block.rows())});
        held.add(block);
    }
    REQUIRE(held.rows() == 300000);
    CHECK(held.text(123457, 0) == "l2");
    CHECK(held.bytes() == 300000 * sizeof(double) + 600000 + 300000 * sizeof(std::size_t));
    // A chunk holds 2^17 numbers: some block must straddle one, to be gathered.
    bool straddles = false;
    for (const auto& [first, rows] : added) straddles = straddles || (first < 131072 && first + rows > 131072);
    CHECK(straddles);

    Blocks seen;
    bool right = true;
    held.drain([&](std::int64_t first, const Eigen::Map<const RowMatrix>& rows) {
        seen.push_back({first, rows.rows()});
        for (Eigen::Index i = 0; i < rows.rows(); ++i) right = right && rows(i, 0) == double(first + i);
    });
    CHECK(seen == added);
    CHECK(right);
    CHECK(held.text(299999, 0) == "l4");  // the cells outlive the numbers
}

TEST_CASE("held rows: take_numbers gives every row in order", "[held_rows]") {
    TableReader t = counting_rows();
    HeldRows held(1, 1);
    RowBlock block;
    while (t.read_block(block, 4096)) held.add(block);
    Doubles all = held.take_numbers();
    REQUIRE(all.size() == 300000);
    bool right = true;
    for (std::size_t i = 0; i < all.size(); ++i) right = right && all.data()[i] == double(i);
    CHECK(right);
}
