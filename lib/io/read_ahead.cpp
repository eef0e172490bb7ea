#include "io/read_ahead.hpp"
#include "start_thread.hpp"

#include <utility>

namespace mlm::io {

ReadAhead::ReadAhead(Cut cut, std::size_t depth)
    : cut_(std::move(cut)), depth_(depth > 0 ? depth : 1), thread_(start_thread(1, [this] { run(); })) {}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void ReadAhead::run() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || ready_.size() < depth_; });
            if (stopping_) return;
        }
        Chunk chunk;
        std::exception_ptr failure;
        try {
            chunk = cut_();
        } catch (...) {
            failure = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        if (chunk) ready_.push_back(std::move(chunk));
        else finished_ = true;
        failure_ = failure;
        changed_.notify_all();
        if (finished_) return;
    }
}

ReadAhead::Chunk ReadAhead::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (ready_.empty()) {
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
        return nullptr;
    }
    Chunk chunk = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return chunk;
}

ReadAhead::Cut ReadAhead::wrap(Cut cut, std::size_t depth) {
    auto ahead = std::make_shared<ReadAhead>(std::move(cut), depth);
    return [ahead] { return ahead->next(); };
}

}  // namespace mlm::io
