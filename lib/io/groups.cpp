#include "io/groups.hpp"

namespace mlm::io {

namespace {
constexpr char separator = '\x1f';  // ASCII unit separator: never in a CSV cell in practice
}

std::size_t GroupIndex::id(const RowBlock& block, std::size_t row) {
    if (columns_.empty()) {
        if (keys_.empty()) keys_.emplace_back();
        return 0;
    }
    if (columns_.size() == 1) return id(block, row, string_index_detail::hash_of(block.text(row, columns_[0])));
    scratch_.clear();
    for (std::size_t j : columns_) {
        scratch_.append(block.text(row, j));
        scratch_.push_back(separator);
    }
    std::size_t found = ids_.id(scratch_);
    if (found == keys_.size()) {
        std::vector<std::string> values;
        for (std::size_t j : columns_) values.emplace_back(block.text(row, j));
        keys_.push_back(std::move(values));
    }
    return found;
}

std::size_t GroupIndex::id(const RowBlock& block, std::size_t row, std::uint64_t key_hash) {
    if (columns_.size() != 1) return id(block, row);
    const std::string_view value = block.text(row, columns_[0]);
    const std::size_t found = ids_.id(value, key_hash);
    if (found == keys_.size()) keys_.push_back({std::string(value)});
    return found;
}

std::size_t GroupIndex::id(const std::vector<std::string>& values) {
    if (columns_.empty() && values.empty()) return id(RowBlock(), 0);
    if (columns_.size() == 1 && values.size() == 1) {
        const std::size_t found = ids_.id(values[0]);
        if (found == keys_.size()) keys_.push_back(values);
        return found;
    }
    scratch_.clear();
    for (const auto& v : values) {
        scratch_.append(v);
        scratch_.push_back(separator);
    }
    std::size_t found = ids_.id(scratch_);
    if (found == keys_.size()) keys_.push_back(values);
    return found;
}

}  // namespace mlm::io
