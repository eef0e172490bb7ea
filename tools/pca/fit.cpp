// mlm-pca [FILE]: fit, then print scores or a report. The cov route streams:
// pass 1 accumulates moments in row blocks, pass 2 (scores only) reads the
// file again and projects block by block, so memory never grows with rows.
#include "error.hpp"
#include "linalg/partial.hpp"
#include "pca/pca_tool.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace mlm::pca_tool {
namespace {

using RowMatrix = io::RowMatrix;

// Rows read and rate on stderr, once a second, when stderr is a terminal.
class Progress {
public:
    explicit Progress(const Options& o)
        : on_(!o.common.quiet && isatty(2)), start_(std::chrono::steady_clock::now()), last_(start_) {}
    void rows(std::int64_t n) {
        if (!on_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::seconds(1)) return;
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        std::fprintf(stderr, "\rmlm-pca: %lld rows, %.0f rows/s ", static_cast<long long>(n),
                     static_cast<double>(n) / seconds);
        shown_ = true;
    }
    ~Progress() {
        if (shown_) std::fputc('\n', stderr);
    }

private:
    bool on_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

bool reads_stdin(const Options& o) {
    if (o.common.files.empty()) return true;
    for (const auto& f : o.common.files)
        if (f == "-") return true;
    return false;
}

// Pass 1 of the streaming route. While the rows are no more than the columns
// they are also kept, so that `auto` can fit them exactly by SVD.
struct Streamed {
    linalg::Moments moments;
    RowMatrix head;
};

Streamed stream_moments(const Options& o, io::TableReader& table, std::size_t d, bool keep_head) {
    Streamed s{linalg::Moments(static_cast<Eigen::Index>(d)), RowMatrix(0, static_cast<Eigen::Index>(d))};
    Progress progress(o);
    io::RowBlock block;
    while (table.read_block(block)) {
        s.moments.add_block(block.matrix());
        if (keep_head && s.moments.count() <= static_cast<std::int64_t>(d)) {
            s.head.conservativeResize(s.moments.count(), Eigen::NoChange);
            s.head.bottomRows(static_cast<Eigen::Index>(block.rows())) = block.matrix();
        } else if (s.head.rows() > 0) {
            s.head.resize(0, static_cast<Eigen::Index>(d));
        }
        progress.rows(s.moments.count());
    }
    return s;
}

int finish_fit(const Options& o, cli::Context& ctx, const linalg::PcaModel& model) {
    if (!o.save_model.empty()) save_model(o.save_model, model);
    for (const auto& name : model.dropped) ctx.note("dropped constant column \"" + name + "\"");
    return 0;
}

// Fit and scores from rows held in memory (svd, randomized, or standard input).
int fit_in_memory(const Options& o, cli::Context& ctx, io::TableReader& table, const Selection& sel) {
    const io::RowBlock all = table.read_all();
    ctx.report_skipped(table);
    const Eigen::MatrixXd x = all.matrix();
    const linalg::PcaModel model = linalg::fit_rows(x, sel.feature_names, o.settings());
    if (o.common.explain) {
        linalg::Partial data{sel.feature_names, linalg::Moments(x.cols())};
        data.moments.add_block(x);
        print_explanation(o, ctx, data, model);
        return finish_fit(o, ctx, model);
    }
    if (o.emitted() != "scores") {
        print_report(o, ctx, model);
        return finish_fit(o, ctx, model);
    }
    nlohmann::json details;
    if (ctx.json()) details = details_json(o, model);
    RowWriter out(ctx, sel.keep_names, component_names(model.kept()), ctx.json() ? &details : nullptr);
    out.write(all, linalg::transform(model, model_columns(model, sel, x)));
    out.finish();
    if (ctx.json()) ctx.print_json(details);
    return finish_fit(o, ctx, model);
}

// Pass 2: the file again, projected block by block.
void write_scores(const Options& o, cli::Context& ctx, const linalg::PcaModel& model) {
    io::TableReader table = ctx.open_table();
    const Selection sel = select_by_name(o, table, model.features);
    nlohmann::json details;
    if (ctx.json()) details = details_json(o, model);
    RowWriter out(ctx, sel.keep_names, component_names(model.kept()), ctx.json() ? &details : nullptr);
    io::RowBlock block;
    while (table.read_block(block)) out.write(block, linalg::transform(model, block.matrix()));
    out.finish();
    if (ctx.json()) ctx.print_json(details);
}

}  // namespace

int run_fit(const Options& o, cli::Context& ctx) {
    const linalg::PcaSettings settings = o.settings();
    io::TableReader table = ctx.open_table();
    const Selection sel = select_for_fit(o, ctx, table);
    const bool scores = o.emitted() == "scores" && !o.common.explain && !o.partial;
    const bool in_memory = settings.method == linalg::PcaMethod::svd ||
                           settings.method == linalg::PcaMethod::randomized ||
                           (scores && reads_stdin(o));
    if (in_memory && !o.partial) return fit_in_memory(o, ctx, table, sel);

    const bool automatic = settings.method == linalg::PcaMethod::automatic;
    Streamed s = stream_moments(o, table, sel.features.size(), automatic && !o.partial);
    ctx.report_skipped(table);
    if (o.partial) {
        io::write_json(ctx.out(), linalg::partial_json({sel.feature_names, s.moments}));
        return 0;
    }
    const linalg::PcaModel model = s.head.rows() > 0
        ? linalg::fit_rows(Eigen::MatrixXd(s.head), sel.feature_names, settings)
        : linalg::fit_moments(s.moments, sel.feature_names, settings);
    if (o.common.explain) print_explanation(o, ctx, {sel.feature_names, s.moments}, model);
    else if (scores) write_scores(o, ctx, model);
    else print_report(o, ctx, model);
    return finish_fit(o, ctx, model);
}

}  // namespace mlm::pca_tool
