// mlm-eig --explain: A v = lambda v with the input's numbers, for the first
// pair, then every eigenvalue and the trace and determinant they add and
// multiply to, and what the pair means.
#include "eig/eig_tool.hpp"
#include "io/number.hpp"
#include "linalg/matrix_ops.hpp"

#include <algorithm>
#include <complex>

namespace mlm::eig_tool {
namespace {

using Index = Eigen::Index;
using Complex = std::complex<double>;

std::string num(double x) { return io::format_number(x, 6); }

std::string num(Complex z) {
    if (z.imag() == 0) return num(z.real());
    std::string out = z.real() == 0 ? std::string() : num(z.real());
    out += z.imag() < 0 ? (out.empty() ? "-" : " - ") : (out.empty() ? "" : " + ");
    out += num(std::abs(z.imag()));
    out += 'i';
    return out;
}

// "(x1, x2, ...)", at most 8 entries shown.
std::string vector_text(const Eigen::VectorXcd& v) {
    std::string out = "(";
    for (Index i = 0; i < v.size(); ++i) {
        if (i == 8) {
            out += ", ...";
            break;
        }
        if (i) out += ", ";
        out += num(v(i));
    }
    return out + ")";
}

void print_matrix(io::Output& out, const Eigen::MatrixXd& a) {
    std::size_t width = 0;
    for (Index i = 0; i < a.size(); ++i) width = std::max(width, num(a.reshaped()(i)).size());
    for (Index i = 0; i < a.rows(); ++i) {
        out << " ";
        for (Index j = 0; j < a.cols(); ++j) {
            const std::string cell = num(a(i, j));
            out << " " << std::string(width - cell.size(), ' ') << cell;
        }
        out << "\n";
    }
}

}  // namespace

int explain_pairs(cli::Context& ctx, const cli::NamedMatrix& a, const linalg::Eigenpairs& pairs) {
    const Eigen::MatrixXd& m = a.values;
    const Index n = m.rows();
    io::Output& out = ctx.out();
    out << "Eigenpairs: A v = lambda v. An eigenvector v is a direction that A only\n"
        << "stretches, by the factor lambda (flipping it when lambda < 0), never turns.\n\n"
        << "A (" << a.source << ") is " << linalg::shape_text(n, n);
    if (pairs.symmetric)
        out << " and symmetric: the symmetric solver, real\neigenvalues sorted descending, orthonormal eigenvectors.\n";
    else
        out << " and not symmetric: the general solver,\neigenvalues complex in general, sorted by descending |lambda|.\n";
    if (n <= 8) {
        out << "\nA =\n";
        print_matrix(out, m);
    }
    if (n == 0) return 0;
    const Complex lambda = pairs.values(0);
    const Eigen::VectorXcd v = pairs.vectors.col(0);
    const Eigen::VectorXcd av = m.cast<Complex>() * v;
    out << "\nThe first pair, lambda_1 = " << num(lambda) << " with the unit vector\n"
        << "  v_1          = " << vector_text(v) << "\n"
        << "  A v_1        = " << vector_text(av) << "\n"
        << "  lambda_1 v_1 = " << vector_text(lambda * v) << "\n";
    // Rounding differs by platform (FMA or not): below 1e-12 of the scale it is noise.
    const double residual = (av - lambda * v).norm();
    if (residual <= 1e-12 * std::max(std::abs(lambda), m.norm()))
        out << "The two sides agree to rounding (|A v_1 - lambda_1 v_1| < 1e-12 |A|).\n\n";
    else
        out << "The two sides agree to |A v_1 - lambda_1 v_1| = " << io::format_number(residual, 3) << ".\n\n";
    out << "All " << n << " eigenvalues: ";
    for (Index j = 0; j < std::min<Index>(n, 8); ++j) out << (j ? ", " : "") << num(pairs.values(j));
    if (n > 8) out << ", ...";
    out << "\nTheir sum " << num(pairs.values.sum()) << " is the trace of A (" << num(m.trace())
        << "), their product " << num(pairs.values.prod()) << " its determinant.\n\n"
        << "What it means: multiplying any vector by A again and again turns it toward\n"
        << "the eigenvector of largest |lambda|, as a rubber band stretched the same way\n"
        << "over and over lines up with its longest stretch (mlm-eig power shows it).\n";
    return 0;
}

}  // namespace mlm::eig_tool
