// mlm-eig: eigenvalues and eigenvectors, the thin SVD and low-rank
// approximations, and power iteration step by step.
#include "cli/explain_text.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "eig/eig_tool.hpp"

namespace mlm::eig_tool {
namespace {

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    app.footer("Examples:\n"
               "  mlm-eig --vectors --check A.csv        eigenpairs and their residuals\n"
               "  mlm-eig svd --rank-k 2 ratings.csv     the best rank-2 approximation\n"
               "See man mlm-eig for the order of complex eigenvalues and the sign rules.");
    add_standard_options(app, o.common, input | columns | explain | output);
    app.add_flag("--vectors", o.vectors, "print each eigenvector beside its eigenvalue");
    app.add_flag("--check", o.check, "add the residual |A v - lambda v| of each pair");
    app.add_flag("--general", o.general, "the general solver even for a symmetric matrix");

    auto* svd = app.add_subcommand("svd", "singular values, vectors and rank-k approximations");
    add_standard_options(*svd, o.common, input | columns | output);
    svd->add_flag("--u", o.u, "print the left singular vectors, one per row");
    svd->add_flag("--v", o.v, "print the right singular vectors, one per row");
    svd->add_option("--rank-k", o.rank_k, "print the best rank-K approximation instead")
        ->check(cli::positive_number())->type_name("K");

    auto* power = app.add_subcommand("power", "the dominant eigenpair by power iteration");
    add_standard_options(*power, o.common, input | columns | output | seed);
    power->add_flag("--trace", o.trace, "print one row per step: step,lambda,delta,residual");
    power->add_option("--tol", o.tol, "converged when |A v - lambda v| <= TOL |lambda| (1e-10)")
        ->check(finite())->check(cli::positive_number())->type_name("TOL");
    power->add_option("--max-iter", o.max_iter, "give up after N steps, status 4 (default 1000)")
        ->check(cli::positive_number())->type_name("N");
}

int run(const Options& o, cli::Context& ctx) {
    if (o.common.explain) cli::refuse_with_explain(o.common);
    if (o.common.command == "svd") return run_svd(o, ctx);
    if (o.common.command == "power") return run_power(o, ctx);
    return run_eigen(o, ctx);
}

}  // namespace
}  // namespace mlm::eig_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<eig_tool::Options>(
        argc, argv, {"mlm-eig", "eigenvalues, eigenvectors, SVD and power iteration",
                     {"--vectors", "--check", "--u", "--v", "--rank-k", "--trace"}},
        eig_tool::declare, eig_tool::run);
}
