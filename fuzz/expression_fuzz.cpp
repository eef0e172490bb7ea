// libFuzzer target for the expression language: arbitrary text must parse into
// a tape or end in an mlm::Error, and every walk over a tape it accepts (value,
// gradient, chain-rule trace, block evaluator, Hessian, assignment) must finish
// without a crash, a stack overflow or an exception of another type
// (CONTRACT.md section 5). The first byte chooses the point; the rest is the
// expression. Inputs up to 256 kB (-max_len=262144) reach the nesting limit.
#include "calc/assignment.hpp"
#include "calc/backprop.hpp"
#include "calc/block_evaluator.hpp"
#include "calc/chain_rule_trace.hpp"
#include "calc/expression.hpp"
#include "calc/hessian.hpp"
#include "error.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

namespace {

using namespace mlm::calc;

// Points that reach the awkward corners: 0, negatives, NaN, infinities.
double coordinate(std::uint8_t b, std::size_t j) {
    constexpr double values[] = {0.0, 1.0, -1.0, 0.5, -2.5, 1e308, -1e-308, 3.0};
    switch ((b + j) % 11) {
        case 8: return std::numeric_limits<double>::quiet_NaN();
        case 9: return std::numeric_limits<double>::infinity();
        case 10: return -std::numeric_limits<double>::infinity();
        default: return values[(b + j) % 11];
    }
}

void walk(const Tape& tape, std::uint8_t b) {
    const auto k = static_cast<Eigen::Index>(tape.variables.size());
    Eigen::VectorXd x(k);
    std::string assignment;
    for (Eigen::Index j = 0; j < k; ++j) {
        x[j] = coordinate(b, static_cast<std::size_t>(j));
        assignment += (j ? "," : "") + tape.variables[static_cast<std::size_t>(j)] + "=1";
    }
    (void)value(tape, x);
    (void)value_and_gradient(tape, x);
    (void)chain_rule_trace(tape, x);
    (void)parse_assignment(assignment, tape);
    // The Hessian costs one pass per variable: keep it to small tapes.
    if (k <= 8 && tape.nodes.size() <= 20000) (void)hessian(tape, x);
    BlockEvaluator block(tape);
    Eigen::MatrixXd points(3, k), out(3, k + 1);
    // Rows of a 3x0 matrix would offset a null pointer (UBSan): no variables, no rows to fill.
    if (k > 0)
        for (Eigen::Index r = 0; r < 3; ++r) points.row(r) = x.transpose() * static_cast<double>(r);
    block.value_and_gradient(points, out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        walk(parse_expression(text), data[0]);
    } catch (const mlm::Error&) {
    }
    return 0;
}
