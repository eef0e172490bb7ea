// mlm-grad over the rows of the input: one point per row, columns named like
// the variables, evaluated a block of rows at a time by the block evaluator.
#include <algorithm>
#include <cmath>

#include "calc/assignment.hpp"
#include "calc/backprop.hpp"
#include "calc/block_evaluator.hpp"
#include "calc/hessian.hpp"
#include "error.hpp"
#include "grad/grad_tool.hpp"
#include "io/columns.hpp"
#include "io/number.hpp"
#include "grad/read_ahead.hpp"

namespace mlm::grad_tool {
namespace {

// The variables the rows give: those --at does not.
std::vector<std::size_t> row_variables(const Setup& s) {
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < s.tape.variables.size(); ++j)
        if (!s.at[j]) out.push_back(j);
    return out;
}

// With a header, each variable is the column of its name; without one, the
// first columns in the order the variables appear. Variables of --at take no
// column, and one whose name is also a column is given twice.
std::vector<std::size_t> variable_columns(const Setup& s, const io::TableReader& table) {
    const auto& vars = s.tape.variables;
    const auto& names = table.names();
    const auto free = row_variables(s);
    std::vector<std::size_t> cols;
    if (!table.has_header()) {
        if (names.size() < free.size())
            throw UsageError("the input has " + std::to_string(names.size()) + " columns and no header, but the "
                             "expression has " + std::to_string(free.size()) + " variables" +
                             (free.size() < vars.size() ? " not in --at" : "") + " (" + calc::variable_list(s.tape) +
                             ")");
        for (std::size_t j = 0; j < free.size(); ++j) cols.push_back(j);
        return cols;
    }
    for (std::size_t j = 0; j < vars.size(); ++j) {
        const auto it = std::find(names.begin(), names.end(), vars[j]);
        if (s.at[j]) {
            if (it != names.end())
                throw UsageError("'" + vars[j] + "' is given in both --at and the input's columns");
            continue;
        }
        if (it == names.end())
            throw UsageError("the input has no column '" + vars[j] + "' for the variable " + vars[j] + " (columns: " +
                             io::list_columns(names) + ")");
        cols.push_back(static_cast<std::size_t>(it - names.begin()));
    }
    return cols;
}

// One row per point, one column per variable: the rows' columns and --at's values.
Eigen::MatrixXd full_points(const Setup& s, const io::RowBlock& rows) {
    const auto given = rows.matrix();
    if (static_cast<std::size_t>(given.cols()) == s.tape.variables.size()) return given;
    Eigen::MatrixXd points(given.rows(), static_cast<Eigen::Index>(s.tape.variables.size()));
    Eigen::Index c = 0;
    for (std::size_t j = 0; j < s.tape.variables.size(); ++j) {
        const auto col = static_cast<Eigen::Index>(j);
        if (s.at[j]) points.col(col).setConstant(*s.at[j]);
        else points.col(col) = given.col(c++);
    }
    return points;
}

std::vector<std::string> header(const Options& o, const Setup& s) {
    std::vector<std::string> h{"f"};
    const auto& v = s.tape.variables;
    if (o.hessian) {
        for (std::size_t a : s.wrt)
            for (std::size_t b : s.wrt) h.push_back("h_" + v[a] + "_" + v[b]);
    } else {
        for (std::size_t j : s.wrt) h.push_back("d_" + v[j]);
    }
    return h;
}

// A NaN difference is the worst of all, not one std::max would skip.
void keep_worst(double& worst, double d) {
    if (!(d <= worst)) worst = d;
}

// Numbers only, so CSV and TSV rows need no quoting: straight into the output
// buffer with the shared number format, without the per-cell dispatch.
void write_delimited(cli::Context& ctx, const Eigen::MatrixXd& results, const std::vector<std::size_t>& wrt,
                     char delimiter) {
    std::string& b = ctx.out().buffer();
    const int precision = ctx.options().precision;
    for (Eigen::Index r = 0; r < results.rows(); ++r) {
        io::append_number(b, results(r, 0), precision);
        for (std::size_t j : wrt) {
            b.push_back(delimiter);
            io::append_number(b, results(r, static_cast<Eigen::Index>(j) + 1), precision);
        }
        b.push_back('\n');
        ctx.out().maybe_drain();
    }
}

// Rows whose results are not finite: counted, and the first one explained
// once at the end, so a million rows of log(0) give one line on stderr.
class NonFiniteRows {
public:
    explicit NonFiniteRows(const Setup& s) : s_(s) {}

    // `values` holds f, then one value per entry of the output row.
    template <class Values>
    void check(const io::RowBlock& rows, Eigen::Index r, const Eigen::VectorXd& x, const Values& values,
               const std::vector<std::string>& names) {
        bool finite = true;
        for (Eigen::Index k = 0; k < static_cast<Eigen::Index>(names.size()); ++k) finite = finite && std::isfinite(values[k]);
        if (finite) return;
        if (count_++ > 0) return;
        std::vector<std::pair<std::string, double>> results;
        for (std::size_t k = 0; k < names.size(); ++k) results.emplace_back(names[k], values[static_cast<Eigen::Index>(k)]);
        first_ = rows.file(static_cast<std::size_t>(r)) + ":" + std::to_string(rows.line(static_cast<std::size_t>(r))) +
                 ": " + nonfinite_note(s_, x, results);
    }

