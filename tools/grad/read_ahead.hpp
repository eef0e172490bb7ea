// Row blocks parsed, and prepared by a caller's function, on a second thread
// while this one prints, so parsing and evaluation (PERFORMANCE.md lesson 1)
// overlap the formatting of the output. Blocks come back in input order, so
// the output is the same bytes as a single thread's.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include <Eigen/Core>

#include "io/table.hpp"
#include "start_thread.hpp"

namespace mlm::grad_tool {

struct PreparedBlock {
    io::RowBlock rows;
    Eigen::MatrixXd results;
};

class ReadAhead {
public:
    // `prepare` runs on the reading thread, once per block, in input order.
    ReadAhead(io::TableReader& table, std::function<void(PreparedBlock&)> prepare, std::size_t depth = 4)
        : table_(table), prepare_(std::move(prepare)) {
        for (std::size_t i = 0; i < depth; ++i) free_.emplace_back();
        thread_ = start_thread(1, [this] { produce(); });
    }
    ~ReadAhead() {
        {
            std::lock_guard lock(mutex_);
            cancelled_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // The next block, false at the end; rethrows the reading thread's error
    // after the blocks that came before it.
    bool next(PreparedBlock& block) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !full_.empty() || finished_; });
        if (full_.empty()) {
            if (error_) std::rethrow_exception(error_);
            return false;
        }
        std::swap(block, full_.front());
        free_.push_back(std::move(full_.front()));
        full_.pop_front();
        changed_.notify_all();
        return true;
    }

private:
    void produce() {
        try {
            for (;;) {
                PreparedBlock block;
                {
                    std::unique_lock lock(mutex_);
                    changed_.wait(lock, [&] { return !free_.empty() || cancelled_; });
                    if (cancelled_) break;
                    block = std::move(free_.front());
                    free_.pop_front();
                }
                if (!table_.read_block(block.rows)) break;
                prepare_(block);
                std::lock_guard lock(mutex_);
                full_.push_back(std::move(block));
                changed_.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex_);
            error_ = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        finished_ = true;
        changed_.notify_all();
    }

    io::TableReader& table_;
    std::function<void(PreparedBlock&)> prepare_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<PreparedBlock> free_, full_;
    bool finished_ = false, cancelled_ = false;
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace mlm::grad_tool
