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

// visit(shard, block, row, number, key_hash): one row of the shard's groups;
// `number` is the row's place in the input (0-based), `key_hash` its key's.
using ShardVisit = std::function<void(std::size_t, const RowBlock&, std::size_t, std::int64_t, std::uint64_t)>;

// Visits every remaining row of `table` once, each shard on a thread of its
// own (shard 0 on this one, which also reads). What a visit throws stops the
// reading; of the errors met, the one at the earliest row is thrown (a
// reading error counts as met at the first row not read), as one thread
// visiting every row would have thrown it. Returns the rows read.
std::int64_t visit_sharded(TableReader& table, const std::vector<std::size_t>& key_columns, std::size_t shards,
                           const ShardVisit& visit);

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
