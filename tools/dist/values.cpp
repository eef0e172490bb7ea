// The input every subcommand of mlm-dist shares: specs whose categorical
// weights come from a file, and the numbers of the selected columns.
#include "dist/dist_tool.hpp"

#include "error.hpp"
#include "io/table.hpp"

namespace mlm::dist_tool {

prob::Distribution read_spec(const std::string& text, const cli::Context& ctx) {
    return prob::parse_spec(text, [&](const std::string& path) {
        io::TableReader table = ctx.open_table({path});
        auto width = table.names().size();
        if (width > 2)
            throw InputError("categorical weights need one column (weights) or two "
                             "(category,weight), got " + std::to_string(width), path);
        std::vector<std::size_t> all(width);
        for (std::size_t i = 0; i < width; ++i) all[i] = i;
        table.select_numbers(all);
        auto rows = table.read_all();
        prob::Weights w;
        for (std::size_t r = 0; r < rows.rows(); ++r) {
            if (width == 2) w.categories.push_back(rows.number(r, 0));
            w.weights.push_back(rows.number(r, width - 1));
        }
        return w;
    });
}

namespace {

std::vector<double> values_of(cli::Context& ctx, io::TableReader table) {
    table.select_numbers(ctx.selected_columns(table));
    std::vector<double> out;
    io::RowBlock block;
    while (table.read_block(block)) {
        for (std::size_t r = 0; r < block.rows(); ++r)
            for (std::size_t j = 0; j < block.number_columns(); ++j)
                out.push_back(block.number(r, j));
        ctx.progress(table.bytes_read());
    }
    ctx.report_skipped(table);
    return out;
}

}  // namespace

std::vector<double> read_values(cli::Context& ctx) { return values_of(ctx, ctx.open_table()); }

std::vector<double> read_values(cli::Context& ctx, const std::string& path) {
    return values_of(ctx, ctx.open_table({path}));
}

}  // namespace mlm::dist_tool
