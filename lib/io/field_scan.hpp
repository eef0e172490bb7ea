// The bytes that shape CSV and TSV lines, found 64 at a time: one bit per byte
// for the delimiters, the newlines and the quotes of a block, so a reader walks
// from field to field with a count-trailing-zeros per field instead of a search
// per field and a search per line. Bit i of a mask is byte p[i]:
//   delimiters = {i : p[i] == delimiter},  newlines = {i : p[i] == '\n'},
//   quotes = {i : p[i] == '"'}.
// Two 32-byte AVX2 compares per mask where the build has AVX2 (x86-64-v3),
// four 16-byte SSE2 compares on other x86-64, one byte at a time elsewhere.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#if defined(__AVX2__) || defined(__SSE2__)
#include <immintrin.h>
#endif

namespace mlm::io {

inline constexpr std::size_t scan_block_bytes = 64;

struct ByteMasks {
    std::uint64_t delimiters = 0, newlines = 0, quotes = 0;
};

// The masks of p[0..64), a byte at a time: the reference the vector forms match.
inline ByteMasks scan_block_scalar(const char* p, char delimiter) {
    ByteMasks m;
    for (std::size_t i = 0; i < scan_block_bytes; ++i) {
        const std::uint64_t bit = std::uint64_t{1} << i;
        if (p[i] == delimiter) m.delimiters |= bit;
        if (p[i] == '\n') m.newlines |= bit;
        if (p[i] == '"') m.quotes |= bit;
    }
    return m;
}

#if defined(__AVX2__)
inline std::uint64_t equal_mask(__m256i lo, __m256i hi, __m256i byte) {
    auto low = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, byte)));
    auto high = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, byte)));
    return std::uint64_t{low} | std::uint64_t{high} << 32;
}

// The masks of p[0..64): all 64 bytes must be readable.
inline ByteMasks scan_block(const char* p, char delimiter) {
    const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
    return {equal_mask(lo, hi, _mm256_set1_epi8(delimiter)), equal_mask(lo, hi, _mm256_set1_epi8('\n')),
            equal_mask(lo, hi, _mm256_set1_epi8('"'))};
}
#elif defined(__SSE2__)
inline std::uint64_t equal_mask(const __m128i (&v)[4], __m128i byte) {
    std::uint64_t m = 0;
    for (int i = 0; i < 4; ++i)
        m |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v[i], byte)))} << (16 * i);
    return m;
}

// The masks of p[0..64): all 64 bytes must be readable.
inline ByteMasks scan_block(const char* p, char delimiter) {
    __m128i v[4];
    for (int i = 0; i < 4; ++i) v[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i));
    return {equal_mask(v, _mm_set1_epi8(delimiter)), equal_mask(v, _mm_set1_epi8('\n')),
            equal_mask(v, _mm_set1_epi8('"'))};
}
#else
// The masks of p[0..64): all 64 bytes must be readable.
inline ByteMasks scan_block(const char* p, char delimiter) { return scan_block_scalar(p, delimiter); }
#endif

// Walks the delimiters, newlines and quotes of [begin, end) in order, a block
// of masks at a time. The last block, shorter than 64 bytes, is copied to a
// buffer first: nothing past `end` is read. The delimiter must not be '\n' or
// '"' (a byte would then be two things at once).
class FieldScanner {
public:
    FieldScanner(const char* begin, const char* end, char delimiter) : end_(end), delimiter_(delimiter) {
        load(begin);
    }

    // Moves to the next delimiter, newline or quote; false at the end.
    bool next() {
        while (pending_ == 0) {
            if (end_ - base_ <= static_cast<std::ptrdiff_t>(scan_block_bytes)) return false;
            load(base_ + scan_block_bytes);
        }
        at_ = static_cast<unsigned>(std::countr_zero(pending_));
        pending_ &= pending_ - 1;
        return true;
    }
    const char* where() const { return base_ + at_; }
    bool at_delimiter() const { return (masks_.delimiters >> at_) & 1; }
    bool at_newline() const { return (masks_.newlines >> at_) & 1; }

    // Passes over the bytes before the next newline (or the end), adding the
    // delimiters among them to `delimiters`; then next() finds that newline.
    // False if a quote is among them (the position is then unspecified).
    bool skip_to_newline(std::size_t& delimiters) {
        for (;;) {
            const std::uint64_t newline = masks_.newlines & pending_;
            const std::uint64_t before = newline ? (newline & (~newline + 1)) - 1 : ~std::uint64_t{0};
            const std::uint64_t passed = pending_ & before;
            if (masks_.quotes & passed) return false;
            delimiters += static_cast<std::size_t>(std::popcount(masks_.delimiters & passed));
            pending_ &= ~before;
            if (newline || end_ - base_ <= static_cast<std::ptrdiff_t>(scan_block_bytes)) return true;
            load(base_ + scan_block_bytes);
        }
    }

    // Goes on from `p` (within [begin, end]).
    void seek(const char* p) { load(p); }

private:
    void load(const char* p) {
        base_ = p;
        const auto left = static_cast<std::size_t>(end_ - p);
        if (left >= scan_block_bytes) {
            masks_ = scan_block(p, delimiter_);
        } else {
            char tail[scan_block_bytes] = {};
            if (left) std::memcpy(tail, p, left);
            masks_ = scan_block(tail, delimiter_);
            const std::uint64_t inside = (std::uint64_t{1} << left) - 1;
            masks_.delimiters &= inside;
            masks_.newlines &= inside;
            masks_.quotes &= inside;
        }
        pending_ = masks_.delimiters | masks_.newlines | masks_.quotes;
    }

    const char* base_ = nullptr;
    const char* end_;
    char delimiter_;
    ByteMasks masks_;
    std::uint64_t pending_ = 0;
    unsigned at_ = 0;
};

}  // namespace mlm::io
