// mlm-bayes nb fit | predict | merge: naive Bayes over labelled rows, with the
// sufficient statistics as the model, so that shards fit apart merge exactly.
#include "bayes/bayes_tool.hpp"

#include "bayes/nb_explain.hpp"
#include "bayes/nb_json.hpp"
#include "cli/explain_text.hpp"
#include "error.hpp"
#include "io/columns.hpp"
#include "io/json_rows.hpp"
#include "io/number.hpp"

#include <algorithm>
#include <optional>

namespace mlm::bayes_tool {

namespace {

void save(const std::string& path, const nlohmann::json& doc) {
    io::Output file(path);
    io::write_json(file, doc);
    file.commit();
}

// What fit and merge print: the statistics (--partial), else the model with
// --to json, else one row per class.
int report(const Options& o, cli::Context& ctx, const bayes::NbFit& fit) {
    if (o.partial) {
        if (!o.save_model.empty()) throw UsageError("--partial prints statistics, not a model: leave out --save-model");
        ctx.print_json(bayes::stats_json(fit.stats, fit.settings));
        return 0;
    }
    const bayes::NbModel model = bayes::nb_model(fit.stats, fit.settings);
    if (fit.settings.alpha < bayes::min_alpha && fit.stats.kind != bayes::NbKind::gaussian)
        ctx.note("alpha " + io::format_number(fit.settings.alpha) + " raised to 1e-10, as scikit-learn does, so "
                 "that no probability is 0");
    const nlohmann::json doc = bayes::model_json(fit.stats, model);
    if (!o.save_model.empty()) save(o.save_model, doc);
    if (o.common.explain)
        return cli::explained(ctx, [&](cli::Context& c) {
            explain_fit(model, fit.stats, o.save_model, c.out());
            return 0;
        });
    if (ctx.json()) {
        ctx.print_json(doc);
        return 0;
    }
    auto table = ctx.table({"class", "count", "prior"});
    for (std::size_t c = 0; c < model.classes.size(); ++c) {
        const auto i = static_cast<Eigen::Index>(c);
        table.cell(model.classes[c]).cell(model.class_count(i)).cell(std::exp(model.class_log_prior(i)));
        table.end_row();
    }
    table.finish();
    return 0;
}

// The options --explain cannot honour, refused before any work (it shows
// P(c|x), so --proba is honoured).
void refuse_with_explain(const Options& o) {
    if (!o.common.explain) return;
    if (o.partial) throw UsageError("--explain walks through the model; --partial prints statistics: leave one out");
    cli::refuse_with_explain(o.common);
}

// InputError, with the place, for a feature of row r that is not finite.
void check_finite(const bayes::NbModel& model, const io::RowBlock& b, std::size_t r,
                  const std::vector<std::size_t>& features) {
    for (std::size_t j = 0; j < features.size(); ++j)
        if (!std::isfinite(b.number(r, j)))
            throw InputError("feature \"" + model.features[j] + "\" is " + io::format_number(b.number(r, j)) +
                                 ": naive Bayes needs finite values",
                             b.file(r), b.line(r), features[j] + 1);
}

// The first rows, term by term; the others are only counted as following.
int explain_predict(const bayes::NbModel& model, io::TableReader& t, const std::vector<std::size_t>& features,
                    cli::Context& ctx) {
    constexpr Eigen::Index explained_rows = 3;
    // The first rows may come in more than one block (a block ends with its chunk).
    bayes::NbRows x(explained_rows, static_cast<Eigen::Index>(features.size()));
    Eigen::Index shown = 0;
    io::RowBlock b;
    while (shown < explained_rows && t.read_block(b, static_cast<std::size_t>(explained_rows - shown))) {
        for (std::size_t r = 0; r < b.rows(); ++r) check_finite(model, b, r, features);
        x.middleRows(shown, static_cast<Eigen::Index>(b.rows())) = b.matrix();
        shown += static_cast<Eigen::Index>(b.rows());
    }
    if (shown == 0) throw InputError("no data rows", t.file());
    x.conservativeResize(shown, Eigen::NoChange);
    const bool more = t.read_block(b, 1);
    return cli::explained(ctx, [&](cli::Context& c) {
        explain_prediction(model, x, more, c.out());
        return 0;
    });
}

}  // namespace

int run_nb_fit(const Options& o, cli::Context& ctx) {
    refuse_with_explain(o);
    io::TableReader t = ctx.open_table();
    const std::size_t target = io::resolve_column(o.target, t.names());
    std::vector<std::size_t> features;
    if (!o.common.columns.empty()) {
        features = io::resolve_columns(o.common.columns, t.names());
        if (std::find(features.begin(), features.end(), target) != features.end())
            throw UsageError("the target \"" + t.names()[target] + "\" cannot be a feature too");
    } else {
        for (std::size_t j = 0; j < t.names().size(); ++j)
            if (j != target) features.push_back(j);
    }
    if (features.empty()) throw InputError("no feature columns besides the target", t.file());
    std::vector<io::ColumnRequest> req;
    std::vector<std::string> names;
    for (auto j : features) {
        req.push_back({j, io::ColumnType::number});
        names.push_back(t.names()[j]);
    }
    req.push_back({target, io::ColumnType::text});
    t.select(req);
    // Each chunk's statistics on the thread that parsed it, merged in input order.
    const bayes::NbKind kind = bayes::nb_kind_from_name(o.kind);
    std::optional<bayes::NbStats> stats;
    io::map_chunks(
        t,
        [&](const io::RowBlock& b) {
            bayes::NbAccumulator acc(kind, names);
            for (std::size_t r = 0; r < b.rows(); ++r) {
                try {
                    acc.add(b.text(r, 0), b.matrix().data() + r * b.number_columns());
                } catch (const InputError& e) {
                    throw InputError(e.message(), b.file(r), b.line(r));
                }
            }
            return acc.take();
        },
        [&](bayes::NbStats&& part) {
            if (stats) bayes::merge_stats(*stats, part);
            else stats = std::move(part);
        });
    ctx.report_skipped(t);
    bayes::NbFit fit{stats ? std::move(*stats) : bayes::NbAccumulator(kind, names).take(), {o.alpha, o.var_smoothing}};
    return report(o, ctx, fit);
}

int run_nb_merge(const Options& o, cli::Context& ctx) {
    std::optional<bayes::NbFit> all;
    for (const auto& f : o.common.files) {
        bayes::NbFit next = bayes::fit_from_json(io::read_json_document(f), f);
        if (!all) {
            all = std::move(next);
            continue;
        }
        if (next.settings.alpha != all->settings.alpha || next.settings.var_smoothing != all->settings.var_smoothing)
            throw InputError("fitted with other smoothing than " + o.common.files.front(), f);
        try {
            bayes::merge_stats(all->stats, next.stats);
        } catch (const InputError& e) {
            throw InputError(e.message(), f);
        }
    }
    return report(o, ctx, *all);
}

int run_nb_predict(const Options& o, cli::Context& ctx) {
    refuse_with_explain(o);
    const bayes::NbFit fit = bayes::fit_from_json(io::read_json_document(o.model), o.model);
    const bayes::NbModel model = bayes::nb_model(fit.stats, fit.settings);
    io::TableReader t = ctx.open_table();
    std::vector<std::size_t> features;
    for (const auto& name : model.features) {
        auto it = std::find(t.names().begin(), t.names().end(), name);
        if (it == t.names().end())
            throw InputError("the model's feature \"" + name + "\" is not a column here (columns: " +
                                 io::list_columns(t.names()) + ")",
                             t.file());
        features.push_back(static_cast<std::size_t>(it - t.names().begin()));
    }
    t.select_numbers(features);
    if (o.common.explain) return explain_predict(model, t, features, ctx);
    std::vector<std::string> header{"predicted"};
    if (o.proba) header.insert(header.end(), model.classes.begin(), model.classes.end());
    auto table = ctx.table(header);
    io::RowBlock b;
    bool any = false;
    while (t.read_block(b)) {
        for (std::size_t r = 0; r < b.rows(); ++r) check_finite(model, b, r, features);
        const Eigen::MatrixXd jll = bayes::joint_log_likelihood(model, b.matrix());
        const auto predicted = bayes::predicted_classes(jll);
        Eigen::MatrixXd proba;
        if (o.proba) proba = bayes::posterior_probabilities(jll);
        for (std::size_t r = 0; r < b.rows(); ++r) {
            table.cell(model.classes[static_cast<std::size_t>(predicted[r])]);
            if (o.proba)
                for (Eigen::Index c = 0; c < proba.cols(); ++c) table.cell(proba(static_cast<Eigen::Index>(r), c));
            table.end_row();
        }
        any = true;
    }
    table.finish();
    if (!any) throw InputError("no data rows", t.file());
    ctx.report_skipped(t);
    return 0;
}

}  // namespace mlm::bayes_tool
