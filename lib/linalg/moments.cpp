#include "linalg/moments.hpp"

#include "error.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace mlm::linalg {

double unit_for(double largest) {
    // Beyond 2^400 a square (and a sum of 2^60 of them) could leave the range of
    // a double; below it every square and sum is finite, so keep unit 1 (no scaling).
    if (!(largest > 0x1p400) || !std::isfinite(largest)) return 1;
    // At most 2^1023 (2^1024 is inf): values up to DBL_MAX are then below 2 units.
    return std::ldexp(1.0, std::min(std::ilogb(largest) + 1, 1023));
}

Moments::Moments(Eigen::Index columns)
    : mean_(Eigen::VectorXd::Zero(columns)), units_(Eigen::VectorXd::Ones(columns)),
      lower_(Eigen::MatrixXd::Zero(columns, columns)) {}

Moments Moments::diagonal(Eigen::Index columns) {
    Moments m;
    m.mean_ = Eigen::VectorXd::Zero(columns);
    m.units_ = Eigen::VectorXd::Ones(columns);
    m.full_ = false;
    m.lower_ = Eigen::MatrixXd::Zero(columns, 1);
    return m;
}

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

void Moments::check_full() const {
    if (!full_) throw std::logic_error("moments: co-moments asked of diagonal moments");
}

void Moments::rescale(Eigen::Index j, double unit) {
    const double ratio = units_(j) / unit;  // a power of two: exact unless it underflows
    if (full_) {
        // Row j and column j of the stored matrix (the stale upper half too):
        // the diagonal entry gets ratio^2.
        lower_.row(j) *= ratio;
        lower_.col(j) *= ratio;
    } else {
        lower_(j, 0) *= ratio;
        lower_(j, 0) *= ratio;
    }
    units_(j) = unit;
    scaled_ = true;
}

Eigen::VectorXd Moments::in_units(const Eigen::VectorXd& v) const {
    return scaled_ ? Eigen::VectorXd(v.cwiseQuotient(units_)) : v;
}

void Moments::add_outer(const Eigen::VectorXd& delta, double weight) {
    if (full_) lower_.selfadjointView<Eigen::Lower>().rankUpdate(delta, weight);
    else lower_.col(0) += weight * delta.cwiseAbs2();
}

void Moments::absorb_block() {
    const auto m = static_cast<std::int64_t>(centred_.rows());
    if (unit_for(centred_.cwiseAbs().maxCoeff()) > 1) {
        for (Eigen::Index j = 0; j < dimension(); ++j) {
            const double unit = unit_for(centred_.col(j).cwiseAbs().maxCoeff());
            if (unit > units_(j)) rescale(j, unit);
        }
    }
    if (scaled_) centred_ *= units_.cwiseInverse().asDiagonal();
    const Eigen::VectorXd block_mean = centred_.colwise().mean().transpose();  // in units
    centred_.rowwise() -= block_mean.transpose();
    // M2 is additive once each part is centred on its own mean, so the block's
    // co-moments go straight into the accumulator and only the mean shift is merged.
    if (full_) lower_.selfadjointView<Eigen::Lower>().rankUpdate(centred_.transpose());
    else lower_.col(0) += centred_.colwise().squaredNorm().transpose();
    if (count_ == 0) {
        mean_ = scaled_ ? Eigen::VectorXd(block_mean.cwiseProduct(units_)) : block_mean;
        count_ = m;
        return;
    }
    const double n_a = static_cast<double>(count_);
    const double n = n_a + static_cast<double>(m);
    const Eigen::VectorXd own = in_units(mean_);
    const Eigen::VectorXd delta = block_mean - own;
    add_outer(delta, n_a * static_cast<double>(m) / n);
    if (!scaled_) mean_ += delta * (static_cast<double>(m) / n);
    else mean_ = (own + delta * (static_cast<double>(m) / n)).cwiseProduct(units_);
    count_ += m;
}

void Moments::merge(const Moments& other) {
    if (other.dimension() != dimension())
        throw InputError("cannot merge moments of " + std::to_string(other.dimension()) +
                         " columns into moments of " + std::to_string(dimension()));
    if (other.full_ != full_) throw std::logic_error("moments: merging full and diagonal moments");
    if (other.count_ == 0) return;
    if (count_ == 0) {
        *this = other;
        return;
    }
    for (Eigen::Index j = 0; j < dimension(); ++j)
        if (other.units_(j) > units_(j)) rescale(j, other.units_(j));
    const double n_a = static_cast<double>(count_);
    const double n_b = static_cast<double>(other.count_);
    const double n = n_a + n_b;
    const Eigen::VectorXd own = in_units(mean_);
    const Eigen::VectorXd delta = in_units(other.mean_) - own;
    if (!scaled_) {
        if (full_) lower_.triangularView<Eigen::Lower>() += other.lower_;
        else lower_ += other.lower_;
    } else {
        const Eigen::VectorXd ratio = other.units_.cwiseQuotient(units_);
        if (full_)
            lower_.triangularView<Eigen::Lower>() += ratio.asDiagonal() * other.lower_ * ratio.asDiagonal();
        else
            lower_ += other.lower_.cwiseProduct(ratio.cwiseAbs2());
    }
    add_outer(delta, n_a * n_b / n);
    if (!scaled_) mean_ += delta * (n_b / n);
    else mean_ = (own + delta * (n_b / n)).cwiseProduct(units_);
    count_ += other.count_;
}

Moments Moments::columns(const std::vector<Eigen::Index>& keep) const {
    const auto k = static_cast<Eigen::Index>(keep.size());
    Moments out = full_ ? Moments(k) : diagonal(k);
    out.count_ = count_;
    out.scaled_ = scaled_;
    const Eigen::MatrixXd full = full_ ? scaled_comoments() : Eigen::MatrixXd();
    for (Eigen::Index i = 0; i < k; ++i) {
        const Eigen::Index from = keep[static_cast<std::size_t>(i)];
        out.mean_(i) = mean_(from);
        out.units_(i) = units_(from);
        if (!full_) {
            out.lower_(i, 0) = lower_(from, 0);
            continue;
        }
        for (Eigen::Index j = 0; j < k; ++j) out.lower_(i, j) = full(from, keep[static_cast<std::size_t>(j)]);
    }
    return out;
}

Eigen::MatrixXd Moments::scaled_comoments() const {
    check_full();
    return lower_.selfadjointView<Eigen::Lower>();
}

Eigen::VectorXd Moments::scaled_variances_m2() const {
    return full_ ? Eigen::VectorXd(lower_.diagonal()) : Eigen::VectorXd(lower_.col(0));
}

Eigen::MatrixXd Moments::comoments() const {
    Eigen::MatrixXd m2 = scaled_comoments();
    if (scaled_) m2 = units_.asDiagonal() * m2 * units_.asDiagonal();
    return m2;
}

Eigen::MatrixXd Moments::covariance() const {
    if (count_ < 2)
        throw InputError("a covariance needs at least 2 rows, got " + std::to_string(count_));
    return comoments() / static_cast<double>(count_ - 1);
}

Eigen::VectorXd Moments::population_sd() const {
    if (count_ < 1) throw InputError("no rows");
    return (scaled_variances_m2().array() / static_cast<double>(count_)).sqrt() * units_.array();
}

}  // namespace mlm::linalg
