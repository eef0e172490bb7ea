// StringIndex (lib/string_index.hpp) against std::map on the strings most
// likely to be confused: short ones of one length that differ in one byte (the
// slot's hash and size decide alone below 8 bytes), prefixes, NUL bytes.
#include "string_index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>

using mlm::StringIndex;

namespace {

// The first-seen ids a reference map gives the same sequence.
std::vector<std::size_t> reference_ids(const std::vector<std::string>& seq) {
    std::map<std::string, std::size_t> ids;
    std::vector<std::size_t> out;
    for (const auto& s : seq) out.push_back(ids.try_emplace(s, ids.size()).first->second);
    return out;
}

}  // namespace

TEST_CASE("string index: ids in order of first appearance", "[string_index]") {
    StringIndex index;
    CHECK(index.id("cat") == 0);
    CHECK(index.id("dog") == 1);
    CHECK(index.id("cat") == 0);
    CHECK(index.id("") == 2);
    CHECK(index.id("") == 2);
    REQUIRE(index.size() == 3);
    CHECK(index[1] == "dog");
    CHECK(index.strings() == std::vector<std::string>{"cat", "dog", ""});
}

TEST_CASE("string index: strings that differ in one byte, a length or a NUL are different", "[string_index][edge]") {
    std::vector<std::string> seq = {"a",        "b",        "ab",       "ba",       "abc",      "abd",
                                    "acc",      "bbc",      "abcd",     "abce",     "abcde",    "abdde",
                                    "abcdefg",  "abcdefh",  "bbcdefg",  "abcdefgh", "abcdefgi", "bbcdefgh",
                                    "abcdefghijklmnop",     "abcdefghijklmnoq",     "abcdefghijklmnopq",
                                    std::string("a\0b", 3), std::string("a\0c", 3), std::string("\0", 1),
                                    std::string("\0\0", 2), "a",        "abcdefgh", std::string("a\0b", 3)};
    StringIndex index;
    std::vector<std::size_t> ids;
    for (const auto& s : seq) ids.push_back(index.id(s));
    CHECK(ids == reference_ids(seq));
    for (std::size_t i = 0; i < index.size(); ++i) CHECK(index.id(index[i]) == i);
}

TEST_CASE("string index: agrees with std::map through many doublings", "[string_index]") {
    // Lengths 0..19 over three letters: many strings share a length, a prefix
    // and all but one byte, across the 8-byte boundary of the hash.
    std::mt19937_64 rng(7);
    std::vector<std::string> seq;
    for (int i = 0; i < 200000; ++i) {
        std::string s(rng() % 20, 'a');
        for (auto& c : s) c = static_cast<char>('a' + rng() % 3);
        seq.push_back(s);
    }
    StringIndex index;
    std::vector<std::size_t> ids;
    for (const auto& s : seq) ids.push_back(index.id(s));
    auto expected = reference_ids(seq);
    CHECK(ids == expected);
    CHECK(index.size() == *std::max_element(expected.begin(), expected.end()) + 1);
}
