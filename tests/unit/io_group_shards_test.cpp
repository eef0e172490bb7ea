#include "error.hpp"
#include "io/group_shards.hpp"
#include "io/groups.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

using namespace mlm::io;

namespace {

// 50,000 rows (several of the visitor's blocks) over `keys` keys in a
// scrambled order, with the row's number as its value: "k17,4711".
std::string keyed_rows(int rows, int keys) {
    std::string text = "k,n\n";
    for (int i = 0; i < rows; ++i)
        text += "k" + std::to_string((i * 7919L + i / 3) % keys) + "," + std::to_string(i) + "\n";
    return text;
}

TableReader keyed_table(const std::string& text, std::size_t threads) {
    ReadOptions o;
    o.threads = threads;
    o.chunk_bytes = 64 * 1024;  // many chunks, so the parsing threads take part
    auto t = TableReader::from_string("k.csv", text, o);
    t.select({{0, ColumnType::text}, {1, ColumnType::text}});
    return t;
}

}  // namespace

TEST_CASE("group shards: every row once, each group's rows in input order, groups in first-seen order",
          "[groups][shards]") {
    const std::string text = keyed_rows(50000, 997);
    // The reference: one thread, one GroupIndex.
    auto whole = keyed_table(text, 1).read_all();
    GroupIndex reference({0});
    std::vector<std::vector<std::int64_t>> rows_of;  // by reference id
    for (std::size_t r = 0; r < whole.rows(); ++r) {
        const std::size_t id = reference.id(whole, r);
        if (id == rows_of.size()) rows_of.emplace_back();
        rows_of[id].push_back(static_cast<std::int64_t>(r));
    }
    REQUIRE(reference.size() == 997);

    for (std::size_t shards : {1, 2, 3, 5}) {
        INFO(shards << " shards");
        auto table = keyed_table(text, std::min<std::size_t>(shards, 3));
        std::vector<GroupIndex> index(shards, GroupIndex({0}));
        std::vector<std::vector<std::int64_t>> first(shards);
        std::vector<std::vector<std::vector<std::int64_t>>> seen(shards);  // shard, id: row numbers
        std::vector<char> wrong_row(shards, 0);  // one flag per shard: each is written by its own thread
        const auto rows = visit_sharded(table, {0}, shards,
                                        [&](std::size_t k, const RowBlock& b, std::size_t r, std::int64_t number,
                                            std::uint64_t key) {
                                            // the value is the row's number: the number passed must be it
                                            wrong_row[k] |= std::stoll(std::string(b.text(r, 1))) != number;
                                            wrong_row[k] |= key != key_hash(b, r, {0});
                                            wrong_row[k] |= shard_of(key, shards) != k;
                                            const std::size_t id = index[k].id(b, r, key);
                                            if (id == first[k].size()) {
                                                first[k].push_back(number);
                                                seen[k].emplace_back();
                                            }
                                            seen[k][id].push_back(number);
                                        });
        CHECK(rows == 50000);
        CHECK(std::count(wrong_row.begin(), wrong_row.end(), 1) == 0);
        const auto order = first_seen_order(first);
        REQUIRE(order.size() == reference.size());
        std::size_t mismatches = 0;
        for (std::size_t g = 0; g < order.size(); ++g) {
            const auto [k, id] = order[g];
            mismatches += index[k].values(id) != reference.values(g) || seen[k][id] != rows_of[g];
        }
        CHECK(mismatches == 0);
        if (shards > 1) {  // the work is shared: no shard is left without groups
            for (const auto& f : first) CHECK(f.size() > 997 / shards / 2);
        }
    }
}

TEST_CASE("group shards: the error at the earliest row is the one thrown, at any number of shards",
          "[groups][shards][edge]") {
    const std::string text = keyed_rows(50000, 101);
    auto failing_at = [](std::int64_t a, std::int64_t b) {
        return [a, b](std::size_t, const RowBlock&, std::size_t, std::int64_t number, std::uint64_t) {
            if (number == a || number == b) throw std::runtime_error("row " + std::to_string(number));
        };
    };
    for (std::size_t shards : {1, 2, 3}) {
        INFO(shards << " shards");
        {
            auto table = keyed_table(text, shards);
            CHECK_THROWS_WITH(visit_sharded(table, {0}, shards, failing_at(41000, 20001)), "row 20001");
        }
        {
            auto table = keyed_table(text, shards);
            CHECK_THROWS_WITH(visit_sharded(table, {0}, shards, failing_at(3, 49999)), "row 3");
        }
        // A reading error (a ragged row on line 30002, row 30000) against visits failing after and before it.
        std::string ragged = text;
        const std::string row = "\nk" + std::to_string((30000 * 7919L + 30000 / 3) % 101) + ",30000\n";
        const auto at = ragged.find(row);
        REQUIRE(at != std::string::npos);
        ragged.insert(at + row.size() - 1, ",extra");
        {
            auto table = keyed_table(ragged, shards);
            CHECK_THROWS_AS(visit_sharded(table, {0}, shards, failing_at(30001, 45000)), mlm::InputError);
        }
        {
            auto table = keyed_table(ragged, shards);
            CHECK_THROWS_WITH(visit_sharded(table, {0}, shards, failing_at(29999, 45000)), "row 29999");
        }
    }
}
