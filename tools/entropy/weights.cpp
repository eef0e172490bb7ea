// mlm-entropy [FILE]: each selected column (or, with --rows, each row) is a
// distribution of non-negative weights. One pass: H = ln S - (sum w ln w)/S.
#include "entropy/entropy_tool.hpp"
#include "entropy/explain.hpp"
#include "error.hpp"
#include "info/entropy.hpp"
#include "info/x_log_x.hpp"
#include "io/group_shards.hpp"
#include "io/groups.hpp"
#include "io/number.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <span>
#include <stdexcept>

namespace mlm::entropy_tool {

namespace {

constexpr std::size_t explain_terms = 20;

// One column of one group, accumulated in one pass. Kept small (48 bytes),
// as -g with many groups adds each row to a group's sums at random.
struct WeightSums {
    info::CompensatedSum sum, w_log_w;  // S and sum w ln w
    std::size_t outcomes = 0, nonzero = 0;

    // Adds w to S and counts it; its term w ln w is the caller's to add
    // (GroupSums gathers them, to take their logs a batch at a time).
    void count(double w) {
        sum.add(w);
        nonzero += w > 0;
        ++outcomes;
    }

    // Column j of a block whose weights are already checked: the same sums as
    // add() row by row, but each block's terms summed pairwise (vectorized)
    // before the compensated sum takes the block total; the row-wise
    // compensated adds cost as much as parsing the numbers. `w` and `w_log`
    // are scratch.
    void add_column(const io::RowBlock& b, std::size_t j, std::vector<double>& w, std::vector<double>& w_log) {
        std::size_t rows = b.rows();
        w.resize(rows);
        w_log.resize(rows);
        std::size_t nz = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            double x = b.number(r, j);
            w[r] = x;
            nz += x > 0;
        }
        info::x_log_x(w, w_log);
        sum.add(info::pairwise_sum(w));
        w_log_w.add(info::pairwise_sum(w_log));
        nonzero += nz;
        outcomes += rows;
    }

    // Adds the sums of the rows that follow these (a later chunk's).
    void merge(const WeightSums& later) {
        sum.merge(later.sum);
        w_log_w.merge(later.w_log_w);
        outcomes += later.outcomes;
        nonzero += later.nonzero;
    }
};

// The sums of each column in each group, in one array, group after group;
// with --explain, the first explain_terms weights of each too (a group's
// column has min(outcomes, explain_terms) of them).
//
// Weights added one at a time (-g) have their terms w ln w taken a batch at
// a time (x_log_x four lanes at once, as for whole columns: one at a time it
// was a third of the work) and added in the order the weights came, so each
// sum has the bits of adding them one by one. flush() adds the last batch.
struct GroupSums {
    io::GroupIndex groups;
    std::size_t columns;
    bool keep_heads;
    std::vector<WeightSums> sums;  // [group * columns + column]
    std::vector<double> heads;     // [(group * columns + column) * explain_terms + i]
    // The positive weights whose terms are not added yet, and their sums.
    std::vector<double> pending, pending_terms;
    std::vector<std::size_t> pending_at;
    static constexpr std::size_t batch = 1024;

    GroupSums(io::GroupIndex index, std::size_t column_count, bool with_heads)
        : groups(std::move(index)), columns(column_count), keep_heads(with_heads) {}

    std::size_t size() const { return sums.size() / columns; }
    const WeightSums& at(std::size_t g, std::size_t j) const { return sums[g * columns + j]; }
    std::span<const double> head(std::size_t g, std::size_t j) const {
        if (!keep_heads) return {};
        return {heads.data() + (g * columns + j) * explain_terms, std::min(at(g, j).outcomes, explain_terms)};
    }

