#include "parallel_for.hpp"

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

TEST_CASE("parallel_for: every task runs once, at any thread count", "[parallel_for]") {
    for (std::size_t threads : {0, 1, 2, 3, 8}) {
        for (std::size_t n : {0, 1, 2, 7, 100}) {
            INFO(n << " tasks on " << threads << " threads");
            std::vector<int> runs(n, 0);
            mlm::parallel_for(n, threads, [&](std::size_t i) { ++runs[i]; });
            CHECK(runs == std::vector<int>(n, 1));
        }
    }
}

TEST_CASE("parallel_for: tasks share the threads asked for", "[parallel_for]") {
    // Each task waits until two tasks have started: only two threads at once get past it.
    std::atomic<int> started{0};
    std::vector<std::thread::id> ids(2);
    mlm::parallel_for(2, 2, [&](std::size_t i) {
        ids[i] = std::this_thread::get_id();
        ++started;
        while (started.load() < 2) std::this_thread::yield();
    });
    CHECK(ids[0] != ids[1]);
}

TEST_CASE("parallel_for: the lowest task's error is thrown, after every task below it ran", "[parallel_for]") {
    for (std::size_t threads : {1, 2, 4}) {
        INFO(threads << " threads");
        std::vector<std::atomic<bool>> ran(20);
        CHECK_THROWS_WITH(mlm::parallel_for(20, threads,
                                            [&](std::size_t i) {
                                                ran[i] = true;
                                                if (i == 13 || i == 5 || i == 17)
                                                    throw std::runtime_error("task " + std::to_string(i));
                                            }),
                          "task 5");
        for (std::size_t i = 0; i <= 5; ++i) CHECK(ran[i].load());
    }
}
