// mlm-dist pdf|pmf|logpdf|cdf|sf|quantile SPEC: the function at the --at points
// or at every number of the input, one row `x,<function>` per point.
#include "dist/dist_tool.hpp"

#include "cli/explain_text.hpp"
#include "error.hpp"
#include "io/number.hpp"
#include "io/table.hpp"
#include "io/table_writer.hpp"
#include "prob/distribution.hpp"
#include "shortest.hpp"

#include <cmath>

namespace mlm::dist_tool {
namespace {

using Function = double (*)(const prob::Distribution&, double);

Function function_named(const std::string& name) {
    if (name == "pdf" || name == "pmf") return prob::pdf;
    if (name == "logpdf") return prob::logpdf;
    if (name == "cdf") return prob::cdf;
    if (name == "sf") return prob::sf;
    return prob::quantile;
}

std::vector<double> points(const std::string& list) {
    std::vector<double> out;
    std::size_t start = 0;
    for (;;) {
        auto comma = list.find(',', start);
        auto part = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        double x = 0;
        if (io::parse_number(part, x) != io::ParseResult::ok)
            throw UsageError("--at: expected numbers X,..., got \"" + part + "\"");
        out.push_back(x);
        if (comma == std::string::npos) return out;
        start = comma + 1;
    }
}

// A quantile's argument is a probability; anything else is refused, not nan.
bool bad_probability(const std::string& name, double q) {
    return name == "quantile" && !(q >= 0 && q <= 1);
}

std::string probability_message(double q) {
    return "a quantile needs a probability in [0, 1], got " + shortest(q);
}

}  // namespace

int run_evaluate(const Options& o, cli::Context& ctx) {
    const std::string& name = o.common.command;
    auto d = read_spec(o.spec, ctx);
    Function f = function_named(name);
    if (o.common.explain && o.at.empty()) throw UsageError("--explain explains the --at points; give --at");
    std::vector<double> xs;
    if (!o.at.empty()) {
        xs = points(o.at);
        for (double x : xs)
            if (bad_probability(name, x)) throw UsageError("--at: " + probability_message(x));
    }
    if (o.common.explain) {
        cli::refuse_with_explain(o.common);
        return cli::explained(ctx, [&](cli::Context& c) { return explain(o, c, d, xs), 0; });
    }
    auto out = ctx.table({"x", name});
    auto row = [&](double x) {
        out.cell(x).cell(f(d, x));
        out.end_row();
    };
    if (!o.at.empty()) {
        for (double x : xs) row(x);
        out.finish();
        return 0;
    }
    io::TableReader table = ctx.open_table();
    auto columns = ctx.selected_columns(table);
    table.select_numbers(columns);
    io::RowBlock block;
    while (table.read_block(block)) {
        for (std::size_t r = 0; r < block.rows(); ++r)
            for (std::size_t j = 0; j < block.number_columns(); ++j) {
                double x = block.number(r, j);
                if (bad_probability(name, x))
                    throw InputError(probability_message(x), block.file(r), block.line(r),
                                     columns[j] + 1);
                row(x);
            }
        ctx.progress(table.bytes_read());
    }
    ctx.report_skipped(table);
    out.finish();
    return 0;
}

}  // namespace mlm::dist_tool
