// Grouped work (-g) on several cores. With thousands of groups, per-chunk
// partial results would each hold most groups, and merging them costs more
// than counting; so the groups are split instead of the rows. Each group
// belongs to one shard, by a hash of its key, and each shard's thread visits
// the rows of its groups, every block in input order:
//
//   shard(row) = hash(key(row)) mod shards
//
// A group sees its rows in input order at any number of shards, and the
// groups of all shards ordered by their first rows (first_seen_order) are
// the order one GroupIndex would have given them: the output does not depend
// on the number of threads.
#pragma once

#include "io/table.hpp"

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace mlm::io {

// The hash of the group key of `block`'s row, taken once per row: its high
// bits pick the shard, and GroupIndex::id(block, row, key_hash) probes with
// it (for one group column it is the cell's hash_of, not computed again).
std::uint64_t key_hash(const RowBlock& block, std::size_t row, const std::vector<std::size_t>& key_columns);
// Which of `shards` shards the group with this key_hash belongs to.
inline std::size_t shard_of(std::uint64_t key_hash, std::size_t shards) {
    // The high bits: the low ones pick the slots of each shard's own index.
    return static_cast<std::size_t>((key_hash >> 32) % shards);
}

// A shard's rows of a block, in input order, and their key hashes.
struct ShardRows {
    const std::uint32_t* rows;
    const std::uint64_t* hashes;
    std::size_t size;
};
// visit(shard, block, rows, first, at): the rows of the block that belong to
// the shard; `first` is the input's number of the block's row 0. It sets `at`
// to each row before visiting it, so that what it throws is placed.
using ShardBlockVisit =
    std::function<void(std::size_t, const RowBlock&, const ShardRows&, std::int64_t, std::size_t&)>;

// Visits every remaining row of `table` once, each shard on a thread of its
// own (shard 0 on this one, which also reads), a block at a time. What a
// visit throws stops the reading; of the errors met, the one at the earliest
// row is thrown (a reading error counts as met at the first row not read),
// as one thread visiting every row would have thrown it. Returns the rows read.
std::int64_t visit_sharded_blocks(TableReader& table, const std::vector<std::size_t>& key_columns,
                                  std::size_t shards, const ShardBlockVisit& visit);

// The same a row at a time: visit(shard, block, row, number, key_hash), with
// `number` the row's place in the input (0-based) and `key_hash` its key's.
// A template, so that the visit is inlined in the loop over a block's rows
// rather than called through a std::function per row.
template <class Visit>
std::int64_t visit_sharded(TableReader& table, const std::vector<std::size_t>& key_columns, std::size_t shards,
                           Visit&& visit) {
    return visit_sharded_blocks(
        table, key_columns, shards,
        [&visit](std::size_t shard, const RowBlock& block, const ShardRows& own, std::int64_t first,
                 std::size_t& at) {
            for (std::size_t i = 0; i < own.size; ++i) {
                at = own.rows[i];
                visit(shard, block, at, first + static_cast<std::int64_t>(at), own.hashes[i]);
            }
        });
}

// Each shard's groups by id, with the number of each one's first row
// (increasing within a shard): all the groups as (shard, id), in the order of
// their first rows.
std::vector<std::pair<std::size_t, std::size_t>> first_seen_order(
    const std::vector<std::vector<std::int64_t>>& first_rows);

// The first row of each shard's groups, noted as the shards meet them (each
// shard's thread notes its own), then their order.
class FirstRows {
public:
    explicit FirstRows(std::size_t shards) : rows_(shards) {}
    // Notes row `number` for group `id` of `shard` if the shard has not met
    // the group before (ids come in order of meeting): true when it is new.
    bool note(std::size_t shard, std::size_t id, std::int64_t number) {
        if (id < rows_[shard].size()) return false;
        rows_[shard].push_back(number);
        return true;
    }
    // first_seen_order of what was noted.
    std::vector<std::pair<std::size_t, std::size_t>> order() const { return first_seen_order(rows_); }

private:
    std::vector<std::vector<std::int64_t>> rows_;
};

}  // namespace mlm::io
