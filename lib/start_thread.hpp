// A new thread that starts on a CPU of its own: every thread libmlm starts
// (parsing workers, shards, parallel_for's helpers) is started here.
//
// Why: a scheduler that packs new threads onto their parent's CPU (this
// project's 2-core VMs boot with sched_vcpu_pack) leaves a new thread queued
// behind its busy parent until a balancing tick moves it. Measured on one of
// them, 60 threads started while their parent computed: median start 2.6 ms,
// worst 5.3 ms; started on another CPU, median 0.10 ms, worst 0.19 ms. At 2
// threads that is a core lost for a few milliseconds at every start, in
// commands that take 50 ms.
//
// How: the thread is created allowed on one CPU only, the `nth` allowed CPU
// after its caller's (nth = 1 for the first sibling, 2 for the next, wrapping
// around), and its first act is to widen its mask back to its caller's: where
// it starts is a hint, never a pin. With one CPU allowed, nothing is changed.
#pragma once

#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <utility>

namespace mlm {
namespace detail {

// The calling thread's CPUs in `allowed`, and in `start` only the nth of them
// after the one it runs on; false when there is no other CPU to start on.
inline bool start_placement(std::size_t nth, cpu_set_t& allowed, cpu_set_t& start) {
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return false;
    const int count = CPU_COUNT(&allowed);
    const int here = sched_getcpu();
    if (count < 2 || here < 0 || here >= CPU_SETSIZE || nth == 0) return false;
    std::size_t steps = (nth - 1) % static_cast<std::size_t>(count) + 1;
    int cpu = here;
    while (steps > 0) {
        cpu = (cpu + 1) % CPU_SETSIZE;
        if (CPU_ISSET(cpu, &allowed)) --steps;
    }
    CPU_ZERO(&start);
    CPU_SET(cpu, &start);
    return true;
}

}  // namespace detail

template <class Body>
std::thread start_thread(std::size_t nth, Body body) {
    cpu_set_t allowed, start;
    const bool placed = detail::start_placement(nth, allowed, start);
    // The thread waits until its start CPU is set, so that it never runs first
    // and widens its mask before the narrowing lands.
    auto go = std::make_shared<std::atomic<bool>>(!placed);
    std::thread thread([go, placed, allowed, body = std::move(body)]() mutable {
        go->wait(false);
        if (placed) pthread_setaffinity_np(pthread_self(), sizeof allowed, &allowed);
        body();
    });
    if (placed) pthread_setaffinity_np(thread.native_handle(), sizeof start, &start);
    go->store(true);
    go->notify_one();
    return thread;
}

}  // namespace mlm
