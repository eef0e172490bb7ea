// Rows that an option names by label (--with-row, a LABEL --query, analogy's
// A B C): the input is read until every one has been seen, and the blocks
// read on the way are held so that the pass can go on over them. One pass
// over files and standard input alike; memory holds the rows up to the last
// label found, and nothing when the labels come first.
#pragma once

#include "vec/vector_reader.hpp"

#include <functional>
#include <string>
#include <vector>

namespace mlm::vec_tool {

struct LabelledRows {
    std::vector<Eigen::VectorXd> vectors;  // one per label asked for: its first row
    std::vector<VectorBlock> held;         // the blocks read to find them
};

// UsageError naming `option` when the rows have no labels or a label is on
// no row.
LabelledRows find_labelled(VectorReader& reader, const std::vector<std::string>& labels,
                           const std::string& option);

// The held blocks, then the rest of the input, each in turn.
void for_each_block(VectorReader& reader, std::vector<VectorBlock>& held,
                    const std::function<void(const VectorBlock&)>& visit);

}  // namespace mlm::vec_tool
