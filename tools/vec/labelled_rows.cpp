#include "vec/labelled_rows.hpp"

#include "error.hpp"
#include "io/quoted.hpp"

#include <algorithm>
#include <filesystem>

namespace mlm::vec_tool {

namespace {

// Standard input, a pipe or a FIFO can be read once only.
bool can_read_again(const std::vector<std::string>& files) {
    if (files.empty()) return false;
    for (const auto& f : files) {
        std::error_code ec;
        if (f == "-" || !std::filesystem::is_regular_file(f, ec)) return false;
    }
    return true;
}

std::size_t held_bytes(const VectorBlock& b) {
    return b.rows() * (static_cast<std::size_t>(b.values().cols()) * sizeof(double) + 16);
}

}  // namespace

LabelledRows find_labelled(const cli::Context& ctx, VectorReader& reader, const std::vector<std::string>& labels,
                           const std::string& option) {
    if (!reader.labeled())
        throw UsageError(option + " names rows by label, but the rows have none (column 1 holds numbers)");
    const bool rereadable = can_read_again(ctx.options().files);
    LabelledRows out;
    out.vectors.resize(labels.size());
    std::vector<bool> found(labels.size(), false);
    auto missing = [&] { return std::find(found.begin(), found.end(), false) != found.end(); };
    std::size_t held = 0;
    VectorBlock block;
    while (missing() && reader.next(block, block_rows(reader.dimension()))) {
        for (std::size_t r = 0; r < block.rows(); ++r)
            for (std::size_t i = 0; i < labels.size(); ++i)
                if (!found[i] && block.label(r) == labels[i]) {
                    out.vectors[i] = block.values().row(static_cast<Eigen::Index>(r)).transpose();
                    found[i] = true;
                }
        if (out.read_again) continue;
        held += held_bytes(block);
        out.held.push_back(std::move(block));
        if (held > hold_budget && rereadable) {
            out.held.clear();
            out.read_again = true;
        }
    }
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (!found[i]) throw UsageError(option + ": no row is labelled " + io::quoted(labels[i]));
    return out;
}

void for_each_block(VectorReader& reader, const std::function<void(const VectorBlock&)>& visit) {
    VectorBlock block;
    while (reader.next(block, block_rows(reader.dimension()))) visit(block);
}

void for_each_block(const cli::Context& ctx, VectorReader& reader, LabelledRows& found,
                    const std::function<void(const VectorBlock&)>& visit) {
    if (found.read_again) {
        VectorReader again(ctx, ctx.options().files);
        for_each_block(again, visit);
        ctx.report_skipped(again.table());
        return;
    }
    for (auto& b : found.held) {
        visit(b);
        b = VectorBlock();  // given back once used
    }
    found.held.clear();
    for_each_block(reader, visit);
    ctx.report_skipped(reader.table());
}

}  // namespace mlm::vec_tool
