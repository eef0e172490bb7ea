// Reading ahead: the chunks of an input cut (read, decompressed, split at a
// line end) on a thread of their own, at most `depth` ahead of the parser, so
// that reading a pipe or a compressed file overlaps parsing the chunk before.
// Memory stays bounded: a full queue stops the cutting thread. An error met
// while cutting (a corrupt gzip member, a failing read) is thrown by next()
// in its turn, after the chunks cut before it, as if it had been cut there.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace mlm::io {

class ReadAhead {
public:
    using Chunk = std::shared_ptr<const std::string>;
    using Cut = std::function<Chunk()>;  // the next chunk; null at the end

    // Starts cutting at once. `cut` runs on the new thread only: nothing else
    // may touch what it reads until the end (or this is destroyed).
    explicit ReadAhead(Cut cut, std::size_t depth = 2);
    // Stops the thread once the cut it is in returns (a read on a pipe
    // waits for its writer) and joins it.
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // The next chunk in input order, null at the end; rethrows the cut's error.
    Chunk next();

    // `cut` run ahead: a Cut for ChunkPipeline that owns the thread.
    static Cut wrap(Cut cut, std::size_t depth = 2);

private:
    void run();

    Cut cut_;
    std::size_t depth_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Chunk> ready_;
    bool finished_ = false, stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace mlm::io
