// mlm-mat: matrices whole (product, transpose, inverse, determinant, solve,
// rank, norms) and one neural-network layer over streamed rows.
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "mat/mat_tool.hpp"

namespace mlm::mat_tool {
namespace {

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    app.require_subcommand(1);
    app.footer("Examples:\n"
               "  mlm-mat mul A.csv B.csv                 the product A B\n"
               "  mlm-mat linear -w W.csv -b b.csv --activation relu < x.csv\n"
               "See man mlm-mat for the orientation of W and the forms.");
    auto* mul = app.add_subcommand("mul", "the product A B of two matrices (files A B)");
    add_standard_options(*mul, o.common, input | explain | output);
    auto* transpose = app.add_subcommand("transpose", "the transpose of a matrix");
    add_standard_options(*transpose, o.common, input | columns | output);
    auto* inverse = app.add_subcommand("inverse", "the inverse of a square matrix");
    add_standard_options(*inverse, o.common, input | columns | output);
    auto* det = app.add_subcommand("det", "the determinant of a square matrix, by LU");
    add_standard_options(*det, o.common, input | columns | output | checks);
    det->add_flag("--log", o.log, "print log|det| (numpy's slogdet), for huge or tiny ones");
    auto* solve = app.add_subcommand("solve", "X with A X = B (files A B)");
    add_standard_options(*solve, o.common, input | output);
    for (auto* sub : {inverse, solve})
        sub->add_flag("--lstsq", o.lstsq, "least squares (minimum norm) instead of refusing a singular A");
    auto* rank = app.add_subcommand("rank", "the numerical rank, by the SVD");
    add_standard_options(*rank, o.common, input | columns | output | checks);
    rank->add_option("--tol", o.tol, "singular values above T count (default: numpy's)")
        ->check(finite())->check(cli::non_negative_number())->type_name("T");
    auto* norm = app.add_subcommand("norm", "a matrix norm: Frobenius, spectral or nuclear");
    add_standard_options(*norm, o.common, input | columns | output | checks);
    norm->add_option("--kind", o.kind, "fro (default), spectral or nuclear")
        ->check(cli::is_member({"fro", "spectral", "nuclear"}))->type_name("K");
    auto* linear = app.add_subcommand("linear", "y = f(W x + b) for each row x: a network layer");
    add_standard_options(*linear, o.common, input | columns | output);
    linear->add_option("-w,--weights", o.weights, "W, out x in (PyTorch's nn.Linear layout)")
        ->required()->type_name("FILE");
    linear->add_option("-b,--bias", o.bias, "b, one entry per output (a row or a column)")
        ->required()->type_name("FILE");
    linear->add_option("--activation", o.activation, "identity (default), relu, tanh, sigmoid, softmax")
        ->check(cli::is_member({"identity", "relu", "tanh", "sigmoid", "softmax"}))->type_name("F");
}

int run(const Options& o, cli::Context& ctx) {
    const std::string& c = o.common.command;
    if (c == "mul") return run_mul(o, ctx);
    if (c == "transpose") return run_transpose(o, ctx);
    if (c == "inverse") return run_inverse(o, ctx);
    if (c == "det") return run_det(o, ctx);
    if (c == "solve") return run_solve(o, ctx);
    if (c == "rank") return run_rank(o, ctx);
    if (c == "norm") return run_norm(o, ctx);
    return run_linear(o, ctx);
}

}  // namespace
}  // namespace mlm::mat_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<mat_tool::Options>(
        argc, argv, {"mlm-mat", "matrix algebra and neural-network layers", {"--kind", "--lstsq", "-w", "-b"}},
        mat_tool::declare, mat_tool::run);
}
