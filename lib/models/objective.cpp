// The mean loss of a linear model and its gradient; see objective.hpp.
#include "models/objective.hpp"

#include <algorithm>
#include <cmath>

namespace mlm::models {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

// Rows per block: Z and the residuals stay in cache while X streams once.
constexpr Index block = 2048;

// log(1 + e^z) and σ(z) = 1/(1 + e^-z) from one e^-|z|, without overflow or cancellation.
struct Logistic {
    double softplus, sigmoid;
};
Logistic logistic(double z) {
    const double e = std::exp(-std::abs(z));
    return {std::max(z, 0.0) + std::log1p(e), z >= 0 ? 1 / (1 + e) : e / (1 + e)};
}

}  // namespace

Objective::Objective(const RowMatrix& x, const VectorXd& y, const Spec& spec) : x_(x), y_(y), spec_(spec) {}

Index Objective::weight_count() const { return x_.cols() * spec_.classes; }
Index Objective::size() const { return weight_count() + (spec_.intercept ? spec_.classes : 0); }

Parameters Objective::unpack(const VectorXd& theta) const {
    Parameters p;
    p.weights = Eigen::Map<const MatrixXd>(theta.data(), x_.cols(), spec_.classes);
    p.intercept = spec_.intercept ? VectorXd(theta.tail(spec_.classes)) : VectorXd::Zero(spec_.classes);
    return p;
}

VectorXd Objective::pack(const Parameters& p) const {
    VectorXd theta(size());
    theta.head(weight_count()) = Eigen::Map<const VectorXd>(p.weights.data(), weight_count());
    if (spec_.intercept) theta.tail(spec_.classes) = p.intercept;
    return theta;
}

double Objective::accumulate(const Eigen::Ref<const RowMatrix>& xb, const Eigen::Ref<const VectorXd>& yb,
                             const Parameters& p, MatrixXd* gw, VectorXd* gb) const {
    MatrixXd z = xb * p.weights;
    z.rowwise() += p.intercept.transpose();
    double sum = 0;
    // z becomes dloss/dz in place.
    for (Index i = 0; i < z.rows(); ++i) {
        switch (spec_.loss) {
            case Loss::mse: {
                const double r = z(i, 0) - yb[i];
                sum += 0.5 * r * r;
                z(i, 0) = r;
                break;
            }
            case Loss::huber: {
                const double r = z(i, 0) - yb[i], d = spec_.huber_delta;
                sum += std::abs(r) <= d ? 0.5 * r * r : d * (std::abs(r) - d / 2);
                z(i, 0) = std::clamp(r, -d, d);
                break;
            }
            case Loss::log:
                if (spec_.kind != Kind::softmax) {
                    const Logistic l = logistic(z(i, 0));
                    sum += l.softplus - yb[i] * z(i, 0);
                    z(i, 0) = l.sigmoid - yb[i];
                } else {
                    const double top = z.row(i).maxCoeff();
                    double total = 0;
                    for (Index c = 0; c < z.cols(); ++c) total += std::exp(z(i, c) - top);
                    const double lse = top + std::log(total);
                    const auto label = static_cast<Index>(yb[i]);
                    sum += lse - z(i, label);
                    for (Index c = 0; c < z.cols(); ++c) z(i, c) = std::exp(z(i, c) - lse);
                    z(i, label) -= 1;
                }
                break;
        }
    }
    if (gw) gw->noalias() += xb.transpose() * z;
    if (gb) *gb += z.colwise().sum().transpose();
    return sum;
}

double Objective::evaluate(const VectorXd& theta, VectorXd* gradient) const {
    const Parameters p = unpack(theta);
    MatrixXd gw = MatrixXd::Zero(x_.cols(), spec_.classes);
    VectorXd gb = VectorXd::Zero(spec_.classes);
    double sum = 0;
    for (Index start = 0; start < x_.rows(); start += block) {
        const Index m = std::min(block, x_.rows() - start);
        sum += accumulate(x_.middleRows(start, m), y_.segment(start, m), p, gradient ? &gw : nullptr,
                          gradient ? &gb : nullptr);
    }
    const double n = static_cast<double>(x_.rows());
    if (gradient) {
        gw = gw / n + spec_.l2 * p.weights;
        gb /= n;
        *gradient = pack({gw, gb});
    }
    return sum / n + spec_.l2 / 2 * p.weights.squaredNorm();
}

double Objective::operator()(const VectorXd& theta, VectorXd& gradient) const { return evaluate(theta, &gradient); }

double Objective::batch(const VectorXd& theta, const std::vector<Index>& rows, VectorXd& gradient) const {
    const Parameters p = unpack(theta);
    const auto at = Eigen::Map<const Eigen::Matrix<Index, Eigen::Dynamic, 1>>(rows.data(),
                                                                             static_cast<Index>(rows.size()));
    const RowMatrix xb = x_(at, Eigen::all);
    const VectorXd yb = y_(at);
    MatrixXd gw = MatrixXd::Zero(x_.cols(), spec_.classes);
    VectorXd gb = VectorXd::Zero(spec_.classes);
    const double n = static_cast<double>(rows.size());
    const double sum = accumulate(xb, yb, p, &gw, &gb);
    gw = gw / n + spec_.l2 * p.weights;
    gb /= n;
    gradient = pack({gw, gb});
    return sum / n + spec_.l2 / 2 * p.weights.squaredNorm();
}

double Objective::mean_loss(const VectorXd& theta) const {
    const Parameters p = unpack(theta);
    return evaluate(theta, nullptr) - spec_.l2 / 2 * p.weights.squaredNorm();
}

double Objective::value(const VectorXd& theta) const {
    return evaluate(theta, nullptr) + spec_.l1 * theta.head(weight_count()).lpNorm<1>();
}

MatrixXd linear_scores(const Eigen::Ref<const RowMatrix>& x, const Parameters& p) {
    MatrixXd z = x * p.weights;
    z.rowwise() += p.intercept.transpose();
    return z;
}

}  // namespace mlm::models
