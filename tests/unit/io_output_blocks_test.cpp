#include "io/output_blocks.hpp"

#include "error.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using mlm::io::Output;
using mlm::io::OutputBlocks;

namespace {

// Blocks "b0:" .. "b{n-1}:" of 1..k lines each, the early ones slower, so that
// on several threads later blocks finish first.
std::string written(std::size_t threads, int n) {
    Output out = Output::memory();
    OutputBlocks blocks(out, threads);
    for (int b = 0; b < n; ++b) {
        blocks.submit([b, n](std::string& text) {
            if (b % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(50 * (n - b)));
            for (int line = 0; line <= b % 4; ++line) text += "b" + std::to_string(b) + ":" + std::to_string(line) + "\n";
        });
    }
    blocks.finish();
    out.commit();
    return out.captured();
}

}  // namespace

TEST_CASE("output_blocks: blocks are written in the order submitted, at any thread count", "[output][threads]") {
    const std::string one = written(1, 40);
    CHECK(one.substr(0, 18) == "b0:0\nb1:0\nb1:1\nb2:");
    CHECK(written(2, 40) == one);
    CHECK(written(3, 40) == one);
    CHECK(written(8, 40) == one);
}

TEST_CASE("output_blocks: a block's error is thrown in its turn, after the blocks before it", "[output][threads][error]") {
    for (std::size_t threads : {1, 2, 3}) {
        Output out = Output::memory();
        {
            OutputBlocks blocks(out, threads);
            auto submit_all = [&] {
                for (int b = 0; b < 20; ++b) {
                    blocks.submit([b](std::string& text) {
                        if (b == 7) throw mlm::InputError("bad block 7");
                        text += std::to_string(b) + "\n";
                    });
                }
                blocks.finish();
            };
            CHECK_THROWS_WITH(submit_all(), "bad block 7");
        }  // the writer unwinds with blocks in flight
        CHECK(out.captured() == "0\n1\n2\n3\n4\n5\n6\n");
    }
}
