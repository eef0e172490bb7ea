// Blocks of output formatted on worker threads and written in the order they
// were submitted: per-row outputs (scores, predictions) lay out each block of
// rows as text apart, and the bytes written do not depend on the number of
// threads. Formatting is most of writing (about 35 ns a number), the write
// itself a copy: with N threads, N blocks are laid out at once.
#pragma once

#include "io/output.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mlm::io {

class OutputBlocks {
public:
    // Appends a block's text to the string it is given (empty, with the
    // capacity of an earlier block's). It runs on a worker thread, so it may
    // only read what stays unchanged until the block is written.
    using Format = std::function<void(std::string&)>;

    // threads <= 1: each block is formatted and written when submitted, on
    // the calling thread.
    OutputBlocks(Output& out, std::size_t threads);
    // Waits for the workers; blocks not yet written are dropped (an error
    // unwinding past the writer).
    ~OutputBlocks();
    OutputBlocks(const OutputBlocks&) = delete;
    OutputBlocks& operator=(const OutputBlocks&) = delete;

    // Queues a block; writes the finished ones at the head of the queue, and
    // waits for the oldest while 2 x threads are in flight, so at most that
    // many blocks of text are held. What a Format threw is thrown here or by
    // finish(), in block order.
    void submit(Format format);
    // Writes every block left, in order.
    void finish();

private:
    struct Block {
        Format format;
        std::string text;
        std::exception_ptr error;
        bool done = false;
    };
    void work();
    // Waits for the oldest block, writes it (or throws its error) and recycles its text.
    void write_oldest(std::unique_lock<std::mutex>& lock);

    Output& out_;
    std::size_t in_flight_;
    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable work_ready_, block_done_;
    std::deque<std::unique_ptr<Block>> queue_;  // submitted, not yet written, oldest first
    std::size_t next_ = 0;                       // the first block of queue_ no worker has taken
    std::vector<std::string> spare_;             // texts written out, kept for their capacity
    bool stopping_ = false;
};

}  // namespace mlm::io
