#include "start_thread.hpp"

#include <sched.h>

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace {

bool same_cpus(const cpu_set_t& a, const cpu_set_t& b) { return CPU_EQUAL(&a, &b); }

}  // namespace

TEST_CASE("start_thread: the body runs, on its caller's CPUs once started", "[start_thread]") {
    cpu_set_t caller;
    REQUIRE(sched_getaffinity(0, sizeof caller, &caller) == 0);
    for (std::size_t nth : {1, 2, 3, 17}) {
        INFO("sibling " << nth);
        std::atomic<bool> ran{false};
        cpu_set_t seen;
        CPU_ZERO(&seen);
        auto t = mlm::start_thread(nth, [&] {
            sched_getaffinity(0, sizeof seen, &seen);
            ran = true;
        });
        t.join();
        CHECK(ran.load());
        CHECK(same_cpus(seen, caller));  // the start CPU was a hint, not a pin
    }
}

TEST_CASE("start_thread: a caller held to one CPU starts threads there", "[start_thread]") {
    cpu_set_t caller, one;
    REQUIRE(sched_getaffinity(0, sizeof caller, &caller) == 0);
    CPU_ZERO(&one);
    CPU_SET(sched_getcpu(), &one);
    REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
    cpu_set_t seen;
    CPU_ZERO(&seen);
    auto t = mlm::start_thread(1, [&] { sched_getaffinity(0, sizeof seen, &seen); });
    t.join();
    sched_setaffinity(0, sizeof caller, &caller);
    CHECK(same_cpus(seen, one));
}
