// xent: mean cross-entropy (log loss) of predicted probabilities against the
// true classes, binary (one column) or multi-class (one column per class).
#include "entropy/entropy_tool.hpp"
#include "entropy/explain.hpp"
#include "error.hpp"
#include "info/entropy.hpp"
#include "info/log_loss.hpp"
#include "io/columns.hpp"
#include "io/groups.hpp"
#include "io/number.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace mlm::entropy_tool {

namespace {

// Class value -> probability column: by name when every class names a column,
// else by position against the classes in sorted order (scikit-learn's).
std::map<std::string, std::size_t> class_columns(const std::vector<std::string>& classes,
                                                 const std::vector<std::string>& columns, bool& by_name) {
    std::map<std::string, std::size_t> out;
    by_name = std::all_of(classes.begin(), classes.end(), [&](const std::string& c) {
        return std::find(columns.begin(), columns.end(), c) != columns.end();
    });
    if (by_name) {
        for (const auto& c : classes) out[c] = std::find(columns.begin(), columns.end(), c) - columns.begin();
        return out;
    }
    std::vector<std::string> sorted = classes;
    bool numeric = std::all_of(sorted.begin(), sorted.end(), [](const std::string& c) { return io::is_number(c); });
    auto value = [](const std::string& c) { double x = 0; io::parse_number(c, x); return x; };
    if (numeric) std::sort(sorted.begin(), sorted.end(), [&](auto& a, auto& b) { return value(a) < value(b); });
    else std::sort(sorted.begin(), sorted.end());
    if (sorted.size() > columns.size())
        throw InputError("class '" + sorted[columns.size()] + "' of the target has no probability column (" +
                         std::to_string(sorted.size()) + " classes, " + std::to_string(columns.size()) + " columns)");
    if (sorted.size() < columns.size())
        throw InputError("the target has " + std::to_string(sorted.size()) + " classes but there are " +
                         std::to_string(columns.size()) + " probability columns; name the columns after the classes");
    for (std::size_t i = 0; i < sorted.size(); ++i) out[sorted[i]] = i;
    return out;
}

}  // namespace

