// Reading the training rows and turning the options into a model spec.
#include "gd/training_data.hpp"
#include "models/model.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "error.hpp"
#include "io/columns.hpp"
#include "io/number.hpp"

namespace mlm::gd_tool {
namespace {

// Class names in scikit-learn's order (np.unique): by value when all are numbers.
std::vector<std::string> sorted_classes(std::vector<std::string> labels) {
    const bool numeric = std::all_of(labels.begin(), labels.end(), [](const std::string& s) {
        double v = 0;
        return io::parse_number(s, v) == io::ParseResult::ok;
    });
    std::sort(labels.begin(), labels.end(), [numeric](const std::string& a, const std::string& b) {
        if (!numeric) return a < b;
        double x = 0, y = 0;
        io::parse_number(a, x);
        io::parse_number(b, y);
        return x < y;
    });
    return labels;
}

std::vector<std::size_t> feature_columns(const Options& o, const cli::Context& ctx, const io::TableReader& table,
                                         std::size_t target) {
    std::vector<std::size_t> out;
    if (!o.common.columns.empty()) {
        out = ctx.selected_columns(table);
        if (std::find(out.begin(), out.end(), target) != out.end())
            throw UsageError("column \"" + table.names()[target] + "\" is both the --target and a feature (-c)");
    } else {
        for (std::size_t j = 0; j < table.names().size(); ++j)
            if (j != target) out.push_back(j);
    }
    if (out.empty()) throw UsageError("no feature columns: the input has only the --target column");
    return out;
}

}  // namespace

TrainingData read_training_data(const Options& o, cli::Context& ctx, models::Kind kind) {
    io::TableReader table = ctx.open_table();
    if (table.names().empty()) throw InputError("no data: the input is empty", table.file());
    TrainingData t;
    t.file = table.file();
    const std::size_t target = io::resolve_column(o.target, table.names());
    t.target = table.names()[target];
    const auto features = feature_columns(o, ctx, table, target);
    for (auto j : features) t.features.push_back(table.names()[j]);
    std::vector<io::ColumnRequest> request;
    for (auto j : features) request.push_back({j, io::ColumnType::number});
    const bool labels = kind != models::Kind::linear;
    request.push_back({target, labels ? io::ColumnType::text : io::ColumnType::number});
    table.select(std::move(request));

    const auto d = static_cast<Eigen::Index>(features.size());
    std::vector<double> y;
    std::unordered_map<std::string, std::size_t> seen;  // label -> first-seen index
    std::vector<std::string> first_seen;
    // A label's index: few classes are found by comparing with each, without hashing.
    auto label_index = [&](std::string_view label) {
        if (first_seen.size() <= 16)
            for (std::size_t c = 0; c < first_seen.size(); ++c)
                if (first_seen[c] == label) return c;
        auto [at, added] = seen.emplace(std::string(label), first_seen.size());
        if (added) first_seen.emplace_back(label);
        return at->second;
    };
    // Rows grow by doubling, as a vector's: no second copy of the data at the end.
    Eigen::Index n = 0;
    t.x.resize(4096, d);
    io::RowBlock block;
    while (table.read_block(block, 4096)) {
        const auto m = static_cast<Eigen::Index>(block.rows());
        if (n + m > t.x.rows()) t.x.conservativeResize(std::max(2 * t.x.rows(), n + m), d);
        t.x.middleRows(n, m) = block.matrix().leftCols(d);
        for (std::size_t i = 0; i < block.rows(); ++i)
            y.push_back(labels ? static_cast<double>(label_index(block.text(i, 0))) : block.number(i, features.size()));
        n += m;
        ctx.progress(table.bytes_read());
    }
    ctx.report_skipped(table);
    if (n == 0) throw InputError("no data rows", t.file);
    t.x.conservativeResize(n, d);
    t.y = Eigen::Map<Eigen::VectorXd>(y.data(), n);
    if (!t.x.allFinite()) throw InputError("a feature value is nan or inf: a model cannot be fitted to it", t.file);
    if (!labels) {
        if (!t.y.allFinite()) throw InputError("a target value is nan or inf", t.file);
        return t;
    }
    if (first_seen.size() < 2)
        throw InputError("the target \"" + t.target + "\" has one class (\"" + first_seen.front() +
                         "\"): there is nothing to tell apart", t.file);
    if (kind == models::Kind::logistic && first_seen.size() > 2)
        throw InputError("the target \"" + t.target + "\" has " + std::to_string(first_seen.size()) +
                         " classes; logistic regression tells two apart: use --model softmax", t.file);
    t.classes = sorted_classes(first_seen);
    std::vector<double> rank(first_seen.size());
    for (std::size_t c = 0; c < t.classes.size(); ++c) rank[seen.at(t.classes[c])] = static_cast<double>(c);
    for (auto& v : t.y) v = rank[static_cast<std::size_t>(v)];
    return t;
}

void check_unpenalized(const TrainingData& t, const models::Spec& spec) {
    const Eigen::Index unknowns = t.x.cols() + (spec.intercept ? 1 : 0);
    if (spec.l1 == 0 && spec.l2 == 0 && unknowns > t.x.rows())
        throw InputError(std::to_string(t.x.rows()) + " rows cannot determine " + std::to_string(unknowns) +
                         " weights without a penalty: add --l2 (or --l1), or give more rows", t.file);
}

models::Spec model_spec(const Options& o, models::Kind kind, Eigen::Index classes) {
    models::Spec s;
    s.kind = kind;
    s.loss = o.loss.empty() ? (kind == models::Kind::linear ? models::Loss::mse : models::Loss::log)
                            : models::parse_loss(o.loss);
    if (kind == models::Kind::linear && s.loss == models::Loss::log)
        throw UsageError("--loss log is for logistic and softmax models; linear takes mse or huber");
    if (kind != models::Kind::linear && s.loss != models::Loss::log)
        throw UsageError("--loss " + o.loss + " is for linear models; " +
                         std::string(models::kind_name(kind)) + " takes log");
    if (!o.elastic_net.empty()) {
        if (o.l1 || o.l2) throw UsageError("--elastic-net sets both penalties: give it without --l1 and --l2");
        const auto comma = o.elastic_net.find(',');
        double alpha = -1, ratio = -1;
        if (comma == std::string::npos ||
            io::parse_number(std::string_view(o.elastic_net).substr(0, comma), alpha) != io::ParseResult::ok ||
            io::parse_number(std::string_view(o.elastic_net).substr(comma + 1), ratio) != io::ParseResult::ok ||
            !(alpha >= 0) || !std::isfinite(alpha) || !(ratio >= 0 && ratio <= 1))
            throw UsageError("--elastic-net: expected ALPHA,RATIO with ALPHA >= 0 and 0 <= RATIO <= 1, got \"" +
                             o.elastic_net + "\"");
        s.l1 = alpha * ratio;
        s.l2 = alpha * (1 - ratio);
    } else {
        s.l1 = o.l1.value_or(0);
        s.l2 = o.l2.value_or(0);
    }
    s.intercept = !o.no_intercept;
    s.classes = kind == models::Kind::softmax ? classes : 1;
    return s;
}

}  // namespace mlm::gd_tool
