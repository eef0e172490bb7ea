// Naive Bayes classifiers, as scikit-learn's GaussianNB, MultinomialNB and
// BernoulliNB (same smoothing), in log space so that many features never
// underflow:
//   log P(c|x) = log P(c) + sum_j log P(x_j|c) - logsumexp_c'(...)
//   gaussian:    log P(x_j|c) = -1/2 log(2 pi s2_cj) - (x_j - m_cj)^2 / (2 s2_cj),
//                s2_cj = population variance of x_j in class c
//                        + var_smoothing * max_j (variance of x_j over all rows)
//   multinomial: log P(x|c) = sum_j x_j log p_cj,  p_cj = (N_cj + alpha) / (N_c + alpha d)
//   bernoulli:   b_j = [x_j > 0],  p_cj = (N_cj + alpha) / (n_c + 2 alpha),
//                log P(x|c) = sum_j b_j log p_cj + (1 - b_j) log(1 - p_cj)
// with log P(c) = log(n_c / n). The fit keeps only sufficient statistics
// (class counts, per-class sums or means and co-moments), which merge exactly
// across shards (Chan's pairwise formula for the Gaussian moments).
#pragma once

#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

#include "string_map.hpp"

namespace mlm::bayes {

enum class NbKind { gaussian, multinomial, bernoulli };

NbKind nb_kind_from_name(std::string_view name);  // InputError for another name
const char* nb_kind_name(NbKind kind);

// The sufficient statistics of a fit: one row per class, one column per feature.
struct NbStats {
    NbKind kind = NbKind::gaussian;
    std::vector<std::string> features;
    std::vector<std::string> classes;  // in order of first appearance
    std::vector<double> count;         // rows of each class
    // gaussian: the class means; multinomial: the feature sums N_cj;
    // bernoulli: the counts of x_j > 0.
    Eigen::MatrixXd sum;
    Eigen::MatrixXd m2;                // gaussian: sums of squared deviations from the mean
};

// Accumulates rows one at a time into NbStats.
class NbAccumulator {
public:
    NbAccumulator(NbKind kind, std::vector<std::string> features);
    // Adds one row of d = features().size() values with its class label.
    // InputError for a negative value in a multinomial fit (the caller adds the
    // place) and for a value that is not finite.
    void add(std::string_view label, const double* x);
    const NbStats& stats() const { return stats_; }
    NbStats take() { return std::move(stats_); }

private:
    std::size_t class_id(std::string_view label);
    NbStats stats_;
    StringMap<std::size_t> ids_;
};

// `into` += `other`: classes matched by name (new ones appended). InputError
// when the kinds or the features differ.
void merge_stats(NbStats& into, const NbStats& other);

struct NbSettings {
    double alpha = 1;             // multinomial, bernoulli: additive smoothing
    double var_smoothing = 1e-9;  // gaussian: share of the largest variance added to every variance
};

// scikit-learn 1.2 raises an alpha below 1e-10 to 1e-10 (force_alpha=False)
// so that no log of 0 appears.
inline constexpr double min_alpha = 1e-10;

struct NbModel {
    NbKind kind = NbKind::gaussian;
    NbSettings settings;
    std::vector<std::string> features;
    std::vector<std::string> classes;  // sorted: numerically when every label is a number
    Eigen::VectorXd class_count;
    Eigen::VectorXd class_log_prior;
    // gaussian: theta (means) and var (smoothed variances), classes x features;
    // epsilon is the variance added.
    Eigen::MatrixXd theta, var;
    double epsilon = 0;
    // multinomial, bernoulli: log p_cj; bernoulli also log(1 - p_cj).
    Eigen::MatrixXd feature_log_prob, neg_log_prob;
};

// The model of the statistics. InputError when there are no rows.
NbModel nb_model(const NbStats& stats, const NbSettings& settings);

using NbRows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// log P(c) + log P(x|c) for each row of `x` (rows x classes).
Eigen::MatrixXd joint_log_likelihood(const NbModel& m, const Eigen::Ref<const NbRows>& x);
// The class with the largest value in each row (the first of ties), as an index into classes.
std::vector<Eigen::Index> predicted_classes(const Eigen::MatrixXd& jll);
// P(c|x), each row normalized with logsumexp.
Eigen::MatrixXd posterior_probabilities(const Eigen::MatrixXd& jll);
// log sum_c exp(v_c) as M + log sum_c exp(v_c - M), M the largest: the log
// evidence log P(x) of one row of joint log-likelihoods, without underflow.
double log_sum_exp(const Eigen::Ref<const Eigen::RowVectorXd>& v);
// Each feature's term of one row x (features().size() values), classes x
// features: log P(x_j|c) for gaussian, x_j log p_cj for multinomial,
// log p_cj or log(1 - p_cj) for bernoulli. A row's sum plus log P(c) is its
// joint log-likelihood, up to rounding.
Eigen::MatrixXd feature_log_likelihoods(const NbModel& m, const double* x);

}  // namespace mlm::bayes
