// mlm-kl samples A B: two samples of raw observations, counted on shared bins
// (numbers) or by value (categories), then compared; --partial and merge spread
// the counting over shards.
#include "kl/kl_tool.hpp"

#include "cli/range_argument.hpp"
#include "error.hpp"
#include "info/divergence.hpp"
#include "info/frequency.hpp"
#include "info/histogram.hpp"
#include "info/matched_outcomes.hpp"
#include "io/columns.hpp"
#include "io/group_shards.hpp"
#include "io/groups.hpp"
#include "io/json_rows.hpp"
#include "io/number.hpp"
#include "io/table_writer.hpp"
#include "parallel_for.hpp"

#include <cmath>
#include <exception>
#include <future>
#include <iostream>
#include <limits>
#include <span>
#include <algorithm>

namespace mlm::kl_tool {

namespace {

enum class Kind { undecided, numeric, categorical };

// A sample's values in pieces as they were read (a chunk's each without -g),
// taken in order and never joined into one copy: the histogram functions
// take them as they are (info::Pieces).
struct Sample {
    std::vector<std::vector<double>> pieces;

    void push_back(double x) {
        if (pieces.empty()) pieces.emplace_back();
        pieces.back().push_back(x);
    }
    // Adds the values of the rows after these.
    void append(Sample&& later) {
        for (auto& p : later.pieces) pieces.push_back(std::move(p));
    }
    std::size_t size() const {
        std::size_t n = 0;
        for (const auto& p : pieces) n += p.size();
        return n;
    }
    std::vector<std::span<const double>> spans() const { return {pieces.begin(), pieces.end()}; }
};

// What one group of rows holds of both samples: values until bins are known,
// or counts in fixed bins, or counts per category.
struct GroupData {
    Sample values[2];
    info::BinCounts binned[2];
    info::Frequencies frequencies[2];
};

struct Samples {
    Kind kind = Kind::undecided;
    std::optional<info::Bins> fixed;  // --bins N --range lo,hi: counted while reading
    std::vector<std::string> group_names;
    io::GroupIndex groups{{}};
    std::vector<GroupData> data;
    std::string names[2] = {"A", "B"};
    std::size_t threads = 1;  // --threads, for the binning after the reading too

    GroupData& group(std::size_t id) {
        while (data.size() <= id) {
            data.emplace_back();
            if (fixed)
                for (auto& b : data.back().binned) b = info::empty_counts(*fixed);
        }
        return data[id];
    }
};

std::optional<std::pair<double, double>> parsed_range(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return cli::parse_range(text, "--range");
}

std::optional<info::Bins> fixed_bins(const Options& o) {
    auto range = parsed_range(o.range);
    if (!range) return std::nullopt;
    if (o.quantile_bins) throw UsageError("--range fixes equal-width bins; it does not go with --quantile-bins");
    if (o.bins == "auto") throw UsageError("--range needs --bins N");
    return info::equal_width_bins(range->first, range->second, std::stoul(o.bins));
}

[[noreturn]] void unbinnable(const io::RowBlock& b, std::size_t r, std::size_t column, double x) {
    throw InputError("a sample value must be a finite number to be binned, got " + io::format_number(x) +
                         " (--categorical compares values as text)",
                     b.file(r), b.line(r), column + 1);
}

void add_number(const std::optional<info::Bins>& fixed, GroupData& g, int side, double x) {
    if (fixed) {
        std::span<const double> one(&x, 1);
        info::count_into(*fixed, one, g.binned[side]);
    } else {
        g.values[side].push_back(x);
    }
}

// One row's sample values (`columns`, the j-th of them counted on side
// `sides[j]`) into its group's data.
void add_row(Kind kind, const std::optional<info::Bins>& fixed, GroupData& g, const io::RowBlock& b, std::size_t r,
             const std::vector<std::size_t>& columns, const std::vector<int>& sides) {
    for (std::size_t j = 0; j < columns.size(); ++j) {
        if (kind == Kind::categorical) {
            g.frequencies[sides[j]].add(b.text(r, j));
            continue;
        }
        double x = b.number(r, j);
        if (!std::isfinite(x)) unbinnable(b, r, columns[j], x);
        add_number(fixed, g, sides[j], x);
    }
}

// Adds `from`, which holds the rows after those of `to`, to `to`.
void append(GroupData& to, GroupData&& from, bool fixed) {
    for (int side : {0, 1}) {
        to.values[side].append(std::move(from.values[side]));
        if (fixed) to.binned[side].add(from.binned[side]);
        to.frequencies[side].merge(from.frequencies[side]);
    }
}

// With -g, raw values (no fixed bins) in one vector per group and side, the
// vectors side by side: a row's value is then one small load away from its
// place, not behind its group's whole GroupData (cold, with 10,000 groups).
// Each group's vectors join its sample as one piece each at the end.
struct GatheredValues {
    std::vector<std::vector<double>> by_group_side;  // [group * 2 + side]

