// Reading the plotted columns, and --pass: the input copied unchanged to
// standard output, so that a plot can sit in the middle of a pipeline.
#include "error.hpp"
#include "io/columns.hpp"
#include "io/output.hpp"
#include "io/raw_bytes.hpp"
#include "plot/plot_tool.hpp"

#include <unordered_map>

namespace mlm::plot_tool {

namespace {

// With --pass: the whole input in memory, written to standard output (or to
// ctx.out() when the picture goes to stderr), then read from memory.
io::TableReader open_passing(const Options& o, cli::Context& ctx) {
    std::vector<std::string> files = o.common.files.empty() ? std::vector<std::string>{"-"} : o.common.files;
    std::string text;
    for (const std::string& f : files) io::for_each_chunk(f, [&](std::string_view chunk) { text.append(chunk); });
    if (o.common.output.empty()) {
        ctx.out() << text;
    } else {
        io::Output out;
        out << text;
        out.commit();
    }
    io::ReadOptions read = cli::read_options(o.common);
    read.note = [&ctx](const std::string& message) { ctx.note(message); };
    return io::TableReader::from_string(files.size() == 1 ? files[0] : "-", std::move(text), std::move(read));
}

}  // namespace

Data read_data(const Options& o, cli::Context& ctx, const std::vector<std::string>& numbers, const std::string& text) {
    io::TableReader table = o.pass ? open_passing(o, ctx) : ctx.open_table();
    Data d;
    std::vector<io::ColumnRequest> requests;
    for (const std::string& spec : numbers) {
        const std::size_t j = io::resolve_column(spec, table.names());
        requests.push_back({j, io::ColumnType::number});
        d.number_names.push_back(table.names()[j]);
    }
    if (!text.empty()) {
        const std::size_t j = io::resolve_column(text, table.names());
        requests.push_back({j, io::ColumnType::text});
        d.text_name = table.names()[j];
    }
    table.select(std::move(requests));
    d.numbers.resize(numbers.size());
    std::unordered_map<std::string, std::uint32_t> index;
    io::RowBlock block;
    while (table.read_block(block)) {
        for (std::size_t j = 0; j < numbers.size(); ++j)
            for (std::size_t r = 0; r < block.rows(); ++r) d.numbers[j].push_back(block.number(r, j));
        if (!text.empty())
            for (std::size_t r = 0; r < block.rows(); ++r) {
                auto [it, added] = index.try_emplace(std::string(block.text(r, 0)),
                                                     static_cast<std::uint32_t>(d.group_names.size()));
                if (added) d.group_names.push_back(it->first);
                d.group.push_back(it->second);
            }
    }
    ctx.report_skipped(table);
    return d;
}

}  // namespace mlm::plot_tool
