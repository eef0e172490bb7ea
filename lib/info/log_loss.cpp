#include "info/log_loss.hpp"

#include "info/entropy.hpp"

#include <algorithm>

namespace mlm::info {

double binary_log_loss(double y, double p, double eps, double base) {
    p = std::clamp(p, eps, 1 - eps);
    return -log_in_base(y == 1 ? p : 1 - p, base);
}

double multiclass_log_loss(std::span<const double> probabilities, std::size_t truth, double eps, double base) {
    double sum = 0;
    for (double q : probabilities) sum += std::clamp(q, eps, 1 - eps);
    return -log_in_base(std::clamp(probabilities[truth], eps, 1 - eps) / sum, base);
}

}  // namespace mlm::info
