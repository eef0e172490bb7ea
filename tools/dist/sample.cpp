// mlm-dist sample SPEC -n N: reproducible draws (lib/prob/sample.hpp says how
// each family maps std::mt19937_64's output), or with --sum K / --mean K the
// sum or mean of K draws per row: the Central Limit Theorem, made visible.
#include "dist/dist_tool.hpp"

#include "error.hpp"
#include "io/table_writer.hpp"
#include "prob/sample.hpp"

namespace mlm::dist_tool {

int run_sample(const Options& o, cli::Context& ctx) {
    if (o.sum && o.mean) throw UsageError("--sum and --mean: choose one");
    std::uint64_t k = o.sum ? o.sum : o.mean ? o.mean : 1;
    prob::Sampler draw(read_spec(o.spec, ctx), o.common.seed);
    auto out = ctx.table({o.sum ? "sum" : o.mean ? "mean" : "x"});
    for (std::uint64_t i = 0; i < o.n; ++i) {
        double x = draw();
        for (std::uint64_t j = 1; j < k; ++j) x += draw();
        out.cell(o.mean ? x / static_cast<double>(k) : x);
        out.end_row();
    }
    out.finish();
    return 0;
}

}  // namespace mlm::dist_tool
