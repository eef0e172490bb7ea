// gain: information gain of splitting --target by each feature, as a decision
// tree chooses its split; features sorted by gain, highest first.
#include "entropy/entropy_tool.hpp"
#include "entropy/explain.hpp"
#include "error.hpp"
#include "info/entropy.hpp"
#include "info/split_gain.hpp"
#include "io/columns.hpp"
#include "io/groups.hpp"
#include "io/number.hpp"
#include "string_index.hpp"

#include <algorithm>
#include <optional>
#include <nlohmann/json.hpp>

namespace mlm::entropy_tool {

namespace {

struct Split {
    std::string feature;
    info::SplitGain gain;
};

// Dense codes 0..k-1 for the values of text column j over `rows`.
std::vector<std::uint32_t> codes_of(const io::RowBlock& b, std::size_t j, const std::vector<std::size_t>& rows,
                                    std::size_t& distinct) {
    StringIndex index;
    std::vector<std::uint32_t> codes;
    codes.reserve(rows.size());
    for (std::size_t r : rows) codes.push_back(static_cast<std::uint32_t>(index.id(b.text(r, j))));
    distinct = index.size();
    return codes;
}

// The feature's values as numbers when every one of them is a number.
bool numeric_values(const io::RowBlock& b, std::size_t j, const std::vector<std::size_t>& rows,
                    std::vector<double>& out) {
    out.clear();
    for (std::size_t r : rows) {
        double x;
        if (io::parse_number(b.text(r, j), x) != io::ParseResult::ok || std::isnan(x)) return false;
        out.push_back(x);
    }
    return true;
}

std::vector<Split> splits_of(const io::RowBlock& b, const std::vector<std::size_t>& rows,
                             const std::vector<std::string>& features, double base) {
    std::size_t classes;
    auto target = codes_of(b, 0, rows, classes);
    std::vector<Split> splits;
    std::vector<double> numbers;
    for (std::size_t f = 0; f < features.size(); ++f) {
        info::SplitGain g;
        if (numeric_values(b, f + 1, rows, numbers)) {
            g = info::numeric_gain(target, classes, numbers, base);
        } else {
            std::size_t values;
            auto codes = codes_of(b, f + 1, rows, values);
            g = info::categorical_gain(target, classes, codes, values, base);
        }
        splits.push_back({features[f], g});
    }
    std::stable_sort(splits.begin(), splits.end(), [](const Split& x, const Split& y) { return x.gain.gain > y.gain.gain; });
    return splits;
}

}  // namespace

int run_gain(const Options& o, cli::Context& ctx) {
    if (o.perplexity) throw UsageError("--perplexity is base^H of one distribution's entropy; gain is not one");
    io::TableReader table = ctx.open_table();
    const auto& names = table.names();
    std::size_t target = io::resolve_column(o.target, names);
    auto group_cols = ctx.group_columns(table);
    std::vector<std::size_t> features;
    if (!o.common.columns.empty()) {
        features = io::resolve_columns(o.common.columns, names);
    } else {
        for (std::size_t c = 0; c < names.size(); ++c)
            if (c != target && std::find(group_cols.begin(), group_cols.end(), c) == group_cols.end())
                features.push_back(c);
    }
    if (features.empty()) throw UsageError("gain needs at least one feature column besides --target");
    std::vector<io::ColumnRequest> requests{{target, io::ColumnType::text}};
    std::vector<std::string> feature_names;
    for (auto f : features) {
        requests.push_back({f, io::ColumnType::text});
        feature_names.push_back(names[f]);
    }
    std::vector<std::size_t> group_positions;
    for (auto g : group_cols) {
        group_positions.push_back(requests.size());
        requests.push_back({g, io::ColumnType::text});
    }
    table.select(requests);
    io::RowBlock all = table.read_all();
    if (all.rows() == 0) throw InputError("no data rows", table.file());
    ctx.report_skipped(table);

    io::GroupIndex groups(group_positions);
    std::vector<std::vector<std::size_t>> rows_of;
    for (std::size_t r = 0; r < all.rows(); ++r) {
        std::size_t g = groups.id(all, r);
        if (g == rows_of.size()) rows_of.emplace_back();
        rows_of[g].push_back(r);
    }
    std::vector<std::string> header;
    for (auto g : group_cols) header.push_back(names[g]);
    header.insert(header.end(), {"feature", "gain", "threshold"});
    if (o.ratio) header.push_back("gain_ratio");
    nlohmann::json doc = conventions(o);
    doc["target"] = names[target];
    doc["results"] = nlohmann::json::array();
    std::optional<io::TableWriter> out;
    if (!ctx.json() && !o.common.explain) out.emplace(ctx.table(header));
    for (std::size_t g = 0; g < rows_of.size(); ++g) {
        auto splits = splits_of(all, rows_of[g], feature_names, o.base());
        if (o.common.explain) {
            std::size_t classes;
            auto t = codes_of(all, 0, rows_of[g], classes);
            std::vector<double> counts(classes, 0);
            for (auto c : t) counts[c] += 1;
            if (!group_cols.empty()) {
                std::string title;
                for (std::size_t k = 0; k < group_cols.size(); ++k)
                    title += (k ? ", " : "") + names[group_cols[k]] + " = " + groups.values(g)[k];
                ctx.out() << title << "\n\n";
            }
            ctx.out() << "Information gain  IG(T, F) = H(T) - sum over the parts v of (n_v/N) H(T | F = v)\n\n"
                      << "  H(" << names[target] << ") = " << io::format_number(info::entropy_of_counts(counts, o.base()), 6)
                      << " " << unit_of(o.base()) << " over " << rows_of[g].size() << " rows\n";
            for (const auto& s : splits)
                ctx.out() << "  " << s.feature << ": gain " << io::format_number(s.gain.gain, 6)
                          << (s.gain.threshold ? " splitting at <= " + io::format_number(*s.gain.threshold) : " (one branch per value)")
                          << (o.ratio ? ", gain ratio " + io::format_number(s.gain.gain_ratio, 6) + " = gain / split info " +
                                            io::format_number(s.gain.split_info, 6)
                                      : std::string())
                          << "\n";
            ctx.out() << "\nA decision tree splits on the feature with the highest gain: the one whose\n"
                         "parts leave the least uncertainty about the target.\n";
            if (o.ratio)
                ctx.out() << "C4.5's gain ratio divides the gain by the entropy of the split itself, so that\n"
                             "a feature with many values does not win by splitting the rows into tiny parts.\n";
            if (g + 1 < rows_of.size()) ctx.out() << "\n";
            continue;
        }
        for (const auto& s : splits) {
            nlohmann::json j;
            for (std::size_t k = 0; k < group_cols.size(); ++k) j[names[group_cols[k]]] = groups.values(g)[k];
            if (out) {
                for (std::size_t k = 0; k < group_cols.size(); ++k) out->cell(groups.values(g)[k]);
                out->cell(s.feature).cell(s.gain.gain);
                if (s.gain.threshold) out->cell(*s.gain.threshold);
                else out->cell("");
                if (o.ratio) out->cell(s.gain.gain_ratio);
                out->end_row();
            }
            j["feature"] = s.feature;
            j["gain"] = s.gain.gain;
            j["threshold"] = s.gain.threshold ? nlohmann::json(*s.gain.threshold) : nlohmann::json(nullptr);
            j["split_info"] = s.gain.split_info;
            j["gain_ratio"] = s.gain.gain_ratio;
            doc["results"].push_back(j);
        }
    }
    if (out) out->finish();
    else if (!o.common.explain) ctx.print_json(doc);
    return 0;
}

}  // namespace mlm::entropy_tool
