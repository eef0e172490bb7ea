#include "bayes/naive_bayes.hpp"

#include "error.hpp"
#include "shortest.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <numeric>

namespace mlm::bayes {

NbKind nb_kind_from_name(std::string_view name) {
    if (name == "gaussian") return NbKind::gaussian;
    if (name == "multinomial") return NbKind::multinomial;
    if (name == "bernoulli") return NbKind::bernoulli;
    throw InputError("unknown naive Bayes kind \"" + std::string(name) +
                     "\": expected gaussian, multinomial or bernoulli");
}

const char* nb_kind_name(NbKind kind) {
    switch (kind) {
    case NbKind::gaussian: return "gaussian";
    case NbKind::multinomial: return "multinomial";
    case NbKind::bernoulli: return "bernoulli";
    }
    return "";
}

NbAccumulator::NbAccumulator(NbKind kind, std::vector<std::string> features) {
    stats_.kind = kind;
    stats_.features = std::move(features);
    const auto d = static_cast<Eigen::Index>(stats_.features.size());
    stats_.sum.resize(0, d);
    stats_.m2.resize(0, kind == NbKind::gaussian ? d : 0);
}

std::size_t NbAccumulator::class_id(std::string_view label) {
    auto it = ids_.find(label);
    if (it != ids_.end()) return it->second;
    const std::size_t id = stats_.classes.size();
    ids_.emplace(std::string(label), id);
    stats_.classes.emplace_back(label);
    stats_.count.push_back(0);
    const auto k = static_cast<Eigen::Index>(id + 1);
    stats_.sum.conservativeResize(k, Eigen::NoChange);
    stats_.sum.row(k - 1).setZero();
    if (stats_.kind == NbKind::gaussian) {
        stats_.m2.conservativeResize(k, Eigen::NoChange);
        stats_.m2.row(k - 1).setZero();
    }
    return id;
}

void NbAccumulator::add(std::string_view label, const double* x) {
    const auto d = static_cast<Eigen::Index>(stats_.features.size());
    for (Eigen::Index j = 0; j < d; ++j) {
        if (!std::isfinite(x[j]))
            throw InputError("feature \"" + stats_.features[static_cast<std::size_t>(j)] + "\" is " + shortest(x[j]) +
                             ": naive Bayes needs finite values");
        if (stats_.kind == NbKind::multinomial && x[j] < 0)
            throw InputError("feature \"" + stats_.features[static_cast<std::size_t>(j)] + "\" is " + shortest(x[j]) +
                             ": multinomial naive Bayes needs counts >= 0");
    }
    const auto c = static_cast<Eigen::Index>(class_id(label));
    double& n = stats_.count[static_cast<std::size_t>(c)];
    n += 1;
    auto sum = stats_.sum.row(c);
    switch (stats_.kind) {
    case NbKind::gaussian: {
        // Welford: the mean and the sum of squared deviations, one row at a time.
        auto m2 = stats_.m2.row(c);
        for (Eigen::Index j = 0; j < d; ++j) {
            const double delta = x[j] - sum(j);
            sum(j) += delta / n;
            m2(j) += delta * (x[j] - sum(j));
        }
        break;
    }
    case NbKind::multinomial:
        for (Eigen::Index j = 0; j < d; ++j) sum(j) += x[j];
        break;
    case NbKind::bernoulli:
        for (Eigen::Index j = 0; j < d; ++j) sum(j) += x[j] > 0 ? 1 : 0;
        break;
    }
}

void merge_stats(NbStats& into, const NbStats& other) {
    if (into.kind != other.kind)
        throw InputError(std::string("a ") + nb_kind_name(other.kind) + " fit cannot merge with a " +
                         nb_kind_name(into.kind) + " one");
    if (into.features != other.features) throw InputError("the partial fits have different features");
    const Eigen::Index d = into.sum.cols();
    for (std::size_t i = 0; i < other.classes.size(); ++i) {
        const auto oi = static_cast<Eigen::Index>(i);
        auto found = std::find(into.classes.begin(), into.classes.end(), other.classes[i]);
        if (found == into.classes.end()) {
            into.classes.push_back(other.classes[i]);
            into.count.push_back(other.count[i]);
            const Eigen::Index k = into.sum.rows() + 1;
            into.sum.conservativeResize(k, d);
            into.sum.row(k - 1) = other.sum.row(oi);
            if (into.kind == NbKind::gaussian) {
                into.m2.conservativeResize(k, d);
                into.m2.row(k - 1) = other.m2.row(oi);
            }
            continue;
        }
        const auto c = static_cast<Eigen::Index>(found - into.classes.begin());
        const double na = into.count[static_cast<std::size_t>(c)], nb = other.count[i], n = na + nb;
        if (into.kind == NbKind::gaussian) {
            // Chan et al.: the pooled mean and co-moment of two parts.
            const Eigen::RowVectorXd delta = other.sum.row(oi) - into.sum.row(c);
            into.m2.row(c) += other.m2.row(oi) + delta.cwiseProduct(delta) * (na * nb / n);
            into.sum.row(c) += delta * (nb / n);
        } else {
            into.sum.row(c) += other.sum.row(oi);
        }
        into.count[static_cast<std::size_t>(c)] = n;
    }
}

namespace {

bool as_number(const std::string& s, double& x) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), x);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Class order: as numpy's np.unique sorts labels, numerically when every label
// is a number (2 before 10), else by bytes.
std::vector<std::size_t> class_order(const std::vector<std::string>& classes) {
    std::vector<std::size_t> order(classes.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> value(classes.size());
    bool numeric = true;
    for (std::size_t i = 0; i < classes.size() && numeric; ++i) numeric = as_number(classes[i], value[i]);
    if (numeric)
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return value[a] < value[b]; });
    else
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return classes[a] < classes[b]; });
    return order;
}

