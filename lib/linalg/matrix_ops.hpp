// The matrix operations of mlm-mat that are not solves: the product C = A B
// (c_ij = sum_k a_ik b_kj), the determinant by LU (det A = sign * prod |u_ii|,
// with log|det A| summed so that a determinant beyond a double's range still
// has its logarithm), and the norms ||A||_F = sqrt(sum a_ij^2),
// ||A||_2 = s_max and ||A||_* = sum s_i (s_i the singular values).
#pragma once

#include <Eigen/Dense>

#include <string>
#include <string_view>

namespace mlm::linalg {

// "2 x 3", for messages about shapes.
std::string shape_text(Eigen::Index rows, Eigen::Index cols);

// Throws InputError naming both shapes unless a's columns equal b's rows.
// `a_name` and `b_name` say which inputs they are ("A (a.csv)").
void require_product_shapes(const Eigen::Ref<const Eigen::MatrixXd>& a, std::string_view a_name,
                            const Eigen::Ref<const Eigen::MatrixXd>& b, std::string_view b_name);

// InputError unless `a` is square; `what` names the operation ("det").
void require_square(const Eigen::Ref<const Eigen::MatrixXd>& a, std::string_view what);

// A power of two near max |a_ij| (1 for a zero matrix): dividing by it is
// exact, and brings entries near 1e308 to where products and sums of squares
// do not overflow, for the solvers that do not scale by themselves.
double power_of_two_scale(const Eigen::Ref<const Eigen::MatrixXd>& a);

// numpy.linalg.slogdet: det A = sign * exp(log_abs). A singular matrix has
// sign 0 and log_abs -inf. `value` is the determinant itself (LU's product of
// pivots; +-inf or 0 when it leaves a double's range while log_abs does not).
struct Determinant {
    double sign = 0;
    double log_abs = 0;
    double value = 0;
};
Determinant determinant(const Eigen::Ref<const Eigen::MatrixXd>& a);

enum class NormKind { frobenius, spectral, nuclear };
NormKind norm_kind_from_name(std::string_view name);  // "fro", "spectral", "nuclear"
std::string_view norm_kind_name(NormKind kind);
double matrix_norm(const Eigen::Ref<const Eigen::MatrixXd>& a, NormKind kind);

}  // namespace mlm::linalg
