#include "linalg/matrix_ops.hpp"

#include "error.hpp"
#include "linalg/svd.hpp"

#include <cmath>
#include <limits>

namespace mlm::linalg {

std::string shape_text(Eigen::Index rows, Eigen::Index cols) {
    return std::to_string(rows) + " x " + std::to_string(cols);
}

void require_product_shapes(const Eigen::Ref<const Eigen::MatrixXd>& a, std::string_view a_name,
                            const Eigen::Ref<const Eigen::MatrixXd>& b, std::string_view b_name) {
    if (a.cols() == b.rows()) return;
    throw InputError(std::string(a_name) + " is " + shape_text(a.rows(), a.cols()) + " and " +
                     std::string(b_name) + " is " + shape_text(b.rows(), b.cols()) + ": the " +
                     std::to_string(a.cols()) + " columns of the first must equal the " +
                     std::to_string(b.rows()) + " rows of the second");
}

void require_square(const Eigen::Ref<const Eigen::MatrixXd>& a, std::string_view what) {
    if (a.rows() == a.cols()) return;
    throw InputError(std::string(what) + " needs a square matrix, got " + shape_text(a.rows(), a.cols()));
}

double power_of_two_scale(const Eigen::Ref<const Eigen::MatrixXd>& a) {
    const double top = a.size() ? a.cwiseAbs().maxCoeff() : 0;
    if (!(top > 0) || !std::isfinite(top)) return 1;
    return std::ldexp(1.0, std::ilogb(top));
}

Determinant determinant(const Eigen::Ref<const Eigen::MatrixXd>& a) {
    if (a.size() == 0) return {1, 0, 1};
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(a);
    const auto& f = lu.matrixLU();
    Determinant d{static_cast<double>(lu.permutationP().determinant()), 0, 0};
    double value = d.sign;
    for (Eigen::Index i = 0; i < f.rows(); ++i) {
        const double u = f(i, i);
        if (u == 0) return {0, -std::numeric_limits<double>::infinity(), 0};
        if (std::isnan(u)) return {std::nan(""), std::nan(""), std::nan("")};
        if (u < 0) d.sign = -d.sign;
        d.log_abs += std::log(std::abs(u));
        value *= u;
    }
    // The running product can overflow or underflow midway although the
    // determinant is in range; then the logarithm gives it.
    const double from_log = d.sign * std::exp(d.log_abs);
    d.value = std::isfinite(value) && value != 0 ? value : from_log;
    return d;
}

NormKind norm_kind_from_name(std::string_view name) {
    if (name == "fro") return NormKind::frobenius;
    if (name == "spectral") return NormKind::spectral;
    if (name == "nuclear") return NormKind::nuclear;
    throw UsageError("unknown norm \"" + std::string(name) + "\": expected fro, spectral or nuclear");
}

std::string_view norm_kind_name(NormKind kind) {
    switch (kind) {
        case NormKind::frobenius: return "fro";
        case NormKind::spectral: return "spectral";
        case NormKind::nuclear: return "nuclear";
    }
    return "fro";
}

double matrix_norm(const Eigen::Ref<const Eigen::MatrixXd>& a, NormKind kind) {
    // Eigen's stableNorm scales as it goes: entries near 1e200 do not overflow.
    if (kind == NormKind::frobenius) return a.reshaped().stableNorm();
    const Eigen::VectorXd s = singular_values(a);
    if (s.size() == 0) return 0;
    return kind == NormKind::spectral ? s.maxCoeff() : s.sum();
}

}  // namespace mlm::linalg