int run_xent(const Options& o, cli::Context& ctx) {
    io::TableReader table = ctx.open_table();
    const auto& names = table.names();
    std::size_t target = io::resolve_column(o.target, names);
    if (o.common.columns.empty()) throw UsageError("xent needs -c with the probability column(s)");
    auto pred = io::resolve_columns(o.common.columns, names);
    auto group_cols = ctx.group_columns(table);
    std::vector<io::ColumnRequest> requests{{target, io::ColumnType::text}};
    std::vector<std::string> pred_names;
    for (auto c : pred) {
        requests.push_back({c, io::ColumnType::number});
        pred_names.push_back(names[c]);
    }
    std::vector<std::size_t> group_positions;
    for (auto g : group_cols) {
        group_positions.push_back(group_positions.size() + 1);
        requests.push_back({g, io::ColumnType::text});
    }
    table.select(requests);
    io::RowBlock all = table.read_all();
    if (all.rows() == 0) throw InputError("no data rows", table.file());
    ctx.report_skipped(table);

    const bool binary = pred.size() == 1;
    for (std::size_t r = 0; r < all.rows(); ++r)
        for (std::size_t j = 0; j < pred.size(); ++j) {
            double p = all.number(r, j);
            if (!(p >= 0 && p <= 1))
                throw InputError("probabilities must be in [0, 1], got " + io::format_number(p), all.file(r),
                                 all.line(r), pred[j] + 1);
        }
    std::map<std::string, std::size_t> column_of;
    bool by_name = false;
    if (!binary) {
        std::vector<std::string> classes;
        for (std::size_t r = 0; r < all.rows(); ++r) classes.emplace_back(all.text(r, 0));
        std::sort(classes.begin(), classes.end());
        classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
        column_of = class_columns(classes, pred_names, by_name);
    }
    const double base = o.base();
    io::GroupIndex groups(group_positions);
    std::vector<info::CompensatedSum> sums;
    std::vector<std::size_t> counts;
    std::optional<io::TableWriter> rows_out;
    if (o.per_row) rows_out.emplace(ctx.table({"log_loss"}));
    std::vector<double> probs(pred.size());
    int status = 0;
    for (std::size_t r = 0; r < all.rows(); ++r) {
        std::string_view y = all.text(r, 0);
        double loss;
        if (binary) {
            double yv = -1;
            io::parse_number(y, yv);
            if (yv != 0 && yv != 1)
                throw InputError("binary log loss needs the target in {0, 1}, got \"" + std::string(y) + "\"",
                                 all.file(r), all.line(r), target + 1);
            loss = info::binary_log_loss(yv, all.number(r, 0), o.eps, base);
        } else {
            info::CompensatedSum row_sum;
            for (std::size_t j = 0; j < pred.size(); ++j) {
                probs[j] = all.number(r, j);
                row_sum.add(probs[j]);
            }
            // A row of class probabilities that does not sum to 1 is most often
            // the wrong columns: say so rather than renormalize in silence.
            if (!o.normalize && !(std::fabs(row_sum.value() - 1) <= info::probability_sum_tolerance))
                throw InputError("class probabilities sum to " + io::format_number(row_sum.value(), 7) +
                                     ", not 1: -c names every class's column, --normalize divides by the sum",
                                 all.file(r), all.line(r));
            loss = info::multiclass_log_loss(probs, column_of.at(std::string(y)), o.eps, base);
        }
        if (rows_out) {
            rows_out->cell(loss).end_row();
            status |= ctx.check(loss, "log loss of row " + std::to_string(r + 1));
        }
        std::size_t g = groups.id(all, r);
        if (g == sums.size()) { sums.emplace_back(); counts.push_back(0); }
        sums[g].add(loss);
        ++counts[g];
    }
    if (rows_out) {
        rows_out->finish();
        return status;
    }
    cli::ResultLayout layout;
    for (auto g : group_cols) layout.group_names.push_back(names[g]);
    layout.value_name = "log_loss";
    layout.conventions = conventions(o);
    layout.conventions["eps"] = o.eps;
    if (!binary) layout.conventions["normalization"] = normalization(o);
    layout.conventions["target"] = names[target];
    layout.conventions["kind"] = binary ? "binary" : "multiclass";
    if (!binary) layout.conventions["class_matching"] = by_name ? "by column name" : "by position, classes sorted";
    std::vector<cli::Result> results;
    for (std::size_t g = 0; g < sums.size(); ++g) {
        double mean = sums[g].value() / static_cast<double>(counts[g]);
        results.push_back({groups.values(g), "", mean, {{"n", counts[g]}}});
        if (o.common.explain) {
            if (!group_cols.empty()) {
                std::string title;
                for (std::size_t k = 0; k < group_cols.size(); ++k)
                    title += (k ? ", " : "") + layout.group_names[k] + " = " + groups.values(g)[k];
                ctx.out() << title << "\n\n";
            }
            ctx.out() << "Cross-entropy (log loss)  L = -(1/N) sum over rows of " << log_name(base)
                      << " q(y)\n(q(y): the probability the model gave the row's true class y)\n\n  N = " << counts[g] << " rows, probabilities clipped to ["
                      << io::format_number(o.eps) << ", 1 - " << io::format_number(o.eps) << "]"
                      << (binary ? "" : o.normalize ? ", each row divided by its sum (--normalize)"
                                                    : ", each row's sum checked to be 1")
                      << "\n  L = " << io::format_number(sums[g].value(), 6) << " / " << counts[g] << " = "
                      << io::format_number(mean) << " " << unit_of(base)
                      << "\n\nLog loss is the average surprise of the model at the truth: 0 for a model that\n"
                         "gives the true class probability 1, ln 2 = 0.693 for a coin flip on two classes.\n";
            if (g + 1 < sums.size()) ctx.out() << "\n";
        }
    }
    if (o.common.explain) return 0;
    return cli::print_results(ctx, layout, results);
}

}  // namespace mlm::entropy_tool
