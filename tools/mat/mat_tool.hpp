// mlm-mat's options and its forms: the algebra of whole matrices
// (algebra.cpp), one neural-network layer over streamed rows (linear.cpp),
// and mul --explain (explain.cpp).
#pragma once

#include "cli/context.hpp"
#include "cli/matrix_io.hpp"

#include <string>

namespace mlm::mat_tool {

struct Options {
    cli::StandardOptions common;
    std::string kind = "fro";  // norm --kind
    bool lstsq = false;        // inverse, solve: least squares instead of refusing a singular A
    bool log = false;          // det --log: log|det A|
    double tol = -1;           // rank --tol; < 0: numpy's default
    std::string weights, bias;             // linear -w, -b
    std::string activation = "identity";   // linear --activation
};

// The two FILE arguments of mul and solve (UsageError unless there are two).
std::pair<std::string, std::string> two_files(const Options& o);
// The one FILE argument of the other forms ("-" when none).
std::string one_file(const Options& o);

int run_mul(const Options& o, cli::Context& ctx);
int run_transpose(const Options& o, cli::Context& ctx);
int run_inverse(const Options& o, cli::Context& ctx);
int run_det(const Options& o, cli::Context& ctx);
int run_solve(const Options& o, cli::Context& ctx);
int run_rank(const Options& o, cli::Context& ctx);
int run_norm(const Options& o, cli::Context& ctx);
int run_linear(const Options& o, cli::Context& ctx);

// mul --explain: one element of A B as a row times a column, and the reading
// of A as a transformation of B's columns.
int explain_mul(cli::Context& ctx, const cli::NamedMatrix& a, const cli::NamedMatrix& b);

}  // namespace mlm::mat_tool