    void add_group() {
        sums.resize(sums.size() + columns);
        if (keep_heads) heads.resize(sums.size() * explain_terms);
    }
    // Weight w of group g, column j.
    void add(std::size_t g, std::size_t j, double w) {
        const std::size_t at = g * columns + j;
        WeightSums& s = sums[at];
        if (keep_heads && s.outcomes < explain_terms) heads[at * explain_terms + s.outcomes] = w;
        s.count(w);
        if (w > 0) {
            pending.push_back(w);
            pending_at.push_back(at);
            if (pending.size() == batch) flush();
        }
    }
    // Adds the terms of the weights added since the last flush.
    void flush() {
        pending_terms.resize(pending.size());
        info::x_log_x(pending, pending_terms);
        for (std::size_t i = 0; i < pending.size(); ++i) sums[pending_at[i]].w_log_w.add(pending_terms[i]);
        pending.clear();
        pending_at.clear();
    }
    // Appends group g of `other` (flushed) as this one's next group.
    void take_group(const GroupSums& other, std::size_t g) {
        if (!other.pending.empty()) throw std::logic_error("GroupSums::take_group: terms not flushed");
        add_group();
        const std::size_t to = sums.size() - columns;
        std::copy_n(other.sums.data() + g * columns, columns, sums.data() + to);
        if (keep_heads)
            std::copy_n(other.heads.data() + g * columns * explain_terms, columns * explain_terms,
                        heads.data() + to * explain_terms);
    }

    // The rows of a block without -g, whose first `columns` number columns
    // are the weights: each column's terms summed at once. (With -g, see
    // sums_by_shard.)
    void add(const io::RowBlock& b) {
        if (b.rows() == 0) return;
        groups.id(b, 0);
        if (sums.empty()) add_group();
        std::vector<double> scratch_w, scratch_w_log;
        for (std::size_t j = 0; j < columns; ++j) {
            for (std::size_t r = 0; r < b.rows() && keep_heads && sums[j].outcomes + r < explain_terms; ++r)
                heads[j * explain_terms + sums[j].outcomes + r] = b.number(r, j);
            sums[j].add_column(b, j, scratch_w, scratch_w_log);
        }
    }

