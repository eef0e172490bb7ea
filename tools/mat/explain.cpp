// mlm-mat mul --explain: the first element of C = A B as row 1 of A times
// column 1 of B, the whole product when it is small enough to read, and the
// reading of A as a transformation that maps each column of B to one of C.
#include "io/number.hpp"
#include "linalg/matrix_ops.hpp"
#include "mat/mat_tool.hpp"

#include <algorithm>

namespace mlm::mat_tool {
namespace {

using Index = Eigen::Index;

std::string num(double x) { return io::format_number(x, 6); }

// The terms of a sum, all of them up to 8, else the first 4, "...", the last 2.
std::vector<Index> shown_terms(Index n) {
    std::vector<Index> out;
    for (Index k = 0; k < n; ++k)
        if (n <= 8 || k < 4 || k >= n - 2) out.push_back(k);
    return out;
}

std::string joined_terms(Index n, const std::function<std::string(Index)>& term, const char* sep) {
    std::string out;
    Index previous = -1;
    for (Index k : shown_terms(n)) {
        if (!out.empty()) out += sep;
        if (previous >= 0 && k != previous + 1) out += std::string("...") + sep;
        out += term(k);
        previous = k;
    }
    return out;
}

void print_small(io::Output& out, const Eigen::MatrixXd& c) {
    std::vector<std::vector<std::string>> cells(static_cast<std::size_t>(c.rows()));
    std::size_t width = 0;
    for (Index i = 0; i < c.rows(); ++i)
        for (Index j = 0; j < c.cols(); ++j) {
            cells[static_cast<std::size_t>(i)].push_back(num(c(i, j)));
            width = std::max(width, cells[static_cast<std::size_t>(i)].back().size());
        }
    for (const auto& row : cells) {
        out << " ";
        for (const auto& cell : row) out << " " << std::string(width - cell.size(), ' ') << cell;
        out << "\n";
    }
}

}  // namespace

int explain_mul(cli::Context& ctx, const cli::NamedMatrix& a, const cli::NamedMatrix& b) {
    const Eigen::MatrixXd& A = a.values;
    const Eigen::MatrixXd B = b.values;
    const Index n = A.rows(), m = A.cols(), p = B.cols();
    io::Output& out = ctx.out();
    out << "Matrix product C = A B, each element a row of A times a column of B:\n"
        << "  c_ij = sum over k of a_ik b_kj\n\n"
        << "A (" << a.source << ") is " << linalg::shape_text(n, m) << ", B (" << b.source << ") is "
        << linalg::shape_text(m, p) << ", so C is " << linalg::shape_text(n, p) << ".\n\n";
    if (m == 0 || n == 0 || p == 0) return 0;
    out << "One element, row 1 of A times column 1 of B:\n"
        << "  c_11 = " << joined_terms(m, [](Index k) {
               return "a_1" + std::to_string(k + 1) + " b_" + std::to_string(k + 1) + "1";
           }, " + ") << "\n"
        << "       = " << joined_terms(m, [&](Index k) {
               return num(A(0, k)) + "*" + num(B(k, 0));
           }, " + ") << "\n";
    if (m > 1)
        out << "       = " << joined_terms(m, [&](Index k) { return num(A(0, k) * B(k, 0)); }, " + ") << "\n";
    const double c11 = A.row(0).dot(B.col(0));
    out << "       = " << io::format_number(c11) << "\n\n";
    if (n <= 8 && p <= 8) {
        out << "The whole product, every element the same way:\n";
        print_small(out, A * B);
        out << "\n";
    }
    out << "As a transformation: A turns each column of B (a vector of " << m << " numbers) into the\n"
        << "same column of C (a vector of " << n << "): output i weighs the inputs by row i of A.\n"
        << "So A is a function that maps " << m << "-dimensional vectors to " << n
        << "-dimensional ones,\nand a product of matrices is those functions applied one after another.\n";
    return 0;
}

}  // namespace mlm::mat_tool
