// A few spent buffers kept for the next chunk: a long stream's chunks and row
// stores reuse the memory of those before them instead of asking malloc for
// more on whichever thread parses (each thread's arena then grows on its own,
// and a 10^8-row stream ended 1.25x over a 10^6-row one's peak). A recycled
// buffer is handed out with its old size and contents: growing it back to
// what it held before writes nothing (no zero-fill of a 1 MiB chunk).
// Shared pointers from wrap() return their object here when the last owner
// lets go, on any thread; the pool lives as long as any of them.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace mlm::io {

template <class T>
class BufferPool : public std::enable_shared_from_this<BufferPool<T>> {
public:
    // Keeps at most `keep` spent objects; the rest are freed.
    static std::shared_ptr<BufferPool> make(std::size_t keep) {
        return std::shared_ptr<BufferPool>(new BufferPool(keep));
    }

    // A spent object (contents unspecified), or a new one.
    T take() {
        std::lock_guard lock(mutex_);
        if (spare_.empty()) return T();
        T t = std::move(spare_.back());
        spare_.pop_back();
        return t;
    }

    // `t` shared; it comes back here once nobody holds it. `reset` runs on it
    // first (to let go of what it pins), on the thread that lets go last.
    template <class Reset>
    std::shared_ptr<T> wrap(T t, Reset reset) {
        return std::shared_ptr<T>(new T(std::move(t)), [pool = this->shared_from_this(), reset](T* p) {
            reset(*p);
            pool->give(std::move(*p));
            delete p;
        });
    }
    std::shared_ptr<T> wrap(T t) {
        return wrap(std::move(t), [](T&) {});
    }

private:
    explicit BufferPool(std::size_t keep) : keep_(keep) {}

    void give(T&& t) {
        std::lock_guard lock(mutex_);
        if (spare_.size() < keep_) spare_.push_back(std::move(t));
    }

    std::size_t keep_;
    std::mutex mutex_;
    std::vector<T> spare_;
};

}  // namespace mlm::io