    void report(cli::Context& ctx) const {
        if (count_ == 0) return;
        ctx.note(count_ == 1 ? first_
                             : std::to_string(count_) + " rows have results that are not finite; the first is " + first_);
    }

private:
    const Setup& s_;
    std::size_t count_ = 0;
    std::string first_;
};

}  // namespace

int run_points(const Options& o, const Setup& s, cli::Context& ctx) {
    io::TableReader table = ctx.open_table();
    table.select_numbers(variable_columns(s, table));
    const bool fast = !o.hessian && !o.numeric && !o.check;
    calc::BlockEvaluator evaluator(s.tape);
    std::optional<io::TableWriter> out;
    if (!o.check) out.emplace(ctx.table(header(o, s)));
    double worst = 0;
    const char delimiter = ctx.out_format() == io::OutFormat::csv ? ',' : ctx.out_format() == io::OutFormat::tsv ? '\t' : 0;
    // The fast path evaluates on the reading thread; the others point by point here.
    PreparedBlock block;
    ReadAhead blocks(table, [&](PreparedBlock& b) {
        if (!fast) return;
        const Eigen::MatrixXd points = full_points(s, b.rows);
        b.results.resize(points.rows(), points.cols() + 1);
        evaluator.value_and_gradient(points, b.results);
    });
    NonFiniteRows nonfinite(s);
    const std::vector<std::string> names = header(o, s);
    Eigen::VectorXd row_values(static_cast<Eigen::Index>(names.size()));
    while (blocks.next(block)) {
        const Eigen::MatrixXd& results = block.results;
        const auto n = static_cast<Eigen::Index>(block.rows.rows());
        if (fast && !results.allFinite()) {
            const Eigen::MatrixXd points = full_points(s, block.rows);
            for (Eigen::Index r = 0; r < n; ++r) {
                row_values[0] = results(r, 0);
                for (std::size_t k = 0; k < s.wrt.size(); ++k)
                    row_values[static_cast<Eigen::Index>(k) + 1] = results(r, static_cast<Eigen::Index>(s.wrt[k]) + 1);
                nonfinite.check(block.rows, r, points.row(r).transpose(), row_values, names);
            }
        }
        if (fast && delimiter) {
            write_delimited(ctx, results, s.wrt, delimiter);
            continue;
        }
        if (fast) {
            for (Eigen::Index r = 0; r < n; ++r) {
                out->cell(results(r, 0));
                for (std::size_t j : s.wrt) out->cell(results(r, static_cast<Eigen::Index>(j) + 1));
                out->end_row();
            }
            continue;
        }
        const Eigen::MatrixXd points = full_points(s, block.rows);
        for (Eigen::Index r = 0; r < n; ++r) {
            const Eigen::VectorXd x = points.row(r).transpose();
            if (o.check) {
                if (o.hessian) {
                    const Eigen::MatrixXd exact = calc::hessian(s.tape, x), numeric = numeric_hessian(o, s, x);
                    for (std::size_t a : s.wrt)
                        for (std::size_t b : s.wrt) {
                            const auto ia = static_cast<Eigen::Index>(a), ib = static_cast<Eigen::Index>(b);
                            keep_worst(worst, relative_difference(exact(ia, ib), numeric(ia, ib)));
                        }
                } else {
                    const Eigen::VectorXd exact = calc::value_and_gradient(s.tape, x).gradient;
                    const Eigen::VectorXd numeric = numeric_gradient(o, s, x);
                    for (std::size_t j : s.wrt) {
                        const auto i = static_cast<Eigen::Index>(j);
                        keep_worst(worst, relative_difference(exact[i], numeric[i]));
                    }
                }
                continue;
            }
            Eigen::Index k = 0;
            row_values[k++] = calc::value(s.tape, x);
            if (o.hessian) {
                const Eigen::MatrixXd h = o.numeric ? numeric_hessian(o, s, x) : calc::hessian(s.tape, x);
                for (std::size_t a : s.wrt)
                    for (std::size_t b : s.wrt) row_values[k++] = h(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
            } else {
                const Eigen::VectorXd g = numeric_gradient(o, s, x);
                for (std::size_t j : s.wrt) row_values[k++] = g[static_cast<Eigen::Index>(j)];
            }
            for (Eigen::Index c = 0; c < row_values.size(); ++c) out->cell(row_values[c]);
            out->end_row();
            nonfinite.check(block.rows, r, x, row_values, names);
        }
    }
    ctx.report_skipped(table);
    nonfinite.report(ctx);
    if (o.check) {
        ctx.print_number(worst);
        return ctx.check(worst, "largest relative difference");
    }
    out->finish();
    return 0;
}

}  // namespace mlm::grad_tool
