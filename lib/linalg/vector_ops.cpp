#include "linalg/vector_ops.hpp"

#include "compensated_sum.hpp"
#include "error.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace mlm::linalg {

double p_norm(const VectorRef& x, double p) {
    if (x.size() == 0) return 0;
    if (x.hasNaN()) return std::numeric_limits<double>::quiet_NaN();
    const double s = x.cwiseAbs().maxCoeff();
    if (p == infinity_norm || s == 0 || std::isinf(s)) return s;
    CompensatedSum sum;
    if (p == 1) {
        for (double v : x) sum.add(std::fabs(v));
        return sum.value();
    }
    for (double v : x) {
        const double r = std::fabs(v) / s;
        sum.add(p == 2 ? r * r : std::pow(r, p));
    }
    return s * (p == 2 ? std::sqrt(sum.value()) : std::pow(sum.value(), 1 / p));
}

Eigen::VectorXd normalized(const VectorRef& x) {
    const double n = p_norm(x);
    if (n == 0) return Eigen::VectorXd::Zero(x.size());
    return x / n;
}

double dot(const VectorRef& x, const VectorRef& y) {
    CompensatedSum sum;
    for (Eigen::Index i = 0; i < x.size(); ++i) sum.add(x[i] * y[i]);
    return sum.value();
}

double cosine_similarity(const VectorRef& x, const VectorRef& y) {
    const double nx = p_norm(x), ny = p_norm(y);
    if (nx == 0 || ny == 0) return std::numeric_limits<double>::quiet_NaN();
    CompensatedSum sum;
    for (Eigen::Index i = 0; i < x.size(); ++i) sum.add((x[i] / nx) * (y[i] / ny));
    // Rounding can put parallel vectors a few ulp past 1; a cosine is in [-1, 1].
    return std::clamp(sum.value(), -1.0, 1.0);
}

Metric parse_metric(std::string_view name) {
    if (name == "euclidean") return Metric::euclidean;
    if (name == "manhattan") return Metric::manhattan;
    if (name == "cosine") return Metric::cosine;
    throw UsageError("unknown metric \"" + std::string(name) + "\" (euclidean, manhattan or cosine)");
}

const char* metric_name(Metric m) {
    switch (m) {
        case Metric::euclidean: return "euclidean";
        case Metric::manhattan: return "manhattan";
        case Metric::cosine: return "cosine";
    }
    return "";
}

double distance(const VectorRef& x, const VectorRef& y, Metric metric) {
    if (metric == Metric::cosine) return 1 - cosine_similarity(x, y);
    const Eigen::VectorXd d = x - y;
    return p_norm(d, metric == Metric::euclidean ? 2 : 1);
}

}  // namespace mlm::linalg
