// Independent tasks 0..n-1 on up to `threads` threads, the caller's among
// them, for the math folders' work after the reading (binning a sample held in
// pieces, say). Which thread runs which task is not fixed, so a task writes
// only its own slot of a result and the caller combines the slots in index
// order: the result is then the same at any thread count. Header-only beside
// error.hpp so that any math folder can use it without io/.
//
// Errors: if tasks throw, the error of the lowest index is rethrown once the
// threads are done, which is the error a loop in index order stops at. Every
// task below it has run; tasks above it may not have.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

#include "start_thread.hpp"

namespace mlm {

template <class Task>
void parallel_for(std::size_t n, std::size_t threads, const Task& task) {
    threads = std::min(threads, n);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i) task(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> failed{n};  // the lowest task that threw so far
    std::vector<std::exception_ptr> errors(n);
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
            if (i > failed.load(std::memory_order_relaxed)) return;
            try {
                task(i);
            } catch (...) {
                errors[i] = std::current_exception();
                for (std::size_t f = failed.load(); i < f && !failed.compare_exchange_weak(f, i);) {
                }
            }
        }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    try {
        for (std::size_t k = 1; k < threads; ++k) helpers.push_back(start_thread(k, work));
    } catch (const std::system_error&) {  // no thread to be had: fewer helpers, the same tasks
    }
    work();
    for (auto& h : helpers) h.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace mlm
