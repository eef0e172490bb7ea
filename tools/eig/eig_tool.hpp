// mlm-eig's options and its forms: eigenpairs (eigen.cpp), the thin SVD
// (svd.cpp), power iteration (power.cpp), and --explain (explain.cpp).
#pragma once

#include "cli/context.hpp"
#include "cli/matrix_io.hpp"
#include "linalg/eigen_decomposition.hpp"

#include <string>

namespace mlm::eig_tool {

struct Options {
    cli::StandardOptions common;
    bool vectors = false;  // --vectors
    bool check = false;    // --check: residual column
    bool general = false;  // --general: the general solver even for symmetric input
    bool u = false, v = false;  // svd --u, --v
    Eigen::Index rank_k = 0;    // svd --rank-k
    bool trace = false;         // power --trace
    double tol = 1e-10;         // power --tol
    int max_iter = 1000;        // power --max-iter
};

// The one FILE argument ("-" when none).
std::string one_file(const Options& o);

int run_eigen(const Options& o, cli::Context& ctx);  // mlm-eig [FILE]
int run_svd(const Options& o, cli::Context& ctx);    // mlm-eig svd [FILE]
int run_power(const Options& o, cli::Context& ctx);  // mlm-eig power [FILE]

// --explain: A v = lambda v with the input's numbers, for the first pair.
int explain_pairs(cli::Context& ctx, const cli::NamedMatrix& a, const linalg::Eigenpairs& pairs);

}  // namespace mlm::eig_tool
