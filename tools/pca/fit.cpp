// mlm-pca [FILE]: fit, then print scores or a report. Pass 1 streams the rows
// in blocks into moments; which rows are also held in memory depends on the
// route and the input:
//   - cov (rows outnumber columns), scores of a regular file: the rows are
//     held while they fit the budget (hold_budget) and projected from memory,
//     parsed once; beyond it they are let go, and pass 2 reads the file again
//     (checked unchanged) to project block by block;
//   - cov, any other output of a regular file: nothing held;
//   - an input that cannot be read twice (standard input, a FIFO, <(...)):
//     the rows are held once, 8 bytes a number, and projected from memory;
//   - svd and randomized (wide data): the rows are held, then factorized in
//     place: O(n d) memory, never a d x d matrix.
#include "error.hpp"
#include "linalg/partial.hpp"
#include "pca/pca_tool.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

namespace mlm::pca_tool {
namespace {

// What identifies a file's contents cheaply: a second pass over a file whose
// stamp changed would project rows the fit never saw.
struct Stamp {
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    timespec modified{};
    bool operator==(const Stamp& o) const {
        return device == o.device && inode == o.inode && size == o.size &&
               modified.tv_sec == o.modified.tv_sec && modified.tv_nsec == o.modified.tv_nsec;
    }
};

// The stamps of the inputs, or nothing when one of them cannot be read twice
// (standard input, a pipe, a FIFO, a process substitution, a terminal).
std::optional<std::vector<Stamp>> stamps(const Options& o) {
    std::vector<std::string> files = o.common.files;
    if (files.empty()) files.push_back("-");
    std::vector<Stamp> out;
    for (const auto& f : files) {
        struct stat st {};
        const int rc = f == "-" ? ::fstat(0, &st) : ::stat(f.c_str(), &st);
        if (rc != 0 || !S_ISREG(st.st_mode) || f == "-") return std::nullopt;
        out.push_back({st.st_dev, st.st_ino, st.st_size, st.st_mtim});
    }
    return out;
}

// Bytes of rows (numbers and --keep cells) held for the scores of a regular
// file, so that it is parsed once: MLM_PCA_HOLD_MB mebibytes (0: always read
// it twice), else 512 MiB, a fifth of a small machine's memory. Parsing again
// costs about 0.3 s of CPU per 100 MB of numbers held (2M x 10: 160 MB).
std::size_t hold_budget() {
    const char* env = std::getenv("MLM_PCA_HOLD_MB");
    if (!env || !*env) return std::size_t{512} << 20;
    char* end = nullptr;
    const double mib = std::strtod(env, &end);
    if (*end != 0 || !(mib >= 0) || mib > 1e9)
        throw UsageError("MLM_PCA_HOLD_MB: expected a number of mebibytes from 0 to 1e9, got \"" +
                         std::string(env) + "\"");
    return static_cast<std::size_t>(mib * 1048576.0);
}

// Columns up to which full co-moments are always kept: cheap, and what
// --explain prints for up to 8 columns.
constexpr std::size_t small_width = 64;

struct Pass1 {
    linalg::Moments moments;
    std::optional<HeldRows> held;
};

// Widths up to which a parsing thread computes a chunk's full co-moments when
// the automatic route may need them: 8 MB a chunk in flight. Wider, the main
// thread computes them (the same bits: a chunk's own moments, then a merge).
constexpr Eigen::Index worker_full_width = 1024;

// What a chunk gives the fit: its rows (shared with the reader, not copied),
// for the rows held, and their moments when the parsing thread computed them.
struct ChunkMoments {
    io::RowBlock rows;
    std::optional<linalg::Moments> moments;
};

// `hold` is how many bytes of rows to hold for the scores: 0 for none, the
// largest size_t when the input cannot be read again.
//
// Each chunk's moments are computed on the thread that parsed it and merged
// here in input order, so the result does not depend on the number of
// threads, and the fit is the one --emit summary makes. Rows held for the
// scores are held in those chunks and projected chunk by chunk, as a second
// read of the file projects them: the same rows in each product, so the same
// bits whether they were held or read again.
Pass1 first_pass(const Options& o, io::TableReader& table, const Selection& sel, std::size_t hold) {
    const linalg::PcaMethod method = linalg::method_from_name(o.method);
    const auto d = static_cast<Eigen::Index>(sel.features.size());
    const bool in_memory = method == linalg::PcaMethod::svd || method == linalg::PcaMethod::randomized;
    const bool automatic = method == linalg::PcaMethod::automatic;
    const bool full = method == linalg::PcaMethod::cov || o.partial ||
                      static_cast<std::size_t>(d) <= small_width;
    Pass1 p{full ? linalg::Moments(d) : linalg::Moments::diagonal(d), std::nullopt};
    // auto holds rows while they are no more than the columns: the exact SVD route.
    if (!o.partial && (hold > 0 || in_memory || automatic)) p.held.emplace(d, sel.keep.size());
    // Folds one chunk in: its own moments, then a merge, with `own` those
    // moments when its parsing thread computed them already.
    auto absorb = [&](const io::RowBlock& block, const linalg::Moments* own) {
        const auto m = static_cast<std::int64_t>(block.rows());
        if (automatic && p.held && p.moments.count() + m > d) {
            // The rows now outnumber the columns: the cov route, which needs the
            // co-moments of the rows held so far, and no longer the rows.
            if (!p.moments.full()) {
                linalg::Moments all(d);
                p.held->visit([&](std::int64_t, const auto& chunk) { all.add_block(chunk); });
                p.moments = std::move(all);
            }
            if (hold == 0) p.held.reset();
        }
        if (own && own->full() == p.moments.full()) {
            p.moments.merge(*own);
        } else {
            linalg::Moments kind = p.moments.full() ? linalg::Moments(d) : linalg::Moments::diagonal(d);
            kind.add_block(block.matrix());
            p.moments.merge(kind);
        }
        if (!p.held) return;
        p.held->add(block);
        // Past the budget, rows held only for the scores are let go: pass 2 reads them again.
        const bool factorized = in_memory || (automatic && p.moments.count() <= d);
        if (!factorized && p.held->bytes() > hold) p.held.reset();
    };
    // Set once the automatic route needs full co-moments: from then on the
    // parsing threads compute them. Which thread computes a chunk's moments
    // does not change their bits.
    std::atomic<bool> went_full{full};
    io::map_chunks(
        table,
        [&](const io::RowBlock& b) {
            ChunkMoments part{b, std::nullopt};
            const bool whole = full || (went_full.load(std::memory_order_relaxed) && d <= worker_full_width);
            if (whole || !automatic) {
                part.moments.emplace(whole ? linalg::Moments(d) : linalg::Moments::diagonal(d));
                part.moments->add_block(b.matrix());
            }
            return part;
        },
        [&](ChunkMoments&& part) {
            absorb(part.rows, part.moments ? &*part.moments : nullptr);
            if (p.moments.full()) went_full.store(true, std::memory_order_relaxed);
        });
    return p;
}

// Saves the model first, so that a bad --save-model path fails before any output.
void fitted(const Options& o, const cli::Context& ctx, const linalg::PcaModel& model) {
    if (!o.save_model.empty()) save_model(o.save_model, model);
    for (const auto& name : model.dropped) ctx.note("dropped constant column \"" + name + "\"");
    if (linalg::approximate(model.method))
        ctx.note("randomized SVD: the components and variances are approximate (--method svd is exact)");
}

}  // namespace

int run_fit(const Options& o, cli::Context& ctx) {
    const linalg::PcaSettings settings = o.settings();
    io::TableReader table = ctx.open_table();
    const Selection sel = select_for_fit(o, ctx, table);
    const std::size_t d = sel.features.size();
    const bool scores = o.emitted() == "scores" && !o.common.explain && !o.partial;
    if (o.partial && d > max_partial_columns)
        throw UsageError("--partial prints the " + std::to_string(d) + " x " + std::to_string(d) +
                         " co-moment matrix (" + std::to_string(d * d * 8 / 1000000) +
                         " MB as doubles); at most " + std::to_string(max_partial_columns) +
                         " columns: choose fewer with -c");
    const std::optional<std::vector<Stamp>> before = stamps(o);
    const std::size_t hold = !scores ? 0 : before ? hold_budget() : std::numeric_limits<std::size_t>::max();
    Pass1 p = first_pass(o, table, sel, hold);
    ctx.report_skipped(table);
    if (o.partial) {
        io::write_json(ctx.out(), linalg::partial_json({sel.feature_names, p.moments}));
        return 0;
    }
    const std::int64_t n = p.moments.count();
    if (n == 0) throw InputError("no data rows", table.file());
    if (n < 2) throw InputError("PCA needs at least 2 rows, got 1", table.file());

    const linalg::PcaMethod route =
        linalg::choose_method(n, static_cast<Eigen::Index>(d), settings);
    linalg::PcaModel model;
    Eigen::MatrixXd held_scores;  // the in-place routes' scores of the held rows
    try {
        if (route == linalg::PcaMethod::cov) {
            model = linalg::fit_moments(p.moments, sel.feature_names, settings);
        } else {
            Doubles numbers = p.held->take_numbers();
            Eigen::Map<Eigen::MatrixXd> transposed(numbers.data(), static_cast<Eigen::Index>(d), n);
            linalg::RowsFit fit = linalg::fit_in_place(transposed, p.moments, sel.feature_names, settings);
            model = std::move(fit.model);
            held_scores = std::move(fit.scores);
        }
    } catch (const InputError& e) {
        // The data's faults (a constant or non-finite column) name the input.
        if (!e.file().empty()) throw;
        throw InputError(e.message(), table.file());
    }
    fitted(o, ctx, model);
    note_scale(ctx, model, p.moments, sel.feature_names);
    if (o.common.explain) {
        print_explanation(o, ctx, {sel.feature_names, std::move(p.moments)}, model);
        return 0;
    }
    if (!scores) {
        print_report(o, ctx, model);
        return 0;
    }

    nlohmann::json details;
    if (ctx.json()) details = details_json(o, model);
    RowWriter out(ctx, sel.keep_names, component_names(model.kept()), ctx.json() ? &details : nullptr);
    if (route != linalg::PcaMethod::cov) {
        out.write(*p.held, 0, std::move(held_scores));
    } else if (p.held) {
        HeldRows& held = *p.held;
        held.drain([&](std::int64_t first, const auto& chunk) {
            out.write(held, first, linalg::transform(model, chunk));
        });
    } else {
        // Pass 2: the file again, projected block by block, if it is the file the fit read.
        if (stamps(o) != before)
            throw IoError(table.file() + ": the input changed after the fit read it; "
                          "its scores would belong to another fit (read it from a copy)");
        io::TableReader again = ctx.open_table();
        select_by_name(o, again, model.features);  // asks the reader for the model's columns
        const std::int64_t seen = write_projected(
            again, out, [&](const io::RowBlock& b) { return linalg::transform(model, b.matrix()); }, n);
        if (seen != n || stamps(o) != before)
            throw IoError(again.file() + ": the input changed while it was read twice (" +
                          std::to_string(n) + " rows fitted, " + (seen > n ? "more" : std::to_string(seen)) +
                          " on the second pass)");
    }
    out.finish();
    if (ctx.json()) ctx.print_json(details);
    return 0;
}

}  // namespace mlm::pca_tool
