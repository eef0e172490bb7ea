#include "io/output_blocks.hpp"
#include "start_thread.hpp"

namespace mlm::io {

OutputBlocks::OutputBlocks(Output& out, std::size_t threads) : out_(out), in_flight_(2 * threads) {
    if (threads <= 1) return;
    workers_.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) workers_.push_back(start_thread(t + 1, [this] { work(); }));
}

OutputBlocks::~OutputBlocks() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& w : workers_) w.join();
}

void OutputBlocks::work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        work_ready_.wait(lock, [this] { return stopping_ || next_ < queue_.size(); });
        if (stopping_) return;
        Block& b = *queue_[next_++];
        lock.unlock();
        try {
            b.format(b.text);
        } catch (...) {
            b.error = std::current_exception();
        }
        lock.lock();
        b.done = true;
        block_done_.notify_one();  // only the submitting thread waits for blocks
    }
}

void OutputBlocks::write_oldest(std::unique_lock<std::mutex>& lock) {
    block_done_.wait(lock, [this] { return queue_.front()->done; });
    std::unique_ptr<Block> b = std::move(queue_.front());
    queue_.pop_front();
    --next_;
    lock.unlock();  // the block is ours now; out_ is only written from this thread
    if (b->error) {
        lock.lock();
        std::rethrow_exception(b->error);
    }
    out_.write(b->text);
    b->text.clear();
    spare_.push_back(std::move(b->text));
    lock.lock();
}

void OutputBlocks::submit(Format format) {
    if (workers_.empty()) {
        if (spare_.empty()) spare_.emplace_back();
        std::string& text = spare_.back();
        text.clear();
        format(text);
        out_.write(text);
        return;
    }
    auto b = std::make_unique<Block>();
    b->format = std::move(format);
    if (!spare_.empty()) {
        b->text = std::move(spare_.back());
        spare_.pop_back();
    }
    std::unique_lock<std::mutex> lock(mutex_);
    while (queue_.size() >= in_flight_) write_oldest(lock);
    queue_.push_back(std::move(b));
    work_ready_.notify_one();
    while (!queue_.empty() && queue_.front()->done) write_oldest(lock);
}

void OutputBlocks::finish() {
    if (workers_.empty()) return;
    std::unique_lock<std::mutex> lock(mutex_);
    while (!queue_.empty()) write_oldest(lock);
}

}  // namespace mlm::io
