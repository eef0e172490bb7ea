// Chunks of an input parsed on worker threads and handed back in the order they
// were cut, so that a tool sees the same rows in the same blocks whatever the
// number of threads: the cut does not depend on it (LineSource::next_chunk).
// The calling thread calls Cut (reading a file is cheap beside parsing; a stream's
// Cut hands over chunks read ahead on a thread of its own, io/read_ahead.hpp) and
// keeps at most two chunks per worker in flight, so memory stays bounded.
#pragma once

#include "io/csv_chunk.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace mlm::io {

class ChunkPipeline {
public:
    // A chunk's text, got on the parsing thread: the text already read, or
    // the reading of a file's byte range (LineSource::next_range), so that
    // the copy out of the kernel is spread over the threads too.
    using Load = std::function<std::shared_ptr<const std::string>()>;
    using Cut = std::function<Load()>;  // the next chunk; empty at the end
    using Parse = std::function<ParsedChunk(std::shared_ptr<const std::string>)>;

    // threads 1: no worker, each chunk parsed when it is asked for.
    ChunkPipeline(std::size_t threads, Cut cut, Parse parse);
    ~ChunkPipeline();
    ChunkPipeline(const ChunkPipeline&) = delete;
    ChunkPipeline& operator=(const ChunkPipeline&) = delete;

    // The next chunk's rows, in input order; false at the end. An error met
    // while cutting (an unreadable or corrupt file) is thrown in its turn,
    // after the chunks before it.
    bool next(ParsedChunk& out);

private:
    void fill();
    void work();

    Cut cut_;
    Parse parse_;
    std::size_t depth_;
    bool cut_done_ = false;
    std::deque<std::future<ParsedChunk>> pending_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::packaged_task<ParsedChunk()>> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace mlm::io