// The largest population variance of a feature over all rows, from the
// per-class moments (pooled as in merge_stats).
double largest_variance(const NbStats& s, const Eigen::VectorXd& count) {
    const Eigen::Index d = s.sum.cols();
    double n = 0;
    Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(d), m2 = Eigen::RowVectorXd::Zero(d);
    for (Eigen::Index c = 0; c < s.sum.rows(); ++c) {
        const double nb = count(c), total = n + nb;
        const Eigen::RowVectorXd delta = s.sum.row(c) - mean;
        m2 += s.m2.row(c) + delta.cwiseProduct(delta) * (n * nb / total);
        mean += delta * (nb / total);
        n = total;
    }
    return d ? (m2 / n).maxCoeff() : 0;
}

}  // namespace

NbModel nb_model(const NbStats& s, const NbSettings& settings) {
    if (s.classes.empty()) throw InputError("no data rows to fit");
    NbModel m;
    m.kind = s.kind;
    m.settings = settings;
    m.settings.alpha = std::max(settings.alpha, min_alpha);
    m.features = s.features;
    const auto order = class_order(s.classes);
    const auto k = static_cast<Eigen::Index>(order.size());
    const Eigen::Index d = s.sum.cols();
    m.class_count.resize(k);
    Eigen::MatrixXd sum(k, d), m2(s.kind == NbKind::gaussian ? k : 0, d);
    for (Eigen::Index c = 0; c < k; ++c) {
        const auto from = static_cast<Eigen::Index>(order[static_cast<std::size_t>(c)]);
        m.classes.push_back(s.classes[static_cast<std::size_t>(from)]);
        m.class_count(c) = s.count[static_cast<std::size_t>(from)];
        sum.row(c) = s.sum.row(from);
        if (s.kind == NbKind::gaussian) m2.row(c) = s.m2.row(from);
    }
    const double n = m.class_count.sum();
    m.class_log_prior = (m.class_count.array() / n).log();
    const double alpha = m.settings.alpha;
    switch (s.kind) {
    case NbKind::gaussian: {
        NbStats sorted{s.kind, s.features, m.classes, {}, sum, m2};
        m.epsilon = settings.var_smoothing * largest_variance(sorted, m.class_count);
        m.theta = sum;
        m.var = (m2.array().colwise() / m.class_count.array()) + m.epsilon;
        if (!m.var.allFinite() || !std::isfinite(m.epsilon))
            throw NumericError("a feature's variance overflows a double: values near 1e154 or beyond are too "
                               "large to square; rescale them");
        break;
    }
    case NbKind::multinomial: {
        const Eigen::ArrayXXd smoothed = sum.array() + alpha;
        const Eigen::ArrayXd total = smoothed.rowwise().sum();
        m.feature_log_prob = smoothed.log().colwise() - total.log();
        break;
    }
    case NbKind::bernoulli: {
        const Eigen::ArrayXXd smoothed = sum.array() + alpha;
        const Eigen::ArrayXd total = m.class_count.array() + 2 * alpha;
        m.feature_log_prob = smoothed.log().colwise() - total.log();
        // log(1 - p) as log(total - smoothed) - log(total): no cancellation near p = 1.
        m.neg_log_prob = ((-smoothed).colwise() + total).log().colwise() - total.log();
        break;
    }
    }
    return m;
}

