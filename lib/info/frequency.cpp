#include "info/frequency.hpp"

#include "info/entropy.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace mlm::info {

namespace {

// The n < 8 bytes at p as one word, in two loads whatever n is (no loop per
// byte: most labels are that short): two 4-byte words that overlap for n in
// 4..7, or the first, middle and last byte for n in 1..3. Together they
// cover every byte, so strings of one length have equal words only when equal.
std::uint64_t short_word(const char* p, std::size_t n) {
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
std::uint64_t hash_of(std::string_view s) {
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
bool same_bytes(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        std::uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
    }
    return short_word(a, n) == short_word(b, n);
}

}  // namespace

std::size_t Frequencies::find_or_insert(std::string_view value) {
    if (slots_.empty()) slots_.assign(16, 0);
    std::uint64_t h = hash_of(value);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
        std::size_t k = slots_[s];
        if (k == 0) return insert(value, h, s);
        const std::string& v = values_[k - 1];
        if (hashes_[k - 1] == h && v.size() == value.size() &&
            (value.size() < 8 || same_bytes(v.data(), value.data(), v.size())))
            return k - 1;
    }
}

// Out of line: a value is new once, found on every other row, and the growing
// code inlined kept registers saved and restored on every lookup.
std::size_t Frequencies::insert(std::string_view value, std::uint64_t hash, std::size_t slot) {
    values_.emplace_back(value);
    counts_.push_back(0);
    hashes_.push_back(hash);
    slots_[slot] = values_.size();
    if (2 * values_.size() > slots_.size()) grow();
    return values_.size() - 1;
}

// Doubles the table, keeping it at most half full so probes stay short.
void Frequencies::grow() {
    std::vector<std::size_t> slots(2 * slots_.size(), 0);
    std::size_t mask = slots.size() - 1;
    for (std::size_t i = 0; i < values_.size(); ++i) {
        std::size_t s = hashes_[i] & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = i + 1;
    }
    slots_ = std::move(slots);
}

void Frequencies::merge(const Frequencies& other) {
    for (std::size_t i = 0; i < other.values_.size(); ++i) add(other.values_[i], other.counts_[i]);
}

void Contingency::add(std::string_view a, std::string_view b, double n) {
    std::size_t i = a_.add(a, n), j = b_.add(b, n);
    std::uint64_t key = (static_cast<std::uint64_t>(i) << 32) | j;
    auto [it, fresh] = cell_index_.try_emplace(key, cells_.size());
    if (fresh) cells_.push_back({i, j, 0});
    cells_[it->second].count += n;
}

void Contingency::merge(const Contingency& other) {
    for (const Cell& c : other.cells_)
        add(other.a_.values()[c.a], other.b_.values()[c.b], c.count);
}

double joint_entropy(const Contingency& t, double base) {
    CompensatedSum h;
    for (const auto& c : t.cells()) h.add(surprisal_term(c.count / t.total(), base));
    return h.value();
}

double conditional_entropy(const Contingency& t, double base) {
    CompensatedSum h;
    const auto& nb = t.second().counts();
    for (const auto& c : t.cells()) h.add(-(c.count / t.total()) * log_in_base(c.count / nb[c.b], base));
    return std::max(0.0, h.value());
}

double mutual_information(const Contingency& t, double base) {
    CompensatedSum mi;
    const auto& na = t.first().counts();
    const auto& nb = t.second().counts();
    double n = t.total();
    for (const auto& c : t.cells()) {
        double term = (c.count / n) * (std::log(c.count) + std::log(n) - std::log(na[c.a]) - std::log(nb[c.b]));
        mi.add(term);
    }
    return std::max(0.0, mi.value() / std::log(base));
}

double normalized_mutual_information(const Contingency& t) {
    std::size_t ka = t.first().distinct(), kb = t.second().distinct();
    if ((ka == 1 && kb == 1) || (ka == 0 && kb == 0)) return 1.0;
    double mi = mutual_information(t, std::exp(1.0));
    double ha = entropy_of_counts(t.first().counts(), std::exp(1.0));
    double hb = entropy_of_counts(t.second().counts(), std::exp(1.0));
    double mean = std::max((ha + hb) / 2, std::numeric_limits<double>::epsilon());
    return mi / mean;
}

}  // namespace mlm::info
