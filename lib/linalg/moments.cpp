#include "linalg/moments.hpp"

#include "error.hpp"

#include <cmath>
#include <string>

namespace mlm::linalg {

Moments::Moments(Eigen::Index columns)
    : mean_(Eigen::VectorXd::Zero(columns)), lower_(Eigen::MatrixXd::Zero(columns, columns)) {}

Moments Moments::from_parts(std::int64_t count, Eigen::VectorXd mean,
                            const Eigen::MatrixXd& comoments) {
    const Eigen::Index d = mean.size();
    if (count < 0) throw InputError("count must be >= 0, got " + std::to_string(count));
    if (comoments.rows() != d || comoments.cols() != d)
        throw InputError("co-moment matrix must be " + std::to_string(d) + "x" +
                         std::to_string(d) + ", got " + std::to_string(comoments.rows()) +
                         "x" + std::to_string(comoments.cols()));
    Moments m(d);
    m.count_ = count;
    m.mean_ = std::move(mean);
    m.lower_ = comoments;
    return m;
}

void Moments::check_width(Eigen::Index columns) const {
    if (columns != dimension())
        throw InputError("block has " + std::to_string(columns) + " columns, expected " +
                         std::to_string(dimension()));
}

void Moments::absorb_block() {
    const auto m = static_cast<std::int64_t>(centred_.rows());
    const Eigen::VectorXd block_mean = centred_.colwise().mean().transpose();
    centred_.rowwise() -= block_mean.transpose();
    // M2 is additive once each part is centred on its own mean, so the block's
    // co-moments go straight into the accumulator and only the mean shift is merged.
    lower_.selfadjointView<Eigen::Lower>().rankUpdate(centred_.transpose());
    if (count_ == 0) {
        mean_ = block_mean;
        count_ = m;
        return;
    }
    const double n_a = static_cast<double>(count_);
    const double n = n_a + static_cast<double>(m);
    const Eigen::VectorXd delta = block_mean - mean_;
    lower_.selfadjointView<Eigen::Lower>().rankUpdate(delta, n_a * static_cast<double>(m) / n);
    mean_ += delta * (static_cast<double>(m) / n);
    count_ += m;
}

void Moments::merge(const Moments& other) {
    if (other.dimension() != dimension())
        throw InputError("cannot merge moments of " + std::to_string(other.dimension()) +
                         " columns into moments of " + std::to_string(dimension()));
    if (other.count_ == 0) return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    const double n_a = static_cast<double>(count_);
    const double n_b = static_cast<double>(other.count_);
    const double n = n_a + n_b;
    const Eigen::VectorXd delta = other.mean_ - mean_;
    lower_.triangularView<Eigen::Lower>() += other.lower_;
    lower_.selfadjointView<Eigen::Lower>().rankUpdate(delta, n_a * n_b / n);
    mean_ += delta * (n_b / n);
    count_ += other.count_;
}

Moments Moments::columns(const std::vector<Eigen::Index>& keep) const {
    const auto k = static_cast<Eigen::Index>(keep.size());
    const Eigen::MatrixXd full = comoments();
    Moments out(k);
    out.count_ = count_;
    for (Eigen::Index i = 0; i < k; ++i) {
        out.mean_(i) = mean_(keep[static_cast<std::size_t>(i)]);
        for (Eigen::Index j = 0; j < k; ++j)
            out.lower_(i, j) = full(keep[static_cast<std::size_t>(i)], keep[static_cast<std::size_t>(j)]);
    }
    return out;
}

Eigen::MatrixXd Moments::comoments() const {
    return lower_.selfadjointView<Eigen::Lower>();
}

Eigen::MatrixXd Moments::covariance() const {
    if (count_ < 2)
        throw InputError("a covariance needs at least 2 rows, got " + std::to_string(count_));
    return comoments() / static_cast<double>(count_ - 1);
}

Eigen::VectorXd Moments::population_sd() const {
    if (count_ < 1) throw InputError("no rows");
    return (lower_.diagonal().array() / static_cast<double>(count_)).sqrt();
}

}  // namespace mlm::linalg
