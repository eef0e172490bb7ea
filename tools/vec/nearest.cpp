// nearest and analogy: exact search for the rows most similar by cosine to a
// query, a block of rows at a time (one matrix-vector product per block),
// keeping the best k in a bounded heap. Memory is the block and k labels,
// plus, for a query given by label, the rows read before that label.
#include "error.hpp"
#include "io/quoted.hpp"
#include "linalg/cosine_scores.hpp"
#include "linalg/top_k.hpp"
#include "linalg/vector_ops.hpp"
#include "vec/labelled_rows.hpp"
#include "vec/vec_tool.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace mlm::vec_tool {

namespace {

using Best = linalg::TopK<std::string>;

struct Search {
    Eigen::VectorXd unit_query;
    std::vector<std::string> excluded;  // labels left out of the result
    LabelledRows found;                 // rows read while looking for labels
    std::string query;                  // the query as given, for --to json
};

void score(const Options& o, const Search& s, const VectorBlock& b, Best& best) {
    const auto values = b.values();
    const Eigen::VectorXd norms = linalg::row_norms(values);
    const Eigen::VectorXd sims = linalg::cosine_scores(values, norms, s.unit_query);
    for (std::size_t r = 0; r < b.rows(); ++r) {
        const auto i = static_cast<Eigen::Index>(r);
        if (norms[i] == 0 && !o.zero_safe)
            throw InputError(b.name(r) + " is a zero vector: its cosine is undefined (--zero-safe takes it as 0)",
                             b.file(r), b.line(r));
        if (!std::isfinite(sims[i]))
            throw InputError(b.name(r) + " holds nan or inf: its cosine is undefined", b.file(r), b.line(r));
        const std::int64_t index = b.first_row() + static_cast<std::int64_t>(r);
        if (!best.admits(sims[i], index)) continue;
        if (b.labeled() && std::find(s.excluded.begin(), s.excluded.end(), b.label(r)) != s.excluded.end())
            continue;
        best.offer(sims[i], index, b.labeled() ? std::string(b.label(r)) : std::to_string(index + 1));
    }
}

// --to json: the neighbours and the conventions behind them.
void print_details(const Options& o, cli::Context& ctx, const Search& s,
                   std::int64_t rows, const Best& best, const std::string& label_name) {
    nlohmann::json neighbours = nlohmann::json::array();
    for (const auto& e : best.sorted()) neighbours.push_back({{label_name, e.payload}, {"similarity", e.score}});
    ctx.print_json({{"query", s.query},
                    {"k", o.k},
                    {"similarity", "cosine"},
                    {"exact", true},
                    {"excluded", s.excluded},
                    {"zero_safe", o.zero_safe},
                    {"rows_searched", rows},
                    {"neighbours", neighbours}});
}

int search(const Options& o, cli::Context& ctx, VectorReader& reader, Search& s, const Eigen::VectorXd& query,
           const std::string& what) {
    const double n = linalg::p_norm(query);
    if (n == 0) throw InputError(what + " is a zero vector: no direction to compare with");
    s.unit_query = query / n;
    Best best(o.k);
    std::int64_t rows = 0;
    for_each_block(ctx, reader, s.found, [&](const VectorBlock& b) {
        score(o, s, b, best);
        rows += static_cast<std::int64_t>(b.rows());
    });
    if (ctx.json()) {
        print_details(o, ctx, s, rows, best, reader.labeled() ? reader.label_name() : "row");
        return 0;
    }
    auto table = ctx.table({reader.labeled() ? reader.label_name() : "row", "similarity"});
    for (const auto& e : best.sorted()) {
        table.cell(e.payload);
        table.cell(e.score);
        table.end_row();
    }
    table.finish();
    return 0;
}

}  // namespace

int run_nearest(const Options& o, cli::Context& ctx) {
    VectorReader reader(ctx, o.common.files);
    Search s;
    s.query = o.query;
    Eigen::VectorXd query;
    bool numbers = true;
    try {
        query = parse_vector(o.query, "--query");
    } catch (const UsageError&) {
        numbers = false;
    }
    if (numbers && (query.size() == reader.dimension() || !reader.labeled())) {
        require_dimension(query, reader, "--query");
        return search(o, ctx, reader, s, query, "--query");
    }
    if (!reader.labeled())
        throw UsageError("--query: expected " + std::to_string(reader.dimension()) +
                         " numbers separated by commas (the rows have no labels), got " + io::quoted(o.query));
    s.found = find_labelled(ctx, reader, {o.query}, "--query");
    s.excluded = {o.query};
    return search(o, ctx, reader, s, s.found.vectors[0], io::quoted(o.query));
}

int run_analogy(const Options& o, cli::Context& ctx) {
    if (o.analogy.size() != 3)
        throw UsageError("analogy needs three labels, A B C (got " + std::to_string(o.analogy.size()) + ")");
    VectorReader reader(ctx, o.common.files);
    Search s;
    s.found = find_labelled(ctx, reader, o.analogy, "analogy");
    s.excluded = o.analogy;
    s.query = o.analogy[0] + " - " + o.analogy[1] + " + " + o.analogy[2];
    // A is to B as ? is to C: the row nearest A - B + C.
    const auto& v = s.found.vectors;
    const Eigen::VectorXd target = v[0] - v[1] + v[2];
    return search(o, ctx, reader, s, target,
                  io::quoted(o.analogy[0]) + " - " + io::quoted(o.analogy[1]) + " + " + io::quoted(o.analogy[2]));
}

}  // namespace mlm::vec_tool
