// mlm-kl P Q, mlm-kl -c p,q FILE and --rows: distributions given as weights.
#include "kl/kl_tool.hpp"

#include "error.hpp"
#include "info/divergence.hpp"
#include "info/entropy.hpp"
#include "info/matched_outcomes.hpp"
#include "io/columns.hpp"
#include "io/group_shards.hpp"
#include "io/groups.hpp"
#include "io/number.hpp"
#include "parallel_for.hpp"

#include <algorithm>
#include <cmath>
#include <exception>

namespace mlm::kl_tool {

namespace {

// The weights of one side of one group, with their outcome names when known.
struct Side {
    std::vector<std::string> names;
    std::vector<double> weights;
};

// One side per group, groups in order of first appearance.
struct SideSet {
    std::string name;  // the file, or the column in the one-file form
    std::vector<std::string> group_names;
    std::vector<std::vector<std::string>> keys;
    std::vector<Side> sides;
};

[[noreturn]] void bad_weight(const io::RowBlock& b, std::size_t r, std::size_t column, double w) {
    throw InputError("weights must be finite and >= 0, got " + io::format_number(w), b.file(r), b.line(r),
                     column + 1);
}

double checked(const io::RowBlock& b, std::size_t r, std::size_t j, std::size_t column) {
    double w = b.number(r, j);
    if (!(w >= 0) || std::isinf(w)) bad_weight(b, r, column, w);
    return w;
}

std::vector<std::size_t> without(std::vector<std::size_t> all, const std::vector<std::size_t>& drop) {
    std::erase_if(all, [&](std::size_t c) { return std::find(drop.begin(), drop.end(), c) != drop.end(); });
    return all;
}

// The columns that hold weights: -c, else every column that is not a label or group column.
std::vector<std::size_t> weight_columns(const Options& o, const io::TableReader& t,
                                        const std::vector<std::size_t>& other) {
    if (!o.common.columns.empty()) return io::resolve_columns(o.common.columns, t.names());
    std::vector<std::size_t> all(t.names().size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return without(all, other);
}

// Where the weights are in a table: the -g columns, the --labels column, and
// the weight columns (-c, else all the others).
struct Layout {
    std::vector<std::size_t> groups;
    std::optional<std::size_t> label;
    std::vector<std::size_t> weights;
};

Layout layout_of(const Options& o, cli::Context& ctx, const io::TableReader& t) {
    Layout l;
    l.groups = ctx.group_columns(t);
    if (!o.labels.empty()) l.label = io::resolve_column(o.labels, t.names());
    std::vector<std::size_t> other = l.groups;
    if (l.label) other.push_back(*l.label);
    l.weights = weight_columns(o, t, other);
    return l;
}

// Adds row r of `b` to its group `g` (of `index`) in each set: the weight
// of column j (`weights[j]` in the table) to set j.
void add_row(std::vector<SideSet>& sets, const io::GroupIndex& index, std::size_t g, const io::RowBlock& b,
             std::size_t r, const std::vector<std::size_t>& weights, bool label) {
    for (std::size_t j = 0; j < weights.size(); ++j) {
        if (g == sets[j].sides.size()) {
            sets[j].sides.emplace_back();
            sets[j].keys.push_back(index.values(g));
        }
        Side& s = sets[j].sides[g];
        s.weights.push_back(checked(b, r, j, weights[j]));
        if (label) s.names.emplace_back(b.text(r, 0));
    }
}

// -g on several threads (io/group_shards.hpp): each shard reads the rows of
// its groups into sets of its own; the groups then join `sets` in the order
// of their first rows, as one thread reading every row orders them.
void read_sharded(io::TableReader& t, const std::vector<std::size_t>& weights, bool label,
                  const std::vector<std::size_t>& keys, std::vector<SideSet>& sets) {
    struct Shard {
        io::GroupIndex index;
        std::vector<SideSet> sets;
    };
    std::vector<Shard> shards;
    for (std::size_t k = 0; k < t.threads(); ++k)
        shards.push_back({io::GroupIndex(keys), std::vector<SideSet>(weights.size())});
    io::FirstRows first(shards.size());
    io::visit_sharded(t, keys, shards.size(),
                      [&](std::size_t k, const io::RowBlock& b, std::size_t r, std::int64_t number,
                          std::uint64_t key) {
                          const std::size_t g = shards[k].index.id(b, r, key);
                          add_row(shards[k].sets, shards[k].index, g, b, r, weights, label);
                          first.note(k, g, number);
                      });
    for (const auto& [k, id] : first.order())
        for (std::size_t j = 0; j < sets.size(); ++j) {
            sets[j].sides.push_back(std::move(shards[k].sets[j].sides[id]));
            sets[j].keys.push_back(std::move(shards[k].sets[j].keys[id]));
        }
}

// Reads the given weight columns (one per side) with the label and group
// columns; one SideSet per weight column.
std::vector<SideSet> read_columns(io::TableReader& t, const std::vector<std::size_t>& weights,
                                  std::optional<std::size_t> label, const std::vector<std::size_t>& groups) {
    std::vector<io::ColumnRequest> req;
    for (auto c : weights) req.push_back({c, io::ColumnType::number});
    if (label) req.push_back({*label, io::ColumnType::text});
    std::vector<std::size_t> group_positions;
    for (auto g : groups) {
        group_positions.push_back(req.size() - weights.size());
        req.push_back({g, io::ColumnType::text});
    }
    t.select(req);
    std::vector<SideSet> sets(weights.size());
    if (groups.empty()) {
        io::GroupIndex index(group_positions);
        io::RowBlock b;
        while (t.read_block(b))
            for (std::size_t r = 0; r < b.rows(); ++r)
                add_row(sets, index, index.id(b, r), b, r, weights, label.has_value());
    } else {
        read_sharded(t, weights, label.has_value(), group_positions, sets);
    }
    if (sets.front().sides.empty()) throw InputError("no data rows", t.file());
    return sets;
}

// One file of the two-file form: one column of weights, or one row.
SideSet read_file(const Options& o, cli::Context& ctx, const std::string& path) {
    io::TableReader t = ctx.open_table({path});
    if (t.names().empty()) throw InputError("no data rows", path);
    auto [groups, label, cols] = layout_of(o, ctx, t);
    if (cols.empty()) throw InputError("no column of weights", path);
    if (cols.size() == 1) {
        SideSet s = std::move(read_columns(t, cols, label, groups).front());
        s.name = path;
        for (auto g : groups) s.group_names.push_back(t.names()[g]);
        ctx.report_skipped(t);
        return s;
    }
    if (label || !groups.empty())
        throw UsageError(path + ": with --labels or -g, give the one weight column with -c");
    t.select_numbers(cols);
    io::RowBlock b = t.read_all();
    if (b.rows() != 1)
        throw InputError(std::to_string(b.rows()) + " rows of " + std::to_string(cols.size()) +
                             " columns: a distribution is one column or one row (-c picks a column; "
                             "--rows compares row by row)",
                         path);
    SideSet s{path, {}, {{}}, {Side{}}};
    for (std::size_t j = 0; j < cols.size(); ++j) {
        s.sides[0].weights.push_back(checked(b, 0, j, cols[j]));
        if (t.has_header()) s.sides[0].names.push_back(t.names()[cols[j]]);
    }
    return s;
}

std::string group_label(const std::vector<std::string>& names, const std::vector<std::string>& key) {
    std::string s;
    for (std::size_t k = 0; k < key.size(); ++k) s += (k ? ", " : "") + names[k] + " = " + key[k];
    return s;
}

// `file` is where the side came from (a file or a column), `group` its -g group.
std::vector<double> normalized_side(const Options& o, const std::vector<double>& w, const std::string& file,
                                    const std::string& group) {
    try {
        return info::normalized(w, {o.smooth, o.reading()});
    } catch (const info::NotProbabilities& e) {
        refuse_weight_sum(e, file, 0, group);
    } catch (const InputError& e) {
        throw InputError((group.empty() ? "" : group + ": ") + e.message(), file);
    }
}

// One group's P and Q normalized and compared, before anything is printed;
// an error is kept, to be thrown in its turn.
struct Compared {
    std::vector<std::string> names;
    std::vector<double> pn, qn;
    Comparison c;
    std::exception_ptr error;
};

Compared compare_group(const Options& o, const SideSet& p, const Side& ps, const SideSet& q, const Side& qs,
                       const std::string& where) {
    Compared r;
    try {
        std::vector<double> pw, qw;
        if (!o.labels.empty()) {
            auto m = info::match_outcomes(ps.names, ps.weights, qs.names, qs.weights);
            r.names = std::move(m.names), pw = std::move(m.p), qw = std::move(m.q);
        } else {
            if (ps.weights.size() != qs.weights.size())
                throw InputError((where.empty() ? "" : where + ": ") + "P has " + std::to_string(ps.weights.size()) +
                                 " outcomes but Q has " + std::to_string(qs.weights.size()) +
                                 " (--labels COL matches outcomes by name)");
            r.names = ps.names, pw = ps.weights, qw = qs.weights;
        }
        r.pn = normalized_side(o, pw, p.name, where);
        r.qn = normalized_side(o, qw, q.name, where);
        r.c = compare(r.pn, r.qn, o.base());
    } catch (...) {
        r.error = std::current_exception();
    }
    return r;
}

// Compares the sides group by group and prints the results. The groups are
// compared on the --threads threads, then printed in order, each error in
// its turn, after the notes of the groups before it.
int compare_sets(const Options& o, cli::Context& ctx, const SideSet& p, const SideSet& q,
                 const std::vector<std::string>& group_names) {
    io::GroupIndex q_index(std::vector<std::size_t>{});
    for (const auto& k : q.keys) q_index.id(k);
    std::vector<std::size_t> q_of(p.sides.size());
    std::vector<std::string> where(p.sides.size());
    for (std::size_t g = 0; g < p.sides.size(); ++g) {
        q_of[g] = q_index.id(p.keys[g]);
        where[g] = group_label(group_names, p.keys[g]);
    }
    std::vector<Compared> compared(p.sides.size());
    parallel_for(p.sides.size(), cli::thread_count(ctx.options()), [&](std::size_t g) {
        if (q_of[g] < q.sides.size()) compared[g] = compare_group(o, p, p.sides[g], q, q.sides[q_of[g]], where[g]);
    });
    std::vector<Row> rows;
    for (std::size_t g = 0; g < p.sides.size(); ++g) {
        if (q_of[g] >= q.sides.size()) throw InputError("group " + where[g] + " has no rows in " + q.name);
        Compared& r = compared[g];
        if (r.error) std::rethrow_exception(r.error);
        if (o.common.explain) {
            if (g > 0) ctx.out() << "\n";  // a blank line between the groups' walkthroughs
            explain(o, ctx, where[g], r.names, r.pn, r.qn, r.c);
            continue;
        }
        note_infinities(o, ctx, r.c, r.pn, r.qn, r.names, where[g]);
        rows.push_back({p.keys[g], metric_values(o.metric, r.c), {{"outcomes", r.pn.size()}}});
    }
    io::GroupIndex p_index(std::vector<std::size_t>{});
    for (const auto& k : p.keys) p_index.id(k);
    for (const auto& k : q.keys)
        if (p_index.id(k) >= p.sides.size())
            throw InputError("group " + group_label(group_names, k) + " has no rows in " + p.name);
    if (o.common.explain) return 0;
    return print_rows(o, ctx, group_names, rows, conventions(o, p.name, q.name));
}

// --rows: row i of P against row i of Q.
int compare_rows(const Options& o, cli::Context& ctx) {
    const auto& files = o.common.files;
    if (files.size() != 2) throw UsageError("--rows compares two files P Q of the same shape");
    if (!o.common.group_by.empty() || !o.labels.empty())
        throw UsageError("--rows takes neither -g nor --labels: each column is an outcome");
    io::TableReader tp = ctx.open_table({files[0]}), tq = ctx.open_table({files[1]});
    auto cp = ctx.selected_columns(tp), cq = ctx.selected_columns(tq);
    tp.select_numbers(cp);
    tq.select_numbers(cq);
    io::RowBlock bp = tp.read_all(), bq = tq.read_all();
    if (bp.rows() == 0) throw InputError("no data rows", files[0]);
    if (bp.rows() != bq.rows() || cp.size() != cq.size())
        throw InputError("P is " + std::to_string(bp.rows()) + "x" + std::to_string(cp.size()) + " but Q is " +
                         std::to_string(bq.rows()) + "x" + std::to_string(cq.size()) + "; --rows needs one shape");
    std::vector<std::string> names;
    if (tp.has_header())
        for (auto c : cp) names.push_back(tp.names()[c]);
    double base = o.base();
    std::vector<Row> rows;
    std::vector<info::CompensatedSum> sums(metric_columns(o.metric).size());
    std::vector<double> p(cp.size()), q(cq.size());
    constexpr std::size_t explained_rows = 3;
    for (std::size_t r = 0; r < bp.rows(); ++r) {
        for (std::size_t j = 0; j < cp.size(); ++j) {
            p[j] = checked(bp, r, j, cp[j]);
            q[j] = checked(bq, r, j, cq[j]);
        }
        std::vector<double> pn, qn;
        try {
            pn = info::normalized(p, {o.smooth, o.reading()});
        } catch (const info::NotProbabilities& e) {
            refuse_weight_sum(e, bp.file(r), bp.line(r));
        } catch (const InputError& e) {
            throw InputError(e.message(), bp.file(r), bp.line(r));
        }
        try {
            qn = info::normalized(q, {o.smooth, o.reading()});
        } catch (const info::NotProbabilities& e) {
            refuse_weight_sum(e, bq.file(r), bq.line(r));
        } catch (const InputError& e) {
            throw InputError(e.message(), bq.file(r), bq.line(r));
        }
        Comparison c = compare(pn, qn, base);
        std::string where = "row " + std::to_string(r + 1);
        auto values = metric_values(o.metric, c);
        for (std::size_t j = 0; j < values.size(); ++j) sums[j].add(values[j]);
        if (o.common.explain) {
            if (r < explained_rows) {
                explain(o, ctx, "Row " + std::to_string(r + 1), names, pn, qn, c);
                ctx.out() << "\n";
            }
            continue;
        }
        note_infinities(o, ctx, c, pn, qn, names, where);
        rows.push_back({{}, values, {}});
    }
    if (o.common.explain) {
        if (bp.rows() > explained_rows)
            ctx.out() << "... and " << bp.rows() - explained_rows
                      << (bp.rows() == explained_rows + 1 ? " more row.\n" : " more rows.\n");
        if (o.mean) {
            auto columns = metric_columns(o.metric);
            ctx.out() << "\n--mean over the " << bp.rows() << " rows:";
            for (std::size_t j = 0; j < columns.size(); ++j)
                ctx.out() << (j ? ", " : " ") << columns[j] << " = "
                          << io::format_number(sums[j].value() / static_cast<double>(bp.rows()));
            ctx.out() << "\n";
        }
        return 0;
    }
    ctx.report_skipped(tp);
    ctx.report_skipped(tq);
    auto conv = conventions(o, files[0], files[1]);
    conv["rows"] = bp.rows();
    if (o.mean) {
        Row mean;
        for (auto& s : sums) {
            double v = s.value();
            mean.values.push_back(std::isfinite(v) ? v / static_cast<double>(rows.size()) : v);
        }
        conv["mean_over_rows"] = true;
        return print_rows(o, ctx, {}, {mean}, conv);
    }
    return print_rows(o, ctx, {}, rows, conv, true);
}

}  // namespace

int run_weights(const Options& o, cli::Context& ctx) {
    if (o.rows) return compare_rows(o, ctx);
    if (o.mean) throw UsageError("--mean goes with --rows");
    const auto& files = o.common.files;
    if (files.size() == 2) {
        SideSet p = read_file(o, ctx, files[0]);
        SideSet q = read_file(o, ctx, files[1]);
        return compare_sets(o, ctx, p, q, p.group_names);
    }
    if (files.size() > 2) throw UsageError("give two files P Q, or one file with -c p,q");
    // One file: two columns, P and Q.
    io::TableReader t = ctx.open_table();
    auto [groups, label, cols] = layout_of(o, ctx, t);
    if (cols.size() != 2)
        throw UsageError("one input needs two columns of weights, P and Q (-c p,q); it has " +
                         std::to_string(cols.size()));
    auto sets = read_columns(t, cols, label, groups);
    sets[0].name = t.names()[cols[0]];
    sets[1].name = t.names()[cols[1]];
    ctx.report_skipped(t);
    std::vector<std::string> group_names;
    for (auto g : groups) group_names.push_back(t.names()[g]);
    return compare_sets(o, ctx, sets[0], sets[1], group_names);
}

}  // namespace mlm::kl_tool
