// The method and its settings that fit's options describe, the --trace
// writer, and the status of a fit that stopped short of --tol.
#pragma once

#include <optional>
#include <string>

#include "cli/context.hpp"
#include "gd/gd_tool.hpp"
#include "io/table_writer.hpp"
#include "models/fit.hpp"

namespace mlm::gd_tool {

constexpr const char* partial_kind = "mlm-gd partial";

// UsageError for options the chosen method does not take (--batch with
// lbfgs, --lr with auto, lbfgs with --l1).
models::FitSettings fit_settings(const Options& o, const models::Spec& spec);

// "column-pivoted Householder QR on centered data", ...
std::string method_description(models::Solver s);

// --trace: epoch,loss,grad_norm,lr streamed as the fit runs (loss: the whole objective).
class TraceWriter {
public:
    TraceWriter(const Options& o, cli::Context& ctx);
    models::EpochObserver observer();
    void finish();

private:
    std::optional<io::TableWriter> table_;
};

// 0 when converged; else a warning naming the gradient norm and --tol, and status 4.
int not_converged(const cli::Context& ctx, const models::FitResult& r, const models::FitSettings& s);

}  // namespace mlm::gd_tool
