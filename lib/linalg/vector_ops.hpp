// Arithmetic on vectors (the rows of mlm-vec): p-norms, dot products, cosine
// similarity and distances, computed so that long or extreme vectors keep
// their digits.
//
//   ||x||_p   = s * (sum_i |x_i / s|^p)^(1/p),  s = max_i |x_i|   (p >= 1 finite)
//   ||x||_inf = max_i |x_i|
//   x . y     = sum_i x_i y_i                   (Neumaier-compensated sum)
//   cos(x, y) = (x / ||x||_2) . (y / ||y||_2)   (nan when either is zero)
//   euclidean = ||x - y||_2, manhattan = ||x - y||_1, cosine distance = 1 - cos
//
// Scaling by s before raising to p is what hypot and BLAS nrm2 do: the sum
// neither overflows (1e200^2) nor underflows (1e-200^2) where the norm itself
// is a representable number. Sums are compensated, so their error does not
// grow with the length of the vector. nan in, nan out; inf gives inf norms.
#pragma once

#include <Eigen/Core>
#include <limits>
#include <string_view>

namespace mlm::linalg {

using VectorRef = Eigen::Ref<const Eigen::VectorXd>;

inline constexpr double infinity_norm = std::numeric_limits<double>::infinity();

// ||x||_p for p >= 1 (p = infinity_norm for the max norm).
double p_norm(const VectorRef& x, double p = 2);
// x / ||x||_2 (all zeros stay zeros; the caller decides whether that is an error).
Eigen::VectorXd normalized(const VectorRef& x);
double dot(const VectorRef& x, const VectorRef& y);
double cosine_similarity(const VectorRef& x, const VectorRef& y);

enum class Metric { euclidean, manhattan, cosine };
// "euclidean", "manhattan", "cosine"; UsageError otherwise.
Metric parse_metric(std::string_view name);
const char* metric_name(Metric m);
double distance(const VectorRef& x, const VectorRef& y, Metric metric);

}  // namespace mlm::linalg
