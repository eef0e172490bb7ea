// mlm-eig svd [FILE]: singular values, vectors (--u, --v), and the best
// rank-k approximation (--rank-k) by the thin SVD.
#include "error.hpp"
#include "eig/eig_tool.hpp"
#include "linalg/svd.hpp"

namespace mlm::eig_tool {

int run_svd(const Options& o, cli::Context& ctx) {
    cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    const Eigen::Index n = a.values.rows(), d = a.values.cols(), r = std::min(n, d);
    if (o.rank_k > r)
        throw UsageError("--rank-k " + std::to_string(o.rank_k) + " is more than the " + std::to_string(r) +
                         " singular values of a " + std::to_string(n) + " x " + std::to_string(d) + " matrix");
    const std::vector<std::string> names = cli::result_names(a);
    const bool approximate = o.rank_k > 0;
    const linalg::SingularDecomposition svd =
        linalg::thin_svd(std::move(a.values), o.u || approximate, o.v || approximate);
    if (approximate) {
        cli::write_matrix(ctx, names, linalg::rank_k_approximation(svd, o.rank_k));
        return 0;
    }
    std::vector<std::string> header = {"singular_value"};
    if (o.u)
        for (const auto& name : cli::numbered_names("u", n)) header.push_back(name);
    if (o.v)
        for (const auto& name : cli::numbered_names("v", d)) header.push_back(name);
    io::TableWriter out = ctx.table(header);
    for (Eigen::Index j = 0; j < r; ++j) {
        out.cell(svd.values(j));
        if (o.u)
            for (Eigen::Index i = 0; i < n; ++i) out.cell(svd.u(i, j));
        if (o.v)
            for (Eigen::Index i = 0; i < d; ++i) out.cell(svd.v(i, j));
        out.end_row();
    }
    out.finish();
    return 0;
}

}  // namespace mlm::eig_tool
