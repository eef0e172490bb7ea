// mlm-dist ecdf: the empirical CDF of the input's numbers, F(x) = #{x_i <= x} / n,
// one row x,F per distinct value in increasing order.
#include "dist/dist_tool.hpp"

#include "error.hpp"
#include "io/table_writer.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::dist_tool {

std::vector<double> sorted_numbers(cli::Context& ctx, const std::string& path) {
    auto xs = path.empty() ? read_values(ctx) : read_values(ctx, path);
    if (std::any_of(xs.begin(), xs.end(), [](double x) { return std::isnan(x); }))
        throw InputError("the values include nan, which has no place in an order",
                         path.empty() ? std::string() : path);
    std::sort(xs.begin(), xs.end());
    return xs;
}

int run_ecdf(const Options&, cli::Context& ctx) {
    auto xs = sorted_numbers(ctx, {});
    double n = static_cast<double>(xs.size());
    auto out = ctx.table({"x", "F"});
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (i + 1 < xs.size() && xs[i + 1] == xs[i]) continue;
        out.cell(xs[i]).cell(static_cast<double>(i + 1) / n);
        out.end_row();
    }
    out.finish();
    return 0;
}

}  // namespace mlm::dist_tool
