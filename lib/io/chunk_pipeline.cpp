#include "io/chunk_pipeline.hpp"
#include "start_thread.hpp"

namespace mlm::io {

ChunkPipeline::ChunkPipeline(std::size_t threads, Cut cut, Parse parse)
    : cut_(std::move(cut)), parse_(std::move(parse)), depth_(threads > 1 ? 2 * threads : 0) {
    if (threads > 1)
        for (std::size_t i = 0; i < threads; ++i) workers_.push_back(start_thread(i + 1, [this] { work(); }));
}

ChunkPipeline::~ChunkPipeline() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& w : workers_) w.join();
}

void ChunkPipeline::work() {
    for (;;) {
        std::packaged_task<ParsedChunk()> task;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
            if (stopping_) return;
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        task();
    }
}

// Cuts chunks and queues them until `depth_` are in flight or the input ends.
void ChunkPipeline::fill() {
    while (!cut_done_ && pending_.size() < depth_) {
        Load chunk;
        try {
            chunk = cut_();
        } catch (...) {
            std::promise<ParsedChunk> failed;
            failed.set_exception(std::current_exception());
            pending_.push_back(failed.get_future());
            cut_done_ = true;
            return;
        }
        if (!chunk) {
            cut_done_ = true;
            return;
        }
        std::packaged_task<ParsedChunk()> task([this, chunk = std::move(chunk)] { return parse_(chunk()); });
        pending_.push_back(task.get_future());
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        ready_.notify_one();
    }
}

bool ChunkPipeline::next(ParsedChunk& out) {
    if (workers_.empty()) {
        if (cut_done_) return false;
        auto chunk = cut_();
        if (!chunk) {
            cut_done_ = true;
            return false;
        }
        out = parse_(chunk());
        return true;
    }
    fill();
    if (pending_.empty()) return false;
    auto result = std::move(pending_.front());
    pending_.pop_front();
    out = result.get();
    fill();
    return true;
}

}  // namespace mlm::io
