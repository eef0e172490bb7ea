#include "vec/labelled_rows.hpp"

#include "error.hpp"
#include "io/quoted.hpp"

#include <algorithm>

namespace mlm::vec_tool {

LabelledRows find_labelled(VectorReader& reader, const std::vector<std::string>& labels,
                           const std::string& option) {
    if (!reader.labeled())
        throw UsageError(option + " names rows by label, but the rows have none (column 1 holds numbers)");
    LabelledRows out;
    out.vectors.resize(labels.size());
    std::vector<bool> found(labels.size(), false);
    auto missing = [&] { return std::find(found.begin(), found.end(), false) != found.end(); };
    VectorBlock block;
    while (missing() && reader.next(block, block_rows(reader.dimension()))) {
        for (std::size_t r = 0; r < block.rows(); ++r)
            for (std::size_t i = 0; i < labels.size(); ++i)
                if (!found[i] && block.label(r) == labels[i]) {
                    out.vectors[i] = block.values().row(static_cast<Eigen::Index>(r)).transpose();
                    found[i] = true;
                }
        out.held.push_back(std::move(block));
    }
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (!found[i]) throw UsageError(option + ": no row is labelled " + io::quoted(labels[i]));
    return out;
}

void for_each_block(VectorReader& reader, std::vector<VectorBlock>& held,
                    const std::function<void(const VectorBlock&)>& visit) {
    for (auto& b : held) {
        visit(b);
        b = VectorBlock();  // given back once used
    }
    held.clear();
    VectorBlock block;
    while (reader.next(block, block_rows(reader.dimension()))) visit(block);
}

}  // namespace mlm::vec_tool
