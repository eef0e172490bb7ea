// mlm-eig [FILE]: eigenvalues (and vectors, residuals) of a square matrix.
#include "cli/explain_text.hpp"
#include "error.hpp"
#include "eig/eig_tool.hpp"

#include <nlohmann/json.hpp>

namespace mlm::eig_tool {

std::string one_file(const Options& o) { return cli::one_matrix_file(o.common); }

namespace {

std::vector<std::string> header(const Options& o, bool symmetric, Eigen::Index n) {
    std::vector<std::string> h;
    if (symmetric) {
        h.push_back("eigenvalue");
    } else {
        h = {"re", "im"};
    }
    if (o.check) h.push_back("residual");
    if (o.vectors) {
        for (Eigen::Index j = 1; j <= n; ++j) {
            // Appended, not "v" + to_string(j): GCC 12 warns falsely (-Wrestrict) on that.
            std::string v = "v";
            v += std::to_string(j);
            if (symmetric) {
                h.push_back(v);
            } else {
                h.push_back(v + "_re");
                h.push_back(v + "_im");
            }
        }
    }
    return h;
}

}  // namespace

int run_eigen(const Options& o, cli::Context& ctx) {
    const cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    const linalg::Eigenpairs pairs =
        linalg::eigenpairs(a.values, o.vectors || o.check || o.common.explain, o.general);
    if (o.common.explain) return cli::explained(ctx, [&](cli::Context& c) { return explain_pairs(c, a, pairs); });
    const Eigen::Index n = pairs.values.size();
    Eigen::VectorXd residuals;
    if (o.check) residuals = linalg::eigen_residuals(a.values, pairs);
    io::TableWriter out = ctx.table(header(o, pairs.symmetric, n));
    for (Eigen::Index j = 0; j < n; ++j) {
        out.cell(pairs.values(j).real());
        if (!pairs.symmetric) out.cell(pairs.values(j).imag());
        if (o.check) out.cell(residuals(j));
        if (o.vectors)
            for (Eigen::Index i = 0; i < n; ++i) {
                out.cell(pairs.vectors(i, j).real());
                if (!pairs.symmetric) out.cell(pairs.vectors(i, j).imag());
            }
        out.end_row();
    }
    out.finish();
    return 0;
}

}  // namespace mlm::eig_tool