Eigen::MatrixXd joint_log_likelihood(const NbModel& m, const Eigen::Ref<const NbRows>& x) {
    const Eigen::Index rows = x.rows(), k = static_cast<Eigen::Index>(m.classes.size());
    Eigen::MatrixXd jll(rows, k);
    switch (m.kind) {
    case NbKind::gaussian: {
        for (Eigen::Index c = 0; c < k; ++c) {
            const double norm = -0.5 * (2 * std::numbers::pi * m.var.row(c).array()).log().sum();
            const Eigen::RowVectorXd inv = m.var.row(c).cwiseInverse();
            const Eigen::RowVectorXd theta = m.theta.row(c);
            for (Eigen::Index r = 0; r < rows; ++r)
                jll(r, c) = m.class_log_prior(c) + norm -
                            0.5 * ((x.row(r) - theta).array().square() * inv.array()).sum();
        }
        break;
    }
    case NbKind::multinomial:
        jll.noalias() = x * m.feature_log_prob.transpose();
        jll.rowwise() += m.class_log_prior.transpose();
        break;
    case NbKind::bernoulli: {
        const NbRows b = (x.array() > 0).cast<double>();
        jll.noalias() = b * (m.feature_log_prob - m.neg_log_prob).transpose();
        jll.rowwise() += (m.class_log_prior + m.neg_log_prob.rowwise().sum()).transpose();
        break;
    }
    }
    return jll;
}

std::vector<Eigen::Index> predicted_classes(const Eigen::MatrixXd& jll) {
    std::vector<Eigen::Index> out(static_cast<std::size_t>(jll.rows()));
    for (Eigen::Index r = 0; r < jll.rows(); ++r) jll.row(r).maxCoeff(&out[static_cast<std::size_t>(r)]);
    return out;
}

Eigen::MatrixXd posterior_probabilities(const Eigen::MatrixXd& jll) {
    Eigen::MatrixXd p(jll.rows(), jll.cols());
    for (Eigen::Index r = 0; r < jll.rows(); ++r) p.row(r) = (jll.row(r).array() - log_sum_exp(jll.row(r))).exp();
    return p;
}

double log_sum_exp(const Eigen::Ref<const Eigen::RowVectorXd>& v) {
    const double top = v.maxCoeff();
    return top + std::log((v.array() - top).exp().sum());
}

Eigen::MatrixXd feature_log_likelihoods(const NbModel& m, const double* x) {
    const auto d = static_cast<Eigen::Index>(m.features.size());
    const Eigen::Map<const Eigen::RowVectorXd> row(x, d);
    const auto k = static_cast<Eigen::Index>(m.classes.size());
    Eigen::MatrixXd terms(k, d);
    for (Eigen::Index c = 0; c < k; ++c) {
        switch (m.kind) {
        case NbKind::gaussian:
            terms.row(c) = -0.5 * (2 * std::numbers::pi * m.var.row(c).array()).log() -
                           (row - m.theta.row(c)).array().square() / (2 * m.var.row(c).array());
            break;
        case NbKind::multinomial:
            terms.row(c) = row.cwiseProduct(m.feature_log_prob.row(c));
            break;
        case NbKind::bernoulli:
            terms.row(c) = (row.array() > 0).select(m.feature_log_prob.row(c), m.neg_log_prob.row(c));
            break;
        }
    }
    return terms;
}

}  // namespace mlm::bayes
