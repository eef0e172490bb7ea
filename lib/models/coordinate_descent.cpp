// Cyclic coordinate descent for the elastic net; see coordinate_descent.hpp.
#include "models/coordinate_descent.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::models {

double soft_threshold(double a, double t) {
    if (a > t) return a - t;
    if (a < -t) return a + t;
    return 0;
}

CoordinateResult coordinate_descent(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double l1, double l2,
                                    Eigen::VectorXd w, double tol, long max_sweeps) {
    const double n = static_cast<double>(x.rows());
    const Eigen::VectorXd norms = x.colwise().squaredNorm().transpose() / n;
    Eigen::VectorXd r = y - x * w;
    CoordinateResult out;
    while (out.sweeps < max_sweeps) {
        ++out.sweeps;
        double largest = 0;
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            if (norms[j] == 0) continue;
            const double old = w[j];
            const double rho = x.col(j).dot(r) / n + norms[j] * old;
            w[j] = soft_threshold(rho, l1) / (norms[j] + l2);
            if (w[j] != old) {
                r -= (w[j] - old) * x.col(j);
                largest = std::max(largest, std::abs(w[j] - old) * std::sqrt(norms[j]));
            }
        }
        if (largest <= tol) {
            out.converged = true;
            break;
        }
    }
    out.weights = std::move(w);
    return out;
}

}  // namespace mlm::models
