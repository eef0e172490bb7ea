// mlm-eig power [FILE]: the dominant eigenpair by power iteration, with the
// steps shown by --trace.
#include "error.hpp"
#include "eig/eig_tool.hpp"
#include "io/number.hpp"
#include "linalg/power_iteration.hpp"

#include <optional>

namespace mlm::eig_tool {

int run_power(const Options& o, cli::Context& ctx) {
    const cli::NamedMatrix a = cli::read_matrix(ctx, one_file(o));
    const linalg::PowerSettings settings{o.tol, o.max_iter, o.common.seed};
    std::optional<io::TableWriter> trace;
    if (o.trace) trace.emplace(ctx.table({"step", "lambda", "delta", "residual"}));
    const linalg::PowerResult result = linalg::power_iteration(a.values, settings, [&](const linalg::PowerStep& s) {
        if (!trace) return;
        trace->cell(static_cast<double>(s.step)).cell(s.lambda).cell(s.delta).cell(s.residual).end_row();
    });
    if (!result.converged) {
        // Appended piece by piece: g++ 12 warns (-Wrestrict, a false positive) on the + chain.
        std::string message = "power iteration did not converge in ";
        message += std::to_string(o.max_iter);
        message += " steps (lambda ";
        message += io::format_number(result.lambda, 6);
        message += ", residual ";
        message += io::format_number(result.last.residual, 3);
        message += "): the dominant eigenvalue may be complex or tied in magnitude";
        throw NumericError(message);
    }
    if (trace) {
        trace->finish();
        return 0;
    }
    std::vector<std::string> header = {"eigenvalue", "steps", "residual"};
    for (const auto& name : cli::numbered_names("v", a.values.rows())) header.push_back(name);
    io::TableWriter out = ctx.table(header);
    out.cell(result.lambda).cell(static_cast<double>(result.last.step)).cell(result.last.residual);
    for (Eigen::Index i = 0; i < result.vector.size(); ++i) out.cell(result.vector(i));
    out.end_row();
    out.finish();
    return 0;
}

}  // namespace mlm::eig_tool
