// mlm-dist test A B: scipy's two-sample Kolmogorov-Smirnov test (ks_2samp,
// two-sided), exact for samples of up to 10,000 values, else the one-sample
// distribution of D at n = round(m n/(m+n)); --fail-below P gates CI.
#include "dist/dist_tool.hpp"

#include "error.hpp"
#include "io/table_writer.hpp"
#include "prob/ks.hpp"

#include <nlohmann/json.hpp>

namespace mlm::dist_tool {

int run_test(const Options& o, cli::Context& ctx) {
    const auto& files = o.common.files;
    if (files.size() != 2)
        throw UsageError("test needs two samples A B, got " + std::to_string(files.size()) +
                         " file" + (files.size() == 1 ? "" : "s"));
    if (files[0] == "-" && files[1] == "-") throw UsageError("test: only one of A and B can be -");
    auto a = sorted_numbers(ctx, files[0]);
    auto b = sorted_numbers(ctx, files[1]);
    auto r = prob::ks_2samp(a, b);
    if (ctx.json()) {
        ctx.print_json({{"statistic", io::json_number(r.statistic)},
                        {"p_value", io::json_number(r.p_value)},
                        {"method", r.exact ? "exact" : "asymptotic"},
                        {"alternative", "two-sided"},
                        {"statistic_location", io::json_number(r.location)},
                        {"statistic_sign", r.sign},
                        {"n_a", a.size()},
                        {"n_b", b.size()}});
    } else {
        auto out = ctx.table({"statistic", "p_value"});
        out.cell(r.statistic).cell(r.p_value);
        out.end_row();
        out.finish();
    }
    return ctx.check(r.p_value, "p-value");
}

}  // namespace mlm::dist_tool
