#include "cli/results.hpp"

#include "io/table_writer.hpp"

namespace mlm::cli {

namespace {

nlohmann::json result_json(const ResultLayout& layout, const Result& r) {
    nlohmann::json o = nlohmann::json::object();
    for (std::size_t j = 0; j < layout.group_names.size(); ++j) o[layout.group_names[j]] = r.group[j];
    if (!layout.item_name.empty()) o[layout.item_name] = r.item;
    o[layout.value_name] = io::json_number(r.value);
    for (auto it = r.details.begin(); it != r.details.end(); ++it) o[it.key()] = it.value();
    return o;
}

std::string check_label(const ResultLayout& layout, const Result& r) {
    std::string what = layout.value_name;
    std::string where;
    for (const auto& g : r.group) where += (where.empty() ? "" : ",") + g;
    if (!r.item.empty()) where += (where.empty() ? "" : ",") + r.item;
    return where.empty() ? what : what + " of " + where;
}

}  // namespace

int print_results(Context& ctx, const ResultLayout& layout, const std::vector<Result>& results) {
    bool single = results.size() == 1 && layout.group_names.empty() && layout.item_name.empty();
    if (ctx.json()) {
        nlohmann::json doc = layout.conventions;
        if (single) {
            nlohmann::json one = result_json(layout, results[0]);
            for (auto it = one.begin(); it != one.end(); ++it) doc[it.key()] = it.value();
        } else {
            doc["results"] = nlohmann::json::array();
            for (const auto& r : results) doc["results"].push_back(result_json(layout, r));
        }
        ctx.print_json(doc);
    } else if (single) {
        ctx.print_number(results[0].value);
    } else {
        std::vector<std::string> header = layout.group_names;
        if (!layout.item_name.empty()) header.push_back(layout.item_name);
        header.push_back(layout.value_name);
        auto table = ctx.table(header);
        for (const auto& r : results) {
            for (const auto& g : r.group) table.cell(g);
            if (!layout.item_name.empty()) table.cell(r.item);
            table.cell(r.value);
            table.end_row();
        }
        table.finish();
    }
    int status = 0;
    for (const auto& r : results) status |= ctx.check(r.value, check_label(layout, r));
    return status;
}

}  // namespace mlm::cli
