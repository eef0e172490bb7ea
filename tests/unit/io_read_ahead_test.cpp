#include "io/read_ahead.hpp"

#include "error.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace mlm::io;

namespace {

// Cuts "0", "1", ..., then null at `count`; an InputError instead when `fail_at` is reached.
ReadAhead::Cut counting(int count, int fail_at = -1, std::atomic<int>* cuts = nullptr) {
    return [count, fail_at, cuts, i = 0]() mutable -> ReadAhead::Chunk {
        if (cuts) ++*cuts;
        if (i == fail_at) throw mlm::InputError("corrupt gzip data", "x.gz");
        if (i == count) return nullptr;
        return std::make_shared<const std::string>(std::to_string(i++));
    };
}

// Waits (5 s at most, on a busy machine) for `n` cuts, then a little more for any extra one.
void settle(const std::atomic<int>& cuts, int n) {
    for (int i = 0; i < 500 && cuts.load() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

}  // namespace

TEST_CASE("read ahead: chunks come in the order cut, then the end, twice", "[read_ahead]") {
    ReadAhead ahead(counting(1000));
    bool in_order = true;
    for (int i = 0; i < 1000; ++i) {
        auto chunk = ahead.next();
        in_order = in_order && chunk && *chunk == std::to_string(i);
    }
    CHECK(in_order);
    CHECK(ahead.next() == nullptr);
    CHECK(ahead.next() == nullptr);
}

TEST_CASE("read ahead: an error is thrown after the chunks cut before it", "[read_ahead]") {
    ReadAhead ahead(counting(1000, 700));
    for (int i = 0; i < 700; ++i) REQUIRE(*ahead.next() == std::to_string(i));
    CHECK_THROWS_WITH(ahead.next(), "x.gz: corrupt gzip data");
    CHECK(ahead.next() == nullptr);  // once thrown, the input is over
}

TEST_CASE("read ahead: at most `depth` chunks are cut ahead", "[read_ahead]") {
    std::atomic<int> cuts{0};
    {
        ReadAhead ahead(counting(1000, -1, &cuts), 2);
        settle(cuts, 2);
        CHECK(cuts.load() == 2);
        CHECK(*ahead.next() == "0");
        settle(cuts, 3);
        CHECK(cuts.load() == 3);
    }  // destroyed with a full queue: the thread stops, nothing hangs
    CHECK(cuts.load() == 3);
}

TEST_CASE("read ahead: wrap gives a Cut that owns the thread", "[read_ahead]") {
    ReadAhead::Cut cut = ReadAhead::wrap(counting(3));
    CHECK(*cut() == "0");
    CHECK(*cut() == "1");
    CHECK(*cut() == "2");
    CHECK(cut() == nullptr);
}