    // Adds the sums of the rows after these, group by group.
    void merge(const GroupSums& later) {
        for (std::size_t g = 0; g < later.size(); ++g) {
            std::size_t id = groups.id(later.groups.values(g));
            if (id == size()) add_group();
            for (std::size_t j = 0; j < columns; ++j) {
                const std::size_t have = std::min(at(id, j).outcomes, explain_terms);
                const std::span<const double> more = later.head(g, j);
                for (std::size_t i = 0; i < more.size() && have + i < explain_terms; ++i)
                    heads[(id * columns + j) * explain_terms + have + i] = more[i];
                sums[id * columns + j].merge(later.at(g, j));
            }
        }
    }
};

[[noreturn]] void bad_weight(const io::RowBlock& b, std::size_t r, std::size_t column, double w) {
    throw InputError("weights must be finite and >= 0, got " + io::format_number(w), b.file(r), b.line(r),
                     column + 1);
}

// Throws for the first weight of the block, in row order, that is negative,
// infinite or nan; the first `cols.size()` number columns are the weights.
void check_weights(const io::RowBlock& b, const std::vector<std::size_t>& cols) {
    for (std::size_t r = 0; r < b.rows(); ++r)
        for (std::size_t j = 0; j < cols.size(); ++j) {
            double w = b.number(r, j);
            if (!(w >= 0) || std::isinf(w)) bad_weight(b, r, cols[j], w);
        }
}

// Without -g: each chunk's sums on the thread that parsed it, merged in input
// order.
GroupSums sums_by_chunk(io::TableReader& table, const std::vector<std::size_t>& cols, bool keep_heads) {
    GroupSums all(io::GroupIndex({}), cols.size(), keep_heads);
    io::map_chunks(
        table,
        [&](const io::RowBlock& b) {
            check_weights(b, cols);
            GroupSums part(io::GroupIndex({}), cols.size(), keep_heads);
            part.add(b);
            return part;
        },
        [&](GroupSums&& part) { all.merge(part); });
    return all;
}

// -g: the groups split among the threads (io/group_shards.hpp), each group's
// weights added row by row in input order, so that any number of threads
// gives the same sums (per-chunk sums of thousands of groups would cost more
// to merge than to add); the groups then in the order of their first rows.
GroupSums sums_by_shard(io::TableReader& table, const std::vector<std::size_t>& cols,
                        const std::vector<std::size_t>& group_positions, bool keep_heads) {
    std::vector<GroupSums> shards;
    for (std::size_t k = 0; k < table.threads(); ++k)
        shards.emplace_back(io::GroupIndex(group_positions), cols.size(), keep_heads);
    io::FirstRows first(shards.size());
    io::visit_sharded(table, group_positions, shards.size(),
                      [&](std::size_t k, const io::RowBlock& b, std::size_t r, std::int64_t number,
                          std::uint64_t key) {
                          for (std::size_t j = 0; j < cols.size(); ++j) {
                              const double w = b.number(r, j);
                              if (!(w >= 0) || std::isinf(w)) bad_weight(b, r, cols[j], w);
                          }
                          GroupSums& own = shards[k];
                          const std::size_t g = own.groups.id(b, r, key);
                          if (first.note(k, g, number)) own.add_group();
                          for (std::size_t j = 0; j < cols.size(); ++j) own.add(g, j, b.number(r, j));
                      });
    for (GroupSums& shard : shards) shard.flush();
    GroupSums all(io::GroupIndex(group_positions), cols.size(), keep_heads);
    for (const auto& [k, id] : first.order()) {
        all.groups.id(shards[k].groups.values(id));
        all.take_group(shards[k], id);
    }
    return all;
}

// `where` names the column (and group) in messages.
double entropy_of(const WeightSums& s, const std::string& where, const Options& o) {
    double total = s.sum.value();
    if (total == 0) throw InputError(where + ": all weights are zero, no distribution");
    if (!std::isfinite(total)) throw InputError(where + ": the weights sum to infinity");
    try {
        if (!o.normalize) info::check_probability_sum(total);
    } catch (const info::NotProbabilities& e) {
        refuse_weight_sum(e, where);
    }
    // One outcome is certain: 0 exactly, not ln w - (w ln w) / w, whose two
    // logs (glibc's and x_log_x's) may differ in their last bit.
    if (s.nonzero == 1) return 0.0;
    double nats = std::log(total) - s.w_log_w.value() / total;
    return std::max(0.0, nats / std::log(o.base()));
}

// --rows --explain walks through the first rows, one distribution each.
constexpr std::size_t explained_rows = 3;

void explain_row(const Options& o, cli::Context& ctx, const std::string& title,
                 const std::vector<std::string>& labels, const std::vector<double>& row, double h) {
    std::size_t width = row.size();
    double sum = mlm::compensated_sum(row);
    std::vector<double> p;
    for (std::size_t j = 0; j < std::min(width, explain_terms); ++j) p.push_back(row[j] / sum);
    std::string notes = o.normalize ? "The row was divided by its sum, " + io::format_number(sum) + " (--normalize).\n"
                                    : "";
    explain_entropy(ctx.out(), title, labels, p, width, h, o.base(),
                    notes + perplexity_note(o.perplexity, h, o.base()));
    ctx.out() << "\n";
}

int per_row(const Options& o, cli::Context& ctx, io::TableReader& table, const std::vector<std::size_t>& cols) {
    if (!o.common.group_by.empty()) throw UsageError("-g does not apply to --rows");
    table.select_numbers(cols);
    std::vector<std::string> labels;  // the outcomes of a row: the columns, when named
    if (table.has_header())
        for (auto c : cols) labels.push_back(table.names()[c]);
    io::Output discarded = io::Output::memory();  // --explain: no table
    cli::Context quiet(ctx.tool(), ctx.options(), discarded, ctx.err());
    auto out = (o.common.explain ? quiet : ctx).table({o.perplexity ? "perplexity" : "entropy"});
    io::RowBlock b;
    std::vector<double> row(cols.size());
    std::size_t n = 0;
    int status = 0;
    while (table.read_block(b)) {
        for (std::size_t r = 0; r < b.rows(); ++r, ++n) {
            for (std::size_t j = 0; j < cols.size(); ++j) {
                row[j] = b.number(r, j);
                if (!(row[j] >= 0) || std::isinf(row[j])) bad_weight(b, r, cols[j], row[j]);
            }
            double h;
            try {
                h = info::entropy(row, o.base(), o.reading());
            } catch (const info::NotProbabilities& e) {
                refuse_weight_sum(e, "", b.file(r), b.line(r));
            } catch (const InputError& e) {
                throw InputError(e.message(), b.file(r), b.line(r));
            }
            if (o.common.explain) {
                if (n < explained_rows) explain_row(o, ctx, "Row " + std::to_string(n + 1), labels, row, h);
                continue;
            }
            out.cell(reported(o, h)).end_row();
            status |= ctx.check(reported(o, h), "entropy of row " + std::to_string(n + 1));
        }
    }
    if (n == 0) throw InputError("no data rows", table.file());
    if (o.common.explain) {
        if (n > explained_rows)
            ctx.out() << "... and " << n - explained_rows << (n == explained_rows + 1 ? " more row.\n" : " more rows.\n");
        return 0;
    }
    out.finish();
    ctx.report_skipped(table);
    return status;
}

}  // namespace

