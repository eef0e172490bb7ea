#include "io/group_shards.hpp"
#include "start_thread.hpp"

#include "string_index.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <tuple>

namespace mlm::io {

std::uint64_t key_hash(const RowBlock& block, std::size_t row, const std::vector<std::size_t>& key_columns) {
    if (key_columns.size() == 1) return string_index_detail::hash_of(block.text(row, key_columns[0]));
    std::uint64_t h = 0;
    for (std::size_t j : key_columns)
        h = (h ^ string_index_detail::hash_of(block.text(row, j))) * 0x9e3779b97f4a7c15ull;
    return h;
}

namespace {

// Blocks a shard may fall behind the reading: bounds the memory held.
constexpr std::size_t blocks_in_flight = 8;
constexpr std::size_t block_rows = 16384;
constexpr std::int64_t no_error = std::numeric_limits<std::int64_t>::max();

// What the reading thread and the shards' threads share.
class Hand {
public:
    explicit Hand(std::size_t shards) : done_(shards, 0) {}

    // The reader's side: waits until every shard is within blocks_in_flight
    // of block i, then hands it over.
    void publish(std::size_t i, const RowBlock& block, std::int64_t first) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] {
            return *std::min_element(done_.begin() + 1, done_.end()) + blocks_in_flight > i ||
                   error_row() != no_error;
        });
        slots_[i % blocks_in_flight] = {block, first};
        published_ = i + 1;
        changed_.notify_all();
    }
    void finish() {
        std::lock_guard lock(mutex_);
        finished_ = true;
        changed_.notify_all();
    }
    // A shard's side: block i and the number of its first row, or false when
    // the reading has ended without it.
    bool take(std::size_t i, RowBlock& block, std::int64_t& first) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return published_ > i || finished_; });
        if (published_ <= i) return false;
        std::tie(block, first) = slots_[i % blocks_in_flight];
        return true;
    }
    void done(std::size_t shard, std::size_t blocks) {
        std::lock_guard lock(mutex_);
        done_[shard] = blocks;
        changed_.notify_all();
    }

    // Keeps the error at the earliest row.
    void fail(std::int64_t row, std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (row < error_row()) {
            error_ = std::move(error);
            error_row_.store(row, std::memory_order_relaxed);
        }
        changed_.notify_all();
    }
    std::int64_t error_row() const { return error_row_.load(std::memory_order_relaxed); }
    void rethrow() const {
        if (error_) std::rethrow_exception(error_);
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::pair<RowBlock, std::int64_t> slots_[blocks_in_flight];
    std::size_t published_ = 0;
    bool finished_ = false;
    std::vector<std::size_t> done_;
    std::atomic<std::int64_t> error_row_{no_error};
    std::exception_ptr error_;
};

// A shard's rows of a block and their key hashes: found first, without a
// branch per row (which shard a row belongs to is a coin toss, and the
// branch on it mispredicted half the time), then visited.
struct OwnRows {
    std::vector<std::uint32_t> rows;
    std::vector<std::uint64_t> hashes;

    std::size_t find(const std::vector<std::size_t>& key_columns, std::size_t shards, std::size_t shard,
                     const RowBlock& block) {
        rows.resize(block.rows());
        hashes.resize(block.rows());
        std::size_t n = 0;
        for (std::size_t r = 0; r < block.rows(); ++r) {
            const std::uint64_t h = key_hash(block, r, key_columns);
            rows[n] = static_cast<std::uint32_t>(r);
            hashes[n] = h;
            n += shards == 1 || shard_of(h, shards) == shard;
        }
        return n;
    }
};

// The rows of `block` that belong to `shard`; false once one of them threw.
bool visit_block(const ShardBlockVisit& visit, const std::vector<std::size_t>& key_columns, std::size_t shards,
                 std::size_t shard, const RowBlock& block, std::int64_t first, Hand& hand, OwnRows& own) {
    std::size_t r = 0;
    try {
        const std::size_t n = own.find(key_columns, shards, shard, block);
        visit(shard, block, ShardRows{own.rows.data(), own.hashes.data(), n}, first, r);
    } catch (...) {
        hand.fail(first + static_cast<std::int64_t>(r), std::current_exception());
        return false;
    }
    return true;
}

}  // namespace

std::int64_t visit_sharded_blocks(TableReader& table, const std::vector<std::size_t>& key_columns,
                                  std::size_t shards, const ShardBlockVisit& visit) {
    shards = std::max<std::size_t>(shards, 1);
    Hand hand(shards);
    std::vector<std::thread> threads;
    // However this function is left, the shards' threads are told and joined.
    struct Joined {
        Hand& hand;
        std::vector<std::thread>& threads;
        ~Joined() {
            hand.finish();
            for (auto& t : threads) t.join();
        }
    } joined{hand, threads};
    for (std::size_t k = 1; k < shards; ++k)
        threads.push_back(start_thread(k, [&, k] {
            RowBlock block;
            std::int64_t first = 0;
            OwnRows own;
            for (std::size_t i = 0; hand.take(i, block, first); ++i) {
                // Rows after an error are not the first to fail.
                if (first > hand.error_row()) break;
                if (!visit_block(visit, key_columns, shards, k, block, first, hand, own)) break;
                hand.done(k, i + 1);
            }
            hand.done(k, std::numeric_limits<std::size_t>::max());  // never waited for again
        }));
    std::int64_t rows = 0;
    RowBlock block;
    OwnRows own;
    for (std::size_t i = 0;; ++i) {
        try {
            if (!table.read_block(block, block_rows)) break;
        } catch (...) {
            hand.fail(rows, std::current_exception());  // every row before it was read
            break;
        }
        if (rows > hand.error_row()) break;
        if (shards > 1) hand.publish(i, block, rows);
        if (!visit_block(visit, key_columns, shards, 0, block, rows, hand, own)) break;
        rows += static_cast<std::int64_t>(block.rows());
    }
    hand.finish();
    for (auto& t : threads) t.join();
    threads.clear();
    hand.rethrow();
    return rows;
}

std::vector<std::pair<std::size_t, std::size_t>> first_seen_order(
    const std::vector<std::vector<std::int64_t>>& first_rows) {
    std::vector<std::tuple<std::int64_t, std::size_t, std::size_t>> all;
    for (std::size_t k = 0; k < first_rows.size(); ++k)
        for (std::size_t id = 0; id < first_rows[k].size(); ++id) all.emplace_back(first_rows[k][id], k, id);
    std::sort(all.begin(), all.end());
    std::vector<std::pair<std::size_t, std::size_t>> order;
    order.reserve(all.size());
    for (const auto& [row, shard, id] : all) order.emplace_back(shard, id);
    return order;
}

}  // namespace mlm::io
