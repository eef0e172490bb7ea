// mlm-mat's whole-matrix forms: mul, transpose, inverse, det, solve, rank, norm.
#include "cli/explain_text.hpp"
#include "cli/results.hpp"
#include "error.hpp"
#include "io/number.hpp"
#include "linalg/linear_solve.hpp"
#include "linalg/matrix_ops.hpp"
#include "linalg/svd.hpp"
#include "mat/mat_tool.hpp"

#include <cmath>

namespace mlm::mat_tool {
namespace {

// "A (a.csv)": how messages name an operand.
std::string operand(const char* letter, const cli::NamedMatrix& m) {
    return std::string(letter) + " (" + m.source + ")";
}

int print_number(cli::Context& ctx, const std::string& name, double value, nlohmann::json details,
                 nlohmann::json conventions = nlohmann::json::object()) {
    cli::ResultLayout layout;
    layout.value_name = name;
    layout.conventions = std::move(conventions);
    return cli::print_results(ctx, layout, {cli::Result{{}, {}, value, std::move(details)}});
}

}  // namespace

std::pair<std::string, std::string> two_files(const Options& o) {
    const auto& f = o.common.files;
    if (f.size() != 2)
        throw UsageError(o.common.command + " takes two files, A and B, got " + std::to_string(f.size()));
    if (f[0] == "-" && f[1] == "-") throw UsageError("only one of A and B can be standard input");
    return {f[0], f[1]};
}

std::string one_file(const Options& o) { return cli::one_matrix_file(o.common); }

int run_mul(const Options& o, cli::Context& ctx) {
    const auto [fa, fb] = two_files(o);
    const cli::NamedMatrix a = cli::read_matrix(ctx, fa, false);
    const cli::NamedMatrix b = cli::read_matrix(ctx, fb, false);
    linalg::require_product_shapes(a.values, operand("A", a), b.values, operand("B", b));
    if (o.common.explain) {
        cli::refuse_with_explain(o.common);
        return cli::explained(ctx, [&](cli::Context& c) { return explain_mul(c, a, b); });
    }
    const linalg::RowMajorMatrix c = a.values * b.values;
    cli::write_matrix(ctx, cli::result_names(b), c);
    return 0;
}

int run_transpose(const Options& o, cli::Context& ctx) {
    const cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    cli::write_matrix(ctx, cli::numbered_names("c", a.values.rows()), a.values.transpose());
    return 0;
}

int run_inverse(const Options& o, cli::Context& ctx) {
    const cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    const Eigen::MatrixXd m = a.values;
    const Eigen::MatrixXd inv = o.lstsq ? linalg::pseudo_inverse(m) : linalg::inverse(m);
    cli::write_matrix(ctx, cli::numbered_names("c", inv.cols()), inv);
    return 0;
}

int run_solve(const Options& o, cli::Context& ctx) {
    const auto [fa, fb] = two_files(o);
    const cli::NamedMatrix a = cli::read_matrix(ctx, fa, false);
    const cli::NamedMatrix b = cli::read_matrix(ctx, fb, false);
    if (a.values.rows() != b.values.rows())
        throw InputError(operand("A", a) + " is " + linalg::shape_text(a.values.rows(), a.values.cols()) +
                         " and " + operand("B", b) + " is " +
                         linalg::shape_text(b.values.rows(), b.values.cols()) +
                         ": B needs one row per row of A");
    if (!o.lstsq && a.values.rows() != a.values.cols())
        throw InputError(operand("A", a) + " is " + linalg::shape_text(a.values.rows(), a.values.cols()) +
                         ": solve needs a square A, or --lstsq for least squares");
    const Eigen::MatrixXd x = o.lstsq ? linalg::least_squares(a.values, b.values)
                                      : linalg::solve(a.values, b.values);
    cli::write_matrix(ctx, cli::result_names(b), x);
    return 0;
}

int run_det(const Options& o, cli::Context& ctx) {
    const cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    linalg::require_square(a.values, "det");
    if (!a.values.allFinite()) throw NumericError("the matrix has non-finite entries (nan or inf)");
    const linalg::Determinant d = linalg::determinant(a.values);
    if (!o.log && std::isfinite(d.log_abs) && (std::isinf(d.value) || d.value == 0))
        ctx.note("the determinant is beyond a double's range: log|det| = " + io::format_number(d.log_abs) +
                 " (--log prints it)");
    nlohmann::json details = {{"sign", d.sign}, {"log_abs_det", io::json_number(d.log_abs)},
                              {"rows", a.values.rows()}};
    return print_number(ctx, o.log ? "log_abs_det" : "det", o.log ? d.log_abs : d.value, details,
                        {{"method", "LU with partial pivoting"}});
}

int run_rank(const Options& o, cli::Context& ctx) {
    const cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    const Eigen::VectorXd s = linalg::singular_values(a.values);
    const double tol = o.tol >= 0 ? o.tol : linalg::rank_tolerance(s, a.values.rows(), a.values.cols());
    const auto rank = linalg::rank_above(s, tol);
    return print_number(ctx, "rank", static_cast<double>(rank),
                        {{"rank", rank}, {"tolerance", io::json_number(tol)}},
                        {{"tolerance_rule", o.tol >= 0 ? "given" : "S.max() * max(M, N) * eps (numpy)"}});
}

int run_norm(const Options& o, cli::Context& ctx) {
    const cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    const linalg::NormKind kind = linalg::norm_kind_from_name(o.kind);
    if (!a.values.allFinite()) throw NumericError("the matrix has non-finite entries (nan or inf)");
    return print_number(ctx, "norm", linalg::matrix_norm(a.values, kind), nlohmann::json::object(),
                        {{"kind", std::string(linalg::norm_kind_name(kind))}});
}

}  // namespace mlm::mat_tool
