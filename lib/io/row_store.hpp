// Where the rows of a RowBlock live: the selected numbers parsed into one
// row-major array, the selected text cells as views, and the line of each row.
// A store parsed from a chunk of CSV pins the chunk, so its text cells are views
// straight into the bytes read (no copy per cell); text that is not in the chunk
// (an unescaped quoted cell, a JSON string) goes to `owned`. Immutable once
// finished, so blocks on any thread may share it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::io {

struct RowStore {
    std::vector<double> numbers;          // row-major: rows x number columns
    std::vector<std::string_view> texts;  // row-major: rows x text columns
    std::vector<std::size_t> lines;       // per row: its line (relative to a chunk's start in a chunk)
    std::vector<std::uint32_t> files;     // per row; empty: every row is from `file`
    std::uint32_t file = 0;
    std::shared_ptr<const std::string> chunk;          // the bytes `texts` views point into
    std::vector<std::shared_ptr<const RowStore>> pins;  // stores whose views `texts` holds

    // Adds a text cell copied into `owned`: its view is set by finish(), as
    // `owned` may move while it grows.
    void add_owned_text(std::string_view s) {
        pending_.push_back({texts.size(), owned_.size(), s.size()});
        owned_.append(s);
        texts.emplace_back();
    }
    // Drops the cells and numbers of a row begun but not kept.
    void truncate(std::size_t number_count, std::size_t text_count) {
        numbers.resize(number_count);
        texts.resize(text_count);
        while (!pending_.empty() && pending_.back().cell >= text_count) {
            owned_.resize(pending_.back().offset);
            pending_.pop_back();
        }
    }
    // Empties the store, keeping its memory, and lets go of what it pins.
    void clear() {
        numbers.clear();
        texts.clear();
        lines.clear();
        files.clear();
        file = 0;
        chunk.reset();
        pins.clear();
        owned_.clear();
        pending_.clear();
    }
    // Points the owned cells at their text; call once, when the store is full.
    void finish() {
        for (const Pending& p : pending_) texts[p.cell] = std::string_view(owned_).substr(p.offset, p.size);
        pending_.clear();
    }

private:
    struct Pending {
        std::size_t cell, offset, size;
    };
    std::string owned_;
    std::vector<Pending> pending_;
};

}  // namespace mlm::io
