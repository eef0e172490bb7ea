// values, cond, mi and bytes: count in one pass (memory bounded by the number
// of distinct values), then print the entropies or, with --partial, the counts.
#include "entropy/count_state.hpp"
#include "error.hpp"
#include "io/columns.hpp"
#include "io/group_shards.hpp"
#include "io/json_rows.hpp"
#include "io/raw_bytes.hpp"

#include <nlohmann/json.hpp>

namespace mlm::entropy_tool {

void CountState::ensure(std::size_t g) {
    if (form == "values" && values.size() <= g) values.resize(g + 1);
    if ((form == "cond" || form == "mi") && tables.size() <= g) tables.resize(g + 1);
    if (form == "bytes" && bytes.size() <= g) bytes.resize(g + 1, std::array<double, 256>{});
}

namespace {

std::vector<std::string> names_of(const io::TableReader& t, const std::vector<std::size_t>& cols) {
    std::vector<std::string> out;
    for (auto c : cols) out.push_back(t.names()[c]);
    return out;
}

// The joint value of text columns [first, first+count) of a row.
std::string_view joint(const io::RowBlock& b, std::size_t r, std::size_t first, std::size_t count,
                       std::string& scratch) {
    if (count == 1) return b.text(r, first);
    scratch.clear();
    for (std::size_t j = 0; j < count; ++j) {
        if (j) scratch.push_back(joint_separator);
        scratch.append(b.text(r, first + j));
    }
    return scratch;
}

// Counts one row at a time into a group of a CountState: `a` columns come
// first in a block, then `b` columns.
class RowCounter {
public:
    RowCounter(std::size_t a, std::size_t b, const std::string& form) : a_(a), b_(b), values_(form == "values") {}
    void add(const io::RowBlock& block, std::size_t r, CountState& s, std::size_t id) {
        const std::string_view va = joint(block, r, 0, a_, sa_);
        if (values_) s.values[id].add(va);
        else s.tables[id].add(va, joint(block, r, a_, b_, sb_));
    }

private:
    std::size_t a_, b_;
    bool values_;  // decided once, not per row
    std::string sa_, sb_;
};

// The rows of a block counted into `s` (whose groups index the block's rows).
void count_block(const io::RowBlock& block, std::size_t a, std::size_t b, CountState& s) {
    RowCounter counter(a, b, s.form);
    const bool grouped = !s.groups.empty();
    std::size_t slots = s.group_count();
    for (std::size_t r = 0; r < block.rows(); ++r) {
        std::size_t id = grouped || slots == 0 ? s.groups.id(block, r) : 0;
        if (id >= slots) {
            s.ensure(id);
            slots = id + 1;
        }
        counter.add(block, r, s, id);
    }
}

// -g on several threads (io/group_shards.hpp): each shard counts the rows of
// its groups into a state of its own; the groups are then moved into `s` in
// the order of their first rows, the order one thread counting them gives.
void count_sharded(io::TableReader& table, std::size_t a, std::size_t b,
                   const std::vector<std::size_t>& group_positions, CountState& s) {
    struct Shard {
        CountState state;
        RowCounter counter;
    };
    std::vector<Shard> shards;
    for (std::size_t k = 0; k < table.threads(); ++k) {
        shards.push_back({CountState{}, RowCounter(a, b, s.form)});
        shards.back().state.form = s.form;
        shards.back().state.groups = io::GroupIndex(group_positions);
    }
    io::FirstRows first(shards.size());
    io::visit_sharded(table, group_positions, shards.size(),
                      [&](std::size_t k, const io::RowBlock& block, std::size_t r, std::int64_t number,
                          std::uint64_t key) {
                          Shard& shard = shards[k];
                          const std::size_t id = shard.state.groups.id(block, r, key);
                          if (first.note(k, id, number)) shard.state.ensure(id);
                          shard.counter.add(block, r, shard.state, id);
                      });
    for (const auto& [k, id] : first.order()) {
        CountState& from = shards[k].state;
        const std::size_t g = s.groups.id(from.groups.values(id));
        s.ensure(g);
        if (s.form == "values") s.values[g] = std::move(from.values[id]);
        else s.tables[g] = std::move(from.tables[id]);
    }
}

// `s` += the counts of the rows after its own: groups and values new in
// `later` come after those of `s`, so first-seen order is kept.
void merge_counts(CountState& s, const CountState& later) {
    for (std::size_t g = 0; g < later.group_count(); ++g) {
        std::size_t id = s.groups.id(later.groups.values(g));
        s.ensure(id);
        if (s.form == "values") s.values[id].merge(later.values[g]);
        else s.tables[id].merge(later.tables[g]);
    }
}

void count_table(const Options& o, cli::Context& ctx, CountState& s) {
    io::TableReader table = ctx.open_table();
    std::vector<std::size_t> a, b;
    if (o.common.columns.empty()) {
        if (table.names().size() != 1 || s.form != "values")
            throw UsageError(s.form + " needs -c to name the column" + (s.form == "mi" ? "s A,B" : ""));
        a = {0};
    } else {
        a = io::resolve_columns(o.common.columns, table.names());
    }
    if (s.form == "mi") {
        if (a.size() != 2) throw UsageError("mi needs exactly two columns: -c A,B");
        b = {a[1]};
        a = {a[0]};
    } else if (s.form == "cond") {
        b = io::resolve_columns(o.given, table.names());
    }
    auto g = ctx.group_columns(table);
    s.columns = names_of(table, a);
    s.given = names_of(table, b);
    s.group_by = names_of(table, g);

    std::vector<io::ColumnRequest> requests;
    for (auto list : {&a, &b, &g})
        for (auto c : *list) requests.push_back({c, io::ColumnType::text});
    table.select(requests);
    std::vector<std::size_t> group_positions;
    for (std::size_t k = 0; k < g.size(); ++k) group_positions.push_back(a.size() + b.size() + k);
    s.groups = io::GroupIndex(group_positions);

    if (!s.groups.empty()) {
        // Per chunk, every group's counts would be built twice (in the chunk,
        // then merged): with thousands of groups that costs more than it saves.
        if (table.threads() > 1) {
            count_sharded(table, a.size(), b.size(), group_positions, s);
        } else {
            io::RowBlock block;
            while (table.read_block(block)) count_block(block, a.size(), b.size(), s);
        }
        ctx.report_skipped(table);
        return;
    }
    // Without groups, each chunk counted on the thread that parsed it, merged
    // in input order (values new in a chunk come after those seen before).
    io::map_chunks(
        table,
        [&](const io::RowBlock& block) {
            CountState part;
            part.form = s.form;
            part.groups = io::GroupIndex(group_positions);
            count_block(block, a.size(), b.size(), part);
            return part;
        },
        [&](CountState&& part) { merge_counts(s, part); });
    ctx.report_skipped(table);
}

void count_bytes(const Options& o, CountState& s) {
    std::vector<std::string> files = o.common.files;
    if (files.empty()) files.push_back("-");
    s.ensure(s.groups.id(std::vector<std::string>{}));
    auto& counts = s.bytes[0];
    std::array<std::uint64_t, 256> n{};
    for (const auto& f : files)
        io::for_each_chunk(f, [&](std::string_view chunk) {
            for (unsigned char c : chunk) ++n[c];
        });
    for (std::size_t i = 0; i < 256; ++i) counts[i] = static_cast<double>(n[i]);
}

}  // namespace

int run_counts(const Options& o, cli::Context& ctx) {
    CountState s;
    s.form = o.common.command;
    if (s.form == "bytes") count_bytes(o, s);
    else count_table(o, ctx, s);
    if (o.partial) {
        io::write_json(ctx.out(), partial_json(s));
        return 0;
    }
    return print_count_results(o, ctx, s);
}

int run_merge(const Options& o, cli::Context& ctx) {
    if (o.common.files.empty()) throw UsageError("merge needs the partial files to combine");
    CountState s;
    for (const auto& f : o.common.files) {
        merge_partial(s, io::read_json_document(f), f);
    }
    return print_count_results(o, ctx, s);
}

}  // namespace mlm::entropy_tool
