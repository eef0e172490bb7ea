// norm, normalize, dot, cosine, distance, add, sub, scale: row by row, each
// row alone, against a fixed vector (--with, --with-row), or against the row
// of the same rank in a second input.
#include "cli/explain_text.hpp"
#include "error.hpp"
#include "io/number.hpp"
#include "io/quoted.hpp"
#include "linalg/vector_ops.hpp"
#include "vec/explain.hpp"
#include "vec/labelled_rows.hpp"
#include "vec/row_output.hpp"
#include "vec/vec_tool.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>

namespace mlm::vec_tool {

namespace {

using Vector = Eigen::VectorXd;
using linalg::VectorRef;

bool is_binary(const std::string& command) {
    return command == "dot" || command == "cosine" || command == "distance" || command == "add" ||
           command == "sub";
}
bool prints_vectors(const std::string& command) {
    return command == "normalize" || command == "scale" || command == "add" || command == "sub";
}
bool needs_nonzero(const Options& o) {
    const std::string& c = o.common.command;
    return !o.zero_safe && (c == "cosine" || c == "normalize" || (c == "distance" && o.metric == "cosine"));
}

double parse_p(const std::string& text) {
    double p = 0;
    if (io::parse_number(text, p) != io::ParseResult::ok || std::isnan(p) || p < 1)
        throw UsageError("--p: expected 1, 2, inf or a number >= 1, got " + io::quoted(text));
    return p;
}

// The rows of a second input, handed out in step with the first.
class SecondInput {
public:
    SecondInput(const cli::Context& ctx, const std::string& file, const VectorReader& first)
        : reader_(ctx, {file}), first_file_(first.file()) {
        if (reader_.dimension() != first.dimension())
            throw InputError(first_file_ + " has " + std::to_string(first.dimension()) + " numbers a row, " +
                             file + " has " + std::to_string(reader_.dimension()));
    }
    // The row matching row `r` of the first input.
    Eigen::VectorXd next_row(std::int64_t r) {
        while (at_ >= block_.rows()) {
            if (!reader_.next(block_, block_rows(reader_.dimension())))
                throw InputError(reader_.file() + " ends after " + std::to_string(r) + " rows; " + first_file_ +
                                 " has more (the inputs must have the same shape)");
            at_ = 0;
        }
        return block_.values().row(static_cast<Eigen::Index>(at_++)).transpose();
    }
    // InputError unless the second input ended too.
    void require_end(std::int64_t rows) {
        if (at_ < block_.rows() || reader_.next(block_, 1))
            throw InputError(first_file_ + " ends after " + std::to_string(rows) + " rows; " + reader_.file() +
                             " has more (the inputs must have the same shape)");
    }

private:
    VectorReader reader_;
    std::string first_file_;
    VectorBlock block_;
    std::size_t at_ = 0;
};

// What a row is paired with in a binary operation.
struct Partner {
    std::optional<Vector> fixed;             // --with, --with-row
    std::unique_ptr<SecondInput> second;     // a second input
};

// `what` is "cosine" or "direction" (normalize).
void require_nonzero(const VectorBlock& b, std::size_t r, const VectorRef& x, const std::string& what) {
    if (linalg::p_norm(x) == 0)
        throw InputError(b.name(r) + " is a zero vector: its " + what + " is undefined (--zero-safe " +
                             (what == "cosine" ? "takes it as 0)" : "leaves it zero)"),
                         b.file(r), b.line(r));
}

double number_result(const Options& o, linalg::Metric metric, double p, const VectorRef& x, const VectorRef& y) {
    const std::string& c = o.common.command;
    if (c == "norm") return linalg::p_norm(x, p);
    if (c == "dot") return linalg::dot(x, y);
    if (c == "distance") {
        if (metric == linalg::Metric::cosine && o.zero_safe && (linalg::p_norm(x) == 0 || linalg::p_norm(y) == 0))
            return 1;
        return linalg::distance(x, y, metric);
    }
    // cosine
    if (o.zero_safe && (linalg::p_norm(x) == 0 || linalg::p_norm(y) == 0)) return 0;
    return linalg::cosine_similarity(x, y);
}

Vector vector_result(const Options& o, const VectorRef& x, const VectorRef& y) {
    const std::string& c = o.common.command;
    if (c == "normalize") return linalg::normalized(x);
    if (c == "scale") return o.factor * x;
    if (c == "add") return x + y;
    return x - y;
}

const char* value_name(const Options& o) {
    const std::string& c = o.common.command;
    return c == "norm" ? "norm" : c == "dot" ? "dot" : c == "cosine" ? "cosine" : "distance";
}

}  // namespace

Eigen::VectorXd parse_vector(const std::string& text, const std::string& option) {
    std::vector<double> values;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(',', start);
        const std::string cell = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        double x = 0;
        if (io::parse_number(cell, x) != io::ParseResult::ok || !std::isfinite(x))
            throw UsageError(option + ": expected finite numbers separated by commas, got " + io::quoted(cell));
        values.push_back(x);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return Eigen::Map<const Vector>(values.data(), static_cast<Eigen::Index>(values.size()));
}

void require_dimension(const Eigen::VectorXd& v, const VectorReader& reader, const std::string& option) {
    if (v.size() != reader.dimension())
        throw InputError(option + " has " + std::to_string(v.size()) + " numbers, the rows of " + reader.file() +
                         " have " + std::to_string(reader.dimension()));
}

namespace {

// What row `r` is paired with, for --explain.
std::string partner_name(const Options& o, const std::string& second, std::int64_t r) {
    if (!o.with.empty()) return "--with";
    if (!o.with_row.empty()) return io::quoted(o.with_row);
    return "row " + std::to_string(r + 1) + " of " + second;
}

// The vector each row is paired with: --with, --with-row (found by reading
// on, the rows read on the way kept in `found`), or the second input.
Partner partner_for(const Options& o, const cli::Context& ctx, VectorReader& reader, const std::string& second,
                    LabelledRows& found) {
    Partner partner;
    if (!o.with.empty()) {
        partner.fixed = parse_vector(o.with, "--with");
        require_dimension(*partner.fixed, reader, "--with");
    } else if (!o.with_row.empty()) {
        found = find_labelled(ctx, reader, {o.with_row}, "--with-row");
        partner.fixed = found.vectors[0];
    } else if (!second.empty()) {
        partner.second = std::make_unique<SecondInput>(ctx, second, reader);
    }
    if (partner.fixed && needs_nonzero(o) && linalg::p_norm(*partner.fixed) == 0)
        throw InputError((o.with.empty() ? "--with-row " + io::quoted(o.with_row) : std::string("--with")) +
                         " is a zero vector: its cosine is undefined (--zero-safe takes it as 0)");
    return partner;
}

int run_rows(const Options& o, cli::Context& ctx) {
    const std::string& command = o.common.command;
    const bool binary = is_binary(command);
    const double p = command == "norm" ? parse_p(o.p) : 2;
    const auto metric = linalg::parse_metric(o.metric);
    std::vector<std::string> files = o.common.files;
    const bool fixed = !o.with.empty() || !o.with_row.empty();
    if (binary && !fixed && files.size() != 2)
        throw UsageError(command + " needs --with, --with-row or two inputs (got " + std::to_string(files.size()) +
                         ")");
    if (!binary && fixed) throw UsageError(command + " takes one vector a row: --with and --with-row do not apply");
    std::string second;
    if (binary && !fixed) {
        second = files.back();
        files.pop_back();
    }

    VectorReader reader(ctx, files);
    LabelledRows found;
    Partner partner = partner_for(o, ctx, reader, second, found);

    const bool explain = o.common.explain;
    std::size_t rows_seen = 0;
    std::optional<NumberRows> numbers;
    std::optional<VectorRows> vectors;
    if (explain) ctx.out() << explain_intro(command);
    else if (prints_vectors(command)) vectors.emplace(ctx, reader.label_name(), reader.names());
    else numbers.emplace(ctx, reader.label_name(), value_name(o));
    for_each_block(ctx, reader, found, [&](const VectorBlock& b) {
        const auto values = b.values();
        for (std::size_t r = 0; r < b.rows(); ++r) {
            const std::int64_t row = b.first_row() + static_cast<std::int64_t>(r);
            const Vector x = values.row(static_cast<Eigen::Index>(r)).transpose();
            Vector y;
            if (partner.fixed) y = *partner.fixed;
            else if (partner.second) y = partner.second->next_row(row);
            if (needs_nonzero(o)) {
                require_nonzero(b, r, x, command == "normalize" ? "direction" : "cosine");
                if (partner.second && linalg::p_norm(y) == 0)
                    throw InputError("row " + std::to_string(row + 1) + " of " + second +
                                     " is a zero vector: its cosine is undefined (--zero-safe takes it as 0)");
            }
            if (explain && rows_seen++ < explained_rows)
                ctx.out() << explain_pair(command, b.name(r), partner_name(o, second, row), x, y);
            else if (vectors) vectors->add(b.label(r), vector_result(o, x, y));
            else if (numbers) numbers->add(b.label(r), number_result(o, metric, p, x, y));
        }
    });
    if (partner.second) partner.second->require_end(reader.rows_read());
    if (explain) {
        ctx.out() << explain_outro(command, rows_seen - std::min(rows_seen, explained_rows));
        return 0;
    }
    if (vectors) {
        vectors->finish();
        return 0;
    }
    return numbers->finish();
}

}  // namespace

int run_row_op(const Options& o, cli::Context& ctx) {
    if (!o.common.explain) return run_rows(o, ctx);
    cli::refuse_with_explain(o.common);
    return cli::explained(ctx, [&](cli::Context& c) { return run_rows(o, c); });
}

}  // namespace mlm::vec_tool
