// Rows that an option names by label (--with-row, a LABEL --query, analogy's
// A B C): the input is read until every one has been seen, and the blocks
// read on the way are held so that the pass can go on over them: one pass,
// for files and standard input alike. Held rows cost what the numbers do (8
// bytes each). Past hold_budget, when every input is a regular file that
// can be read again, the held rows are dropped and the input is read a
// second time once the labels are known: memory stays one block.
#pragma once

#include "cli/context.hpp"
#include "vec/vector_reader.hpp"

#include <functional>
#include <string>
#include <vector>

namespace mlm::vec_tool {

inline constexpr std::size_t hold_budget = std::size_t(256) << 20;

struct LabelledRows {
    std::vector<Eigen::VectorXd> vectors;  // one per label asked for: its first row
    std::vector<VectorBlock> held;         // the blocks read to find them
    bool read_again = false;               // held rows were dropped: read the input again
};

// UsageError naming `option` when the rows have no labels or a label is on
// no row.
LabelledRows find_labelled(const cli::Context& ctx, VectorReader& reader, const std::vector<std::string>& labels,
                           const std::string& option);

// Every block of the input once, in order: the held blocks, then the rest of
// `reader`; or, after read_again, the whole input from a new reader. Then
// says how many rows --skip-missing dropped.
void for_each_block(const cli::Context& ctx, VectorReader& reader, LabelledRows& found,
                    const std::function<void(const VectorBlock&)>& visit);
// Every block of `reader` from where it is.
void for_each_block(VectorReader& reader, const std::function<void(const VectorBlock&)>& visit);

}  // namespace mlm::vec_tool
