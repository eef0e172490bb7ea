// Dense ids for strings in order of first appearance: the first distinct string
// seen is 0, the next 1, and so on. Counting labels and finding a row's group
// are one lookup per input row, so the index is a flat table: open addressing
// with linear probing over a power-of-two array of slots, at most half full,
// each slot holding the string's id + 1 (0: empty), 64-bit hash and size.
// std::unordered_map's node per string, murmur hash and memcmp call took 40%
// of `mlm-entropy values`, and a quarter of `values -g` with 10,000 groups (perf).
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mlm {

namespace string_index_detail {

// The n < 8 bytes at p as one word, in two loads whatever n is (no loop per
// byte: most labels are that short): two 4-byte words that overlap for n in
// 4..7, or the first, middle and last byte for n in 1..3. Together they
// cover every byte, so strings of one length have equal words only when equal.
inline std::uint64_t short_word(const char* p, std::size_t n) {
    if (n >= 4) {
        std::uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        return first | static_cast<std::uint64_t>(last) << 32;
    }
    if (n == 0) return 0;
    auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
    return byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
}

// A 64-bit hash of short strings, 8 bytes per multiply (labels are mostly
// shorter than 16 bytes); the final mix spreads every byte into the low bits
// that pick the slot. Below 8 bytes it is one-to-one for a given length (an
// xor with the short word, a multiply by an odd number and an xor-shift are
// each invertible): equal hashes and lengths there mean equal strings.
inline std::uint64_t hash_of(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    h = (h ^ short_word(p, n)) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}

// Byte equality of two strings of the same length, inline (a memcmp call costs
// more than comparing a short label).
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
    }
    return short_word(a, n) == short_word(b, n);
}

}  // namespace string_index_detail

class StringIndex {
public:
    // The id of `s`, adding it when new (a new string's id is size() - 1 after).
    std::size_t id(std::string_view s) { return id(s, string_index_detail::hash_of(s)); }
    // The same, for a caller that has hashed `s` already: `h` must be
    // hash_of(s) (the short-string shortcut below relies on it).
    std::size_t id(std::string_view s, std::uint64_t h) {
        if (slots_.empty()) slots_.assign(16, Slot{});
        std::size_t mask = slots_.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots_[i];
            if (slot.id == 0) return insert(s, h, i);
            // Below 8 bytes equal hashes and sizes are equal strings: the
            // string itself, elsewhere in memory, is not touched.
            if (slot.hash == h && slot.size == static_cast<std::uint32_t>(s.size()) &&
                (s.size() < 8 || same_string(strings_[slot.id - 1], s)))
                return slot.id - 1;
        }
    }
    std::size_t size() const { return strings_.size(); }
    const std::string& operator[](std::size_t id) const { return strings_[id]; }
    // Every string, by id.
    const std::vector<std::string>& strings() const { return strings_; }

private:
    // A slot holds what a probe compares, so that a lookup touches one cache
    // line of the table (with many small tables, one per group, each touch
    // of another array was a cache miss per row).
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t id = 0;    // the string's id + 1; 0: empty
        std::uint32_t size = 0;  // its size mod 2^32: exact below 8 bytes, where it is all that is compared
    };

    static bool same_string(const std::string& a, std::string_view b) {
        return a.size() == b.size() && string_index_detail::same_bytes(a.data(), b.data(), b.size());
    }
    // Out of line: a string is new once, found on every other row, and the
    // growing code inlined kept registers saved and restored on every lookup.
    [[gnu::noinline]] std::size_t insert(std::string_view s, std::uint64_t hash, std::size_t i) {
        if (strings_.size() >= max_strings) throw std::length_error("more than 2^32 - 1 distinct values");
        strings_.emplace_back(s);
        slots_[i] = Slot{hash, static_cast<std::uint32_t>(strings_.size()), static_cast<std::uint32_t>(s.size())};
        if (2 * strings_.size() > slots_.size()) grow();
        return strings_.size() - 1;
    }
    // Doubles the table, keeping it at most half full so probes stay short.
    void grow() {
        std::vector<Slot> slots(2 * slots_.size());
        std::size_t mask = slots.size() - 1;
        for (const Slot& slot : slots_) {
            if (slot.id == 0) continue;
            std::size_t i = slot.hash & mask;
            while (slots[i].id != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
        slots_ = std::move(slots);
    }

    static constexpr std::size_t max_strings = 0xffffffffu;
    std::vector<Slot> slots_;
    std::vector<std::string> strings_;
};

}  // namespace mlm