int run_weights(const Options& o, cli::Context& ctx) {
    io::TableReader table = ctx.open_table();
    auto cols = ctx.selected_columns(table);
    if (o.rows) return per_row(o, ctx, table, cols);
    auto group_cols = ctx.group_columns(table);
    std::vector<io::ColumnRequest> requests;
    for (auto c : cols) requests.push_back({c, io::ColumnType::number});
    std::vector<std::size_t> group_positions;
    for (auto g : group_cols) {
        group_positions.push_back(group_positions.size());
        requests.push_back({g, io::ColumnType::text});
    }
    table.select(requests);

    const bool keep_heads = o.common.explain;
    const GroupSums all = group_cols.empty() ? sums_by_chunk(table, cols, keep_heads)
                                             : sums_by_shard(table, cols, group_positions, keep_heads);
    const io::GroupIndex& groups = all.groups;
    if (all.size() == 0) throw InputError("no data rows", table.file());
    ctx.report_skipped(table);

    cli::ResultLayout layout;
    for (auto g : group_cols) layout.group_names.push_back(table.names()[g]);
    if (cols.size() > 1) layout.item_name = "column";
    layout.value_name = o.perplexity ? "perplexity" : "entropy";
    layout.conventions = conventions(o);
    layout.conventions["normalization"] = normalization(o);
    std::vector<cli::Result> results;
    for (std::size_t g = 0; g < all.size(); ++g) {
        for (std::size_t j = 0; j < cols.size(); ++j) {
            const std::string& name = table.names()[cols[j]];
            const WeightSums& s = all.at(g, j);
            std::string where = "column '" + name + "'";
            for (std::size_t k = 0; k < group_cols.size(); ++k)
                where += ", " + layout.group_names[k] + " = " + groups.values(g)[k];
            double h = entropy_of(s, where, o);
            if (o.common.explain) {
                if (g > 0 || j > 0) ctx.out() << "\n";  // a blank line between walkthroughs
                std::vector<double> p;
                for (double w : all.head(g, j)) p.push_back(w / s.sum.value());
                std::string title = "Column " + name;
                for (std::size_t k = 0; k < group_cols.size(); ++k)
                    title += ", " + layout.group_names[k] + " = " + groups.values(g)[k];
                std::string notes = o.normalize ? "The weights were divided by their sum, " +
                                                      io::format_number(s.sum.value()) + " (--normalize).\n"
                                                : "The weights sum to 1 (within 1e-6), as probabilities must.\n";
                explain_entropy(ctx.out(), title, {}, p, s.outcomes, h, o.base(),
                                notes + perplexity_note(o.perplexity, h, o.base()));
                continue;
            }
            double max_h = info::log_in_base(static_cast<double>(s.outcomes), o.base());
            nlohmann::json details = nlohmann::json::object();
            if (ctx.json()) {  // CSV and TSV print none of it
                details = {{"n", s.outcomes}, {"distinct", s.nonzero}, {"weight_sum", s.sum.value()},
                           {"max_entropy", max_h}, {"normalized", max_h > 0 ? h / max_h : 0.0}};
                if (o.perplexity) details["entropy"] = h;
            }
            results.push_back({groups.values(g), cols.size() > 1 ? name : "", reported(o, h), details});
        }
    }
    if (o.common.explain) return 0;
    return cli::print_results(ctx, layout, results);
}

}  // namespace mlm::entropy_tool
