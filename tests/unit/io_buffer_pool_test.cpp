#include "io/buffer_pool.hpp"

#include <catch2/catch.hpp>

#include <string>

using mlm::io::BufferPool;

TEST_CASE("buffer_pool: a spent buffer comes back with its memory, reset first", "[buffer_pool]") {
    auto pool = BufferPool<std::string>::make(2);
    std::string s(1000, 'x');
    const char* memory = s.data();
    int resets = 0;
    {
        auto shared = pool->wrap(std::move(s), [&](std::string&) { ++resets; });
        CHECK(shared->size() == 1000);
        CHECK(resets == 0);
    }
    CHECK(resets == 1);
    std::string again = pool->take();
    CHECK(again.data() == memory);
    CHECK(pool->take().empty());  // the pool is empty again: a new one
}

TEST_CASE("buffer_pool: keeps no more than asked, and outlives the pool's owner", "[buffer_pool]") {
    auto pool = BufferPool<std::string>::make(1);
    auto a = pool->wrap(std::string(100, 'a'));
    auto b = pool->wrap(std::string(100, 'b'));
    pool.reset();  // the shared buffers keep it alive
    a.reset();
    b.reset();     // dropped: the pool keeps one, then goes with its last buffer
    SUCCEED();
}