    // Row r's values into group `id`; the same checks as add_row.
    void add(std::size_t id, const io::RowBlock& b, std::size_t r, const std::vector<std::size_t>& columns,
             const std::vector<int>& sides) {
        if (by_group_side.size() <= 2 * id) by_group_side.resize(2 * id + 2);
        for (std::size_t j = 0; j < columns.size(); ++j) {
            const double x = b.number(r, j);
            if (!std::isfinite(x)) unbinnable(b, r, columns[j], x);
            by_group_side[2 * id + static_cast<std::size_t>(sides[j])].push_back(x);
        }
    }
    // Group id's values after those `to` holds.
    void move_into(GroupData& to, std::size_t id) {
        if (by_group_side.size() <= 2 * id) return;
        for (std::size_t side : {0u, 1u})
            if (auto& v = by_group_side[2 * id + side]; !v.empty()) to.values[side].pieces.push_back(std::move(v));
    }
};

// -g on the --threads threads, one included (io/group_shards.hpp): each shard
// gathers the rows of its groups into data of its own, then the groups join
// `s` in the order of their first rows, after the rows `s` holds already:
// what one thread reading every row gives. The rows read.
std::size_t read_sharded(io::TableReader& t, const std::vector<std::size_t>& columns, const std::vector<int>& sides,
                         const std::vector<std::size_t>& keys, Samples& s) {
    std::vector<Samples> shards(t.threads());
    for (auto& shard : shards) {
        shard.kind = s.kind;
        shard.fixed = s.fixed;
        shard.groups = io::GroupIndex(keys);
    }
    io::FirstRows first(shards.size());
    const bool raw = s.kind == Kind::numeric && !s.fixed;
    std::vector<GatheredValues> gathered(shards.size());
    const auto rows = io::visit_sharded(
        t, keys, shards.size(),
        [&](std::size_t k, const io::RowBlock& b, std::size_t r, std::int64_t number, std::uint64_t key) {
            const std::size_t id = shards[k].groups.id(b, r, key);
            first.note(k, id, number);
            if (raw) gathered[k].add(id, b, r, columns, sides);
            else add_row(s.kind, s.fixed, shards[k].group(id), b, r, columns, sides);
        });
    for (const auto& [k, id] : first.order()) {
        GroupData& to = s.group(s.groups.id(shards[k].groups.values(id)));
        if (raw) gathered[k].move_into(to, id);
        else append(to, std::move(shards[k].data[id]), s.fixed.has_value());
    }
    return static_cast<std::size_t>(rows);
}

// One chunk's rows of the samples, without groups.
struct ChunkSamples {
    std::size_t rows = 0;
    GroupData data;
};

// Without groups, each chunk's values (or counts) are gathered on the thread
// that parsed it and added to the one group in input order: the chunks' values
// are kept as the pieces they came in (moved, never copied). The rows read.
std::size_t read_ungrouped(io::TableReader& t, const std::vector<std::size_t>& columns, const std::vector<int>& sides,
                           Samples& s) {
    const bool categorical = s.kind == Kind::categorical;
    const std::optional<info::Bins>& fixed = s.fixed;
    std::size_t n = 0;
    io::map_chunks(
        t,
        [&](const io::RowBlock& b) {
            ChunkSamples part;
            part.rows = b.rows();
            if (fixed)
                for (auto& c : part.data.binned) c = info::empty_counts(*fixed);
            else if (!categorical)
                for (int side : {0, 1})
                    part.data.values[side].pieces.emplace_back().reserve(
                        b.rows() * static_cast<std::size_t>(std::count(sides.begin(), sides.end(), side)));
            for (std::size_t r = 0; r < b.rows(); ++r)
                for (std::size_t j = 0; j < columns.size(); ++j) {
                    if (categorical) {
                        part.data.frequencies[sides[j]].add(b.text(r, j));
                        continue;
                    }
                    double x = b.number(r, j);
                    if (!std::isfinite(x)) unbinnable(b, r, columns[j], x);
                    add_number(fixed, part.data, sides[j], x);
                }
            return part;
        },
        [&](ChunkSamples&& part) {
            if (part.rows == 0) return;  // every row skipped
            n += part.rows;
            GroupData& g = s.group(s.groups.id(std::vector<std::string>{}));
            for (int side : {0, 1}) {
                g.values[side].append(std::move(part.data.values[side]));
                if (fixed) g.binned[side].add(part.data.binned[side]);
                g.frequencies[side].merge(part.data.frequencies[side]);
            }
        });
    return n;
}

// Reads the sample columns of one table: `sides[j]` says which sample the j-th
// of `columns` belongs to. The first row decides whether the samples are
// numbers (binned) or categories, unless --categorical said so.
void read_samples(const Options& o, cli::Context& ctx, io::TableReader& t, const std::vector<std::size_t>& columns,
                  const std::vector<int>& sides, Samples& s) {
    s.threads = t.threads();
    auto groups = ctx.group_columns(t);
    if (s.group_names.empty())
        for (auto g : groups) s.group_names.push_back(t.names()[g]);
    auto request = [&](io::ColumnType type) {
        std::vector<io::ColumnRequest> req;
        for (auto c : columns) req.push_back({c, type});
        for (auto g : groups) req.push_back({g, io::ColumnType::text});
        t.select(req);
    };
    if (s.kind == Kind::undecided) s.kind = o.categorical ? Kind::categorical : Kind::undecided;
    // Group keys are text columns after the sample columns, which are text
    // too unless they hold numbers; the index is built once that is known.
    std::vector<std::size_t> keys;
    auto index_groups = [&] {
        keys.clear();
        std::size_t first = s.kind == Kind::numeric ? 0 : columns.size();
        for (std::size_t k = 0; k < groups.size(); ++k) keys.push_back(first + k);
        if (!groups.empty() && s.groups.empty()) s.groups = io::GroupIndex(keys);
    };
    io::RowBlock b;
    std::size_t n = 0;
    if (s.kind == Kind::undecided) {
        request(io::ColumnType::text);
        if (!t.read_block(b, 1)) throw InputError("no data rows", t.file());
        bool numbers = true;
        for (std::size_t j = 0; j < columns.size(); ++j) numbers = numbers && io::is_number(b.text(0, j));
        s.kind = numbers ? Kind::numeric : Kind::categorical;
        index_groups();
        // the first row, read as text, counted here
        std::size_t id = 0;
        if (groups.empty()) {
            id = s.groups.id(b, 0);
        } else {
            std::vector<std::string> key;
            for (std::size_t k = 0; k < groups.size(); ++k) key.emplace_back(b.text(0, columns.size() + k));
            id = s.groups.id(key);
        }
        GroupData& g = s.group(id);
        for (std::size_t j = 0; j < columns.size(); ++j) {
            if (s.kind == Kind::categorical) {
                g.frequencies[sides[j]].add(b.text(0, j));
            } else {
                double x = 0;
                io::parse_number(b.text(0, j), x);
                if (!std::isfinite(x)) unbinnable(b, 0, columns[j], x);
                add_number(s.fixed, g, sides[j], x);
            }
        }
        ++n;
    }
    index_groups();
    request(s.kind == Kind::numeric ? io::ColumnType::number : io::ColumnType::text);
    if (groups.empty()) n += read_ungrouped(t, columns, sides, s);
    if (!groups.empty()) n += read_sharded(t, columns, sides, keys, s);
    if (n == 0) throw InputError("no data rows", t.file());
}

// The column of a sample in a file of its own: -c, else its only column besides -g.
std::size_t sample_column(const Options& o, cli::Context& ctx, const io::TableReader& t) {
    if (!o.common.columns.empty()) return io::resolve_column(o.common.columns, t.names());
    auto groups = ctx.group_columns(t);
    std::vector<std::size_t> rest;
    for (std::size_t i = 0; i < t.names().size(); ++i)
        if (std::find(groups.begin(), groups.end(), i) == groups.end()) rest.push_back(i);
    if (rest.size() != 1)
        throw UsageError(t.file() + " has " + std::to_string(rest.size()) + " columns: name the sample with -c (" +
                         io::list_columns(t.names()) + ")");
    return rest[0];
}

// One file's sample, read into a Samples of its own so that the two files can
// be read at once, on two cores.
struct SideRead {
    Samples samples;
    io::TableReader table;
};

SideRead read_side(const Options& o, cli::Context& ctx, const std::string& path, int side) {
    SideRead r{{}, ctx.open_table({path})};
    r.samples.fixed = fixed_bins(o);
    if (o.categorical) r.samples.fixed.reset();
    read_samples(o, ctx, r.table, {sample_column(o, ctx, r.table)}, {side}, r.samples);
    return r;
}

// Moves B's groups into A's, matched by their key.
void add_side_b(Samples& a, Samples& b) {
    if (a.kind != b.kind)
        throw InputError(std::string("sample A holds ") + (a.kind == Kind::numeric ? "numbers" : "text") +
                         " but sample B holds " + (b.kind == Kind::numeric ? "numbers" : "text") +
                         " (their first rows decide; --categorical compares both as text)");
    for (std::size_t g = 0; g < b.data.size(); ++g) {
        // without -g, the index keeps its one group apart from keyed lookups
        GroupData& to = a.group(a.group_names.empty() ? 0 : a.groups.id(b.groups.values(g)));
        GroupData& from = b.data[g];
        to.values[1] = std::move(from.values[1]);
        to.binned[1] = std::move(from.binned[1]);
        to.frequencies[1] = std::move(from.frequencies[1]);
    }
}

Samples read_all_samples(const Options& o, cli::Context& ctx) {
    const auto& files = o.common.files;
    if (files.size() == 2) {
        if (files[0] == "-" && files[1] == "-") throw UsageError("A and B cannot both be standard input");
        auto future_b = std::async(std::launch::async, [&] { return read_side(o, ctx, files[1], 1); });
        SideRead a = read_side(o, ctx, files[0], 0);
        SideRead b = future_b.get();
        add_side_b(a.samples, b.samples);
        ctx.report_skipped(a.table);
        ctx.report_skipped(b.table);
        a.samples.names[0] = files[0];
        a.samples.names[1] = files[1];
        return std::move(a.samples);
    }
    if (files.size() > 2) throw UsageError("samples compares two files A B, or two columns of one file (-c a,b)");
    Samples s;
    s.fixed = fixed_bins(o);
    if (o.categorical) s.fixed.reset();
    io::TableReader t = ctx.open_table();
    if (o.common.columns.empty()) throw UsageError("samples needs two files A B, or one file with -c a,b");
    auto cols = io::resolve_columns(o.common.columns, t.names());
    if (cols.size() != 2) throw UsageError("with one input, -c names the two sample columns a,b");
    s.names[0] = t.names()[cols[0]];
    s.names[1] = t.names()[cols[1]];
    read_samples(o, ctx, t, cols, {0, 1}, s);
    ctx.report_skipped(t);
    return s;
}

// The bins of one group: fixed, or decided from its data now.
info::Bins bins_of(const Options& o, const Samples& s, const GroupData& g) {
    if (s.fixed) return *s.fixed;
    if (o.quantile_bins) return info::quantile_bins(g.values[0].spans(), o.quantile_bins, s.threads);
    if (o.bins == "auto") return info::freedman_diaconis_bins(g.values[0].spans(), g.values[1].spans(), s.threads);
    double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
    for (const auto& sample : g.values)
        for (const auto& piece : sample.pieces)
            for (double x : piece) lo = std::min(lo, x), hi = std::max(hi, x);
    if (lo > hi) throw InputError("no values to bin");
    return info::equal_width_bins(lo, hi, std::stoul(o.bins));
}

std::string method_of(const Options& o, const Samples& s) {
    if (s.kind == Kind::categorical) return "categorical";
    if (o.quantile_bins) return "quantile";
    if (o.bins == "auto") return "auto";
    return "equal";
}

std::string bin_name(const info::Bins& bins, std::size_t i) {
    bool last = i + 1 == bins.size();
    std::string lo = bins.open_ends && i == 0 ? "-inf" : io::format_number(bins.edges[i], 6);
    std::string hi = bins.open_ends && last ? "inf" : io::format_number(bins.edges[i + 1], 6);
    return "[" + lo + ", " + hi + (last && !bins.open_ends ? "]" : ")");
}

std::string group_label(const Samples& s, std::size_t g) {
    std::string out;
    const auto& key = s.groups.values(g);
    for (std::size_t k = 0; k < key.size(); ++k) out += (k ? ", " : "") + s.group_names[k] + " = " + key[k];
    return out;
}

// The counts of one group on one list of outcomes, with what --to json shows of them.
struct GroupCounts {
    std::vector<std::string> outcomes;
    std::vector<double> a, b;
    nlohmann::json bins = nlohmann::json::object();
    double outside[2] = {0, 0};
};

// `describe`: with what --to json shows of the bins (c.bins).
GroupCounts counts_of(const Options& o, const Samples& s, const GroupData& g, bool describe) {
    GroupCounts c;
    if (s.kind == Kind::categorical) {
        auto m = info::match_outcomes(g.frequencies[0].values(), g.frequencies[0].counts(),
                                      g.frequencies[1].values(), g.frequencies[1].counts());
        c.outcomes = std::move(m.names), c.a = std::move(m.p), c.b = std::move(m.q);
        if (describe) c.bins = {{"method", "categorical"}, {"count", c.outcomes.size()}, {"outcomes", c.outcomes}};
        return c;
    }
    info::Bins bins = bins_of(o, s, g);
    info::BinCounts counts[2];
    if (s.fixed) {
        counts[0] = g.binned[0], counts[1] = g.binned[1];
    } else {
        counts[0] = info::bin_counts(bins, g.values[0].spans(), s.threads);
        counts[1] = info::bin_counts(bins, g.values[1].spans(), s.threads);
    }
    for (std::size_t i = 0; i < bins.size(); ++i) c.outcomes.push_back(bin_name(bins, i));
    c.a = counts[0].counts, c.b = counts[1].counts;
    for (int side = 0; side < 2; ++side) c.outside[side] = counts[side].below + counts[side].above;
    if (!describe) return c;
    std::string from = s.fixed ? "--range" : o.quantile_bins ? "quantiles of A" : "pooled range of A and B";
    nlohmann::json edges = nlohmann::json::array();
    for (double e : bins.edges) edges.push_back(e);
    c.bins = {{"method", method_of(o, s)}, {"count", bins.size()}, {"edges", edges},
              {"open_ends", bins.open_ends}, {"from", from},
              {"interval", "[lo, hi), the last bin closed"}};
    if (o.quantile_bins)
        c.bins["ties"] = "equal quantiles collapse into one edge";
    return c;
}

nlohmann::json counts_json(const std::vector<double>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (double x : v) a.push_back(x);
    return a;
}

int print_partial(const Options& o, cli::Context& ctx, const Samples& s) {
    if (s.kind == Kind::numeric && !s.fixed)
        throw UsageError("--partial needs bins that do not depend on the data: --bins N --range LO,HI, or "
                         "--categorical");
    nlohmann::json doc = {{"tool", "mlm-kl"}, {"partial", "samples"},
                          {"kind", s.kind == Kind::categorical ? "categorical" : "bins"},
                          {"group_by", s.group_names}};
    if (s.fixed) doc["edges"] = counts_json(s.fixed->edges);
    doc["groups"] = nlohmann::json::array();
    for (std::size_t g = 0; g < s.data.size(); ++g) {
        const GroupData& d = s.data[g];
        nlohmann::json item = {{"key", s.groups.values(g)}};
        for (int side = 0; side < 2; ++side) {
            std::string tag = side ? "b" : "a";
            if (s.kind == Kind::categorical) {
                item["outcomes_" + tag] = d.frequencies[side].values();
                item["counts_" + tag] = counts_json(d.frequencies[side].counts());
            } else {
                item["counts_" + tag] = counts_json(d.binned[side].counts);
                item["below_" + tag] = d.binned[side].below;
                item["above_" + tag] = d.binned[side].above;
            }
        }
        doc["groups"].push_back(item);
    }
    (void)o;
    io::write_json(ctx.out(), doc, 0);  // exact digits: merge compares the edges
    return 0;
}

// What one group gives before anything is printed: its counts, then P and Q
// and their comparison. An error is kept at its stage and thrown in its turn,
// after the notes of the groups before it, as a loop over the groups would.
struct Prepared {
    std::string where;
    GroupCounts counts;
    std::exception_ptr counts_error;  // deciding the bins or counting
    std::vector<double> p, q;
    Comparison cmp;
    std::exception_ptr compare_error;  // a sample with no values
};

Prepared prepare(const Options& o, const Samples& s, std::size_t g, bool describe) {
    Prepared r;
    r.where = group_label(s, g);
    const std::string prefix = r.where.empty() ? "" : r.where + ": ";
    try {
        r.counts = counts_of(o, s, s.data[g], describe);
    } catch (const InputError& e) {
        r.counts_error = std::make_exception_ptr(InputError(prefix + e.message()));
        return r;
    } catch (...) {  // a usage error (too many bins), thrown as it is
        r.counts_error = std::current_exception();
        return r;
    }
    // P or Q from one side's counts; false (the error kept) when the side has no values.
    auto normalized = [&](int side, const std::vector<double>& counts, std::vector<double>& out) {
        try {
            out = info::normalized(counts, {o.smooth, info::WeightReading::divide_by_sum});
            return true;
        } catch (const InputError&) {
            r.compare_error = std::make_exception_ptr(
                InputError(prefix + "sample " + (side ? "B (" : "A (") + s.names[side] + ") has no values" +
                           (s.kind == Kind::numeric ? " in the bins" : "")));
            return false;
        }
    };
    if (!normalized(0, r.counts.a, r.p) || !normalized(1, r.counts.b, r.q)) return r;
    r.cmp = compare(r.p, r.q, o.base());
    return r;
}

int compare_samples(const Options& o, cli::Context& ctx, const Samples& s) {
    if (s.data.empty()) throw InputError("no data rows");
    // The groups are independent: prepared on the threads (one group alone
    // shares its binning out instead), then printed in order on this one.
    std::vector<Prepared> prepared(s.data.size());
    parallel_for(s.data.size(), s.threads, [&](std::size_t g) { prepared[g] = prepare(o, s, g, ctx.json()); });
    std::vector<Row> rows;
    auto conv = conventions(o, s.names[0], s.names[1]);
    conv["samples"] = {{"p", "A = " + s.names[0]}, {"q", "B = " + s.names[1]}};
    bool single = s.group_names.empty();
    for (std::size_t g = 0; g < s.data.size(); ++g) {
        Prepared& r = prepared[g];
        if (r.counts_error) std::rethrow_exception(r.counts_error);
        const GroupCounts& c = r.counts;
        const std::string prefix = r.where.empty() ? "" : r.where + ": ";
        for (int side = 0; side < 2; ++side)
            if (c.outside[side] > 0)
                ctx.note(prefix + io::format_number(c.outside[side]) + " values of " + s.names[side] +
                         " fall outside the --range bins and were not counted");
        if (r.compare_error) std::rethrow_exception(r.compare_error);
        if (o.common.explain) {
            if (g > 0) ctx.out() << "\n";  // a blank line between the groups' walkthroughs
            explain(o, ctx, r.where, c.outcomes, r.p, r.q, r.cmp);
            continue;
        }
        note_infinities(o, ctx, r.cmp, r.p, r.q, c.outcomes, r.where);
        nlohmann::json details = nlohmann::json::object();
        if (ctx.json()) {  // CSV and TSV print none of it: 10,000 groups built it for nothing
            details = {{"bins", c.bins}, {"counts_p", counts_json(c.a)}, {"counts_q", counts_json(c.b)}};
            if (single) {
                for (auto& [k, v] : details.items()) conv[k] = v;
                details = nlohmann::json::object();
            }
        }
        rows.push_back({s.groups.values(g), metric_values(o.metric, r.cmp), details});
    }
    if (o.common.explain) return 0;
    return print_rows(o, ctx, s.group_names, rows, conv);
}

nlohmann::json read_partial(const std::string& path) {
    nlohmann::json doc = io::read_json_document(path);
    try {
        if (!doc.is_object() || doc.value("tool", "") != "mlm-kl" || doc.value("partial", "") != "samples")
            throw InputError("not a partial result of mlm-kl samples --partial", path);
    } catch (const nlohmann::json::exception&) {  // "tool" or "partial" not a string
        throw InputError("not a partial result of mlm-kl samples --partial", path);
    }
    return doc;
}

}  // namespace

int run_samples(const Options& o, cli::Context& ctx) {
    if (o.quantile_bins && o.bins != "auto") throw UsageError("give --bins or --quantile-bins, not both");
    if (o.partial && o.common.explain) throw UsageError("--partial prints counts; --explain goes with merge");
    Samples s = read_all_samples(o, ctx);
    if (o.partial) return print_partial(o, ctx, s);
    return compare_samples(o, ctx, s);
}

int run_merge(const Options& o, cli::Context& ctx) {
    const auto& files = o.common.files;
    if (files.empty()) throw UsageError("merge needs the files written by samples --partial");
    Samples s;
    std::string first_kind;
    for (const auto& path : files) {
        auto doc = read_partial(path);
        try {
            std::string kind = doc.at("kind");
            auto group_by = doc.at("group_by").get<std::vector<std::string>>();
            if (first_kind.empty()) {
                first_kind = kind;
                s.kind = kind == "categorical" ? Kind::categorical : Kind::numeric;
                s.group_names = group_by;
                if (kind == "bins") {
                    info::Bins bins;
                    bins.edges = doc.at("edges").get<std::vector<double>>();
                    bins.uniform = true;
                    if (bins.edges.size() < 2) throw InputError("fewer than 2 bin edges", path);
                    s.fixed = bins;
                }
            } else if (kind != first_kind) {
                throw InputError("counts " + kind + " cannot merge with counts " + first_kind + " of " + files[0], path);
            } else if (group_by != s.group_names) {
                throw InputError("grouped by other columns than " + files[0], path);
            } else if (kind == "bins" && doc.at("edges").get<std::vector<double>>() != s.fixed->edges) {
                throw InputError("its bin edges differ from those of " + files[0], path);
            }
            for (const auto& item : doc.at("groups")) {
                auto key = item.at("key").get<std::vector<std::string>>();
                if (key.size() != s.group_names.size()) throw InputError("a group key of the wrong size", path);
                GroupData& g = s.group(s.groups.id(key));
                for (int side = 0; side < 2; ++side) {
                    std::string tag = side ? "b" : "a";
                    auto counts = item.at("counts_" + tag).get<std::vector<double>>();
                    for (double c : counts)
                        if (!(c >= 0) || !std::isfinite(c)) throw InputError("a count that is not >= 0", path);
                    if (s.kind == Kind::categorical) {
                        auto values = item.at("outcomes_" + tag).get<std::vector<std::string>>();
                        if (values.size() != counts.size()) throw InputError("outcomes and counts differ in length", path);
                        for (std::size_t i = 0; i < values.size(); ++i) g.frequencies[side].add(values[i], counts[i]);
                    } else {
                        if (counts.size() != s.fixed->size()) throw InputError("counts and bins differ in length", path);
                        info::BinCounts bc{counts, item.value("below_" + tag, 0.0), item.value("above_" + tag, 0.0)};
                        g.binned[side].add(bc);
                    }
                }
            }
        } catch (const nlohmann::json::exception& e) {
            throw InputError("malformed partial result: " + std::string(e.what()), path);
        }
    }
    s.names[0] = "A (merged)";
    s.names[1] = "B (merged)";
    return compare_samples(o, ctx, s);
}

}  // namespace mlm::kl_tool
