// mlm-dist describe SPEC: mean, variance, standard deviation, median, mode,
// entropy (in nats; differential for the continuous families) and support.
#include "dist/dist_tool.hpp"

#include "cli/explain_text.hpp"
#include "io/table_writer.hpp"
#include "prob/distribution.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace mlm::dist_tool {

int run_describe(const Options& o, cli::Context& ctx) {
    auto d = read_spec(o.spec, ctx);
    if (o.common.explain) {
        cli::refuse_with_explain(o.common);
        return cli::explained(ctx, [&](cli::Context& c) { return explain(o, c, d, {}), 0; });
    }
    double variance = prob::variance(d);
    auto mode = prob::mode(d);
    auto support = prob::support(d);
    std::vector<std::pair<std::string, double>> rows = {
        {"mean", prob::mean(d)}, {"variance", variance}, {"sd", std::sqrt(variance)},
        {"median", prob::median(d)}};
    if (mode) rows.emplace_back("mode", *mode);
    rows.emplace_back("entropy", prob::entropy(d));
    rows.emplace_back("support_min", support.lower);
    rows.emplace_back("support_max", support.upper);
    if (ctx.json()) {
        nlohmann::json doc = {{"spec", prob::to_spec(d)}, {"family", prob::info(d).name}};
        for (const auto& [key, value] : prob::parameters(d)) doc["params"][key] = io::json_number(value);
        for (const auto& [key, value] : rows) doc[key] = io::json_number(value);
        if (!mode) doc["mode"] = nullptr;
        doc["entropy_unit"] = "nats";
        doc["discrete"] = support.discrete;
        ctx.print_json(doc);
        return 0;
    }
    if (!mode) ctx.note("no single mode: " + prob::to_spec(d) + " has none (row left out)");
    auto out = ctx.table({"name", "value"});
    for (const auto& [key, value] : rows) {
        out.cell(key).cell(value);
        out.end_row();
    }
    out.finish();
    return 0;
}

}  // namespace mlm::dist_tool
