// Hash grouping for -g/--group-by: maps the values of the group columns of a
// row to a dense group id, in order of first appearance (the input need not be
// sorted, unlike datamash). Tools keep one accumulator per id.
#pragma once

#include "io/table.hpp"
#include "string_index.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::io {

class GroupIndex {
public:
    // `columns` are text-column positions within a RowBlock (0..text_columns()-1).
    explicit GroupIndex(std::vector<std::size_t> columns) : columns_(std::move(columns)) {}
    // The id of the row's group, adding the group when it is new.
    std::size_t id(const RowBlock& block, std::size_t row);
    // The same, with the row's key_hash (io/group_shards.hpp) already known:
    // a single group column's cell is then not hashed again.
    std::size_t id(const RowBlock& block, std::size_t row, std::uint64_t key_hash);
    // The id for an already-built key (merge of partial results); without
    // group columns, an empty key is the one group id(block, row) gives.
    std::size_t id(const std::vector<std::string>& values);
    std::size_t size() const { return keys_.size(); }
    // The group's values, one per group column.
    const std::vector<std::string>& values(std::size_t id) const { return keys_[id]; }
    bool empty() const { return columns_.empty(); }

private:
    std::vector<std::size_t> columns_;
    StringIndex ids_;  // the group value of each id (several: joined, each followed by a separator)
    std::vector<std::vector<std::string>> keys_;
    std::string scratch_;
};

}  // namespace mlm::io
