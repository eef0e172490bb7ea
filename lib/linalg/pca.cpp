#include "linalg/pca.hpp"

#include "error.hpp"
#include "linalg/randomized_svd.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace mlm::linalg {
namespace {

using Index = Eigen::Index;

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "\"" : ", \"") + name + "\"";
    return out;
}

void check_settings(const PcaSettings& s) {
    if (s.components < 0)
        throw UsageError("the number of components must be >= 1, got " + std::to_string(s.components));
    if (s.variance != 0 && !(s.variance > 0 && s.variance < 1))
        throw UsageError("the variance fraction must be in (0, 1), got " + std::to_string(s.variance));
    if (s.variance != 0 && s.components != 0)
        throw UsageError("give the number of components or the variance fraction, not both");
    if (s.variance != 0 && s.method == PcaMethod::randomized)
        throw UsageError("randomized SVD needs a number of components, not a variance fraction");
}

// The columns a fit analyses, their moments and scales, after the checks
// every route shares: enough rows, finite values, no constant column to scale.
struct Prepared {
    Moments moments;
    std::vector<std::string> features;
    std::vector<std::string> dropped;
    std::vector<Index> keep;
    Eigen::VectorXd scale;
};

Prepared prepare(const Moments& all, const std::vector<std::string>& names,
                 const PcaSettings& settings) {
    check_settings(settings);
    if (static_cast<Index>(names.size()) != all.dimension())
        throw std::invalid_argument("pca: one name per column expected");
    if (all.dimension() == 0) throw InputError("no columns to analyse");
    if (all.count() == 0) throw InputError("no rows to analyse");
    if (all.count() < 2)
        throw InputError("PCA needs at least 2 rows, got " + std::to_string(all.count()));
    const Eigen::MatrixXd m2 = all.comoments();
    for (Index j = 0; j < all.dimension(); ++j)
        if (!std::isfinite(all.mean()(j)) || !std::isfinite(m2(j, j)))
            throw InputError("column \"" + names[static_cast<std::size_t>(j)] +
                             "\" holds a non-finite value (nan or inf); PCA needs finite numbers");

    Prepared p{all, {}, {}, {}, {}};
    std::vector<Index> constant;
    if (settings.standardize) constant = constant_columns(all);
    for (Index j = 0; j < all.dimension(); ++j) {
        const auto& name = names[static_cast<std::size_t>(j)];
        if (std::find(constant.begin(), constant.end(), j) != constant.end()) {
            p.dropped.push_back(name);
        } else {
            p.keep.push_back(j);
            p.features.push_back(name);
        }
    }
    if (!p.dropped.empty() && !settings.drop_constant)
        throw InputError((p.dropped.size() == 1 ? "column " : "columns ") + quoted_list(p.dropped) +
                         (p.dropped.size() == 1 ? " is" : " are") +
                         " constant, so cannot be standardized (--drop-constant leaves it out)");
    if (p.keep.empty()) throw InputError("every column is constant; nothing to analyse");
    if (!p.dropped.empty()) p.moments = all.columns(p.keep);
    p.scale = settings.standardize ? p.moments.population_sd()
                                   : Eigen::VectorXd::Ones(p.moments.dimension());
    return p;
}

Index rank_of(const Moments& m) {
    return std::min<Index>(static_cast<Index>(m.count()), m.dimension());
}

Index requested_components(const PcaSettings& s, Index rank) {
    if (s.components > rank)
        throw UsageError("cannot keep " + std::to_string(s.components) +
                         " components: at most min(rows, columns) = " + std::to_string(rank));
    return s.components > 0 ? s.components : rank;
}

PcaModel assemble(Prepared&& p, Spectrum&& spectrum, double total_variance, PcaMethod method,
                  const PcaSettings& settings) {
    const Index available = std::min(rank_of(p.moments), spectrum.values.size());
    PcaModel model;
    model.features = std::move(p.features);
    model.dropped = std::move(p.dropped);
    model.mean = p.moments.mean();
    model.scale = std::move(p.scale);
    model.standardized = settings.standardize;
    model.whiten = settings.whiten;
    model.eigenvalues = spectrum.values.head(available);
    model.total_variance = total_variance;
    model.n = p.moments.count();
    model.method = method;
    const Index k = settings.variance > 0
                        ? components_for_variance(explained_variance_ratio(model), settings.variance)
                        : requested_components(settings, available);
    model.components = spectrum.vectors.leftCols(k).transpose();
    // A variance within rounding of 0 (a rank-deficient input gives 1e-32 or 0
    // depending on FMA) cannot be whitened: dividing by its root amplifies noise.
    const double negligible = std::numeric_limits<double>::epsilon() *
                              static_cast<double>(std::max<Index>(model.n, model.features.size())) *
                              std::max(0.0, model.eigenvalues.size() ? model.eigenvalues(0) : 0.0);
    if (settings.whiten)
        for (Index j = 0; j < k; ++j)
            if (!(model.eigenvalues(j) > negligible))
                throw NumericError("cannot whiten component " + std::to_string(j + 1) +
                                   ": its variance is 0");
    return model;
}

// Covariance of the analysed (and scaled) columns: S^-1 C S^-1.
Eigen::MatrixXd scaled_covariance(const Prepared& p) {
    const Eigen::VectorXd inverse = p.scale.cwiseInverse();
    return inverse.asDiagonal() * p.moments.covariance() * inverse.asDiagonal();
}

}  // namespace

std::string_view method_name(PcaMethod method) {
    switch (method) {
        case PcaMethod::automatic: return "auto";
        case PcaMethod::cov: return "cov";
        case PcaMethod::svd: return "svd";
        case PcaMethod::randomized: return "randomized";
    }
    return "auto";
}

PcaMethod method_from_name(std::string_view name) {
    for (auto m : {PcaMethod::automatic, PcaMethod::cov, PcaMethod::svd, PcaMethod::randomized})
        if (method_name(m) == name) return m;
    throw UsageError("unknown method \"" + std::string(name) +
                     "\" (expected auto, cov, svd or randomized)");
}

PcaMethod choose_method(std::int64_t rows, Index columns, const PcaSettings& settings) {
    if (settings.method != PcaMethod::automatic) return settings.method;
    if (rows > columns) return PcaMethod::cov;
    const Index rank = std::min<Index>(static_cast<Index>(rows), columns);
    const bool few = settings.components >= 1 && settings.variance == 0 &&
                     static_cast<double>(settings.components) < 0.8 * static_cast<double>(rank);
    return std::max<Index>(static_cast<Index>(rows), columns) > 500 && few ? PcaMethod::randomized
                                                                           : PcaMethod::svd;
}

std::vector<Index> constant_columns(const Moments& moments) {
    const double n = static_cast<double>(moments.count());
    const double eps = std::numeric_limits<double>::epsilon();
    const Eigen::VectorXd sd = moments.population_sd();
    std::vector<Index> out;
    for (Index j = 0; j < moments.dimension(); ++j) {
        const double var = sd(j) * sd(j);
        const double drift = n * eps * moments.mean()(j);
        if (var <= n * eps * var + drift * drift) out.push_back(j);
    }
    return out;
}

PcaModel fit_moments(const Moments& moments, const std::vector<std::string>& names,
                     const PcaSettings& settings) {
    Prepared p = prepare(moments, names, settings);
    const Eigen::MatrixXd cov = scaled_covariance(p);
    Spectrum spectrum = covariance_spectrum(cov);
    return assemble(std::move(p), std::move(spectrum), cov.trace(), PcaMethod::cov, settings);
}

PcaModel fit_rows(const Eigen::Ref<const Eigen::MatrixXd>& rows,
                  const std::vector<std::string>& names, const PcaSettings& settings) {
    Moments all(rows.cols());
    all.add_block(rows);
    const PcaMethod method = choose_method(all.count(), rows.cols(), settings);
    if (method == PcaMethod::cov) return fit_moments(all, names, settings);

    Prepared p = prepare(all, names, settings);
    const Index d = p.moments.dimension();
    Eigen::MatrixXd centred(rows.rows(), d);
    for (Index j = 0; j < d; ++j)
        centred.col(j) = (rows.col(p.keep[static_cast<std::size_t>(j)]).array() -
                          p.moments.mean()(j)) / p.scale(j);
    const double total = scaled_covariance(p).trace();
    Spectrum spectrum;
    if (method == PcaMethod::randomized) {
        RandomizedSettings rs;
        rs.seed = settings.seed;
        spectrum = randomized_spectrum(centred, requested_components(settings, rank_of(p.moments)), rs);
    } else {
        spectrum = svd_spectrum(centred);
    }
    return assemble(std::move(p), std::move(spectrum), total, method, settings);
}

Eigen::VectorXd explained_variance_ratio(const PcaModel& model) {
    if (!(model.total_variance > 0)) return Eigen::VectorXd::Zero(model.eigenvalues.size());
    return model.eigenvalues / model.total_variance;
}

Eigen::VectorXd cumulative_sum(const Eigen::VectorXd& values) {
    Eigen::VectorXd out(values.size());
    double sum = 0;
    double compensation = 0;
    for (Index i = 0; i < values.size(); ++i) {
        const double x = values(i);
        const double t = sum + x;
        compensation += std::abs(sum) >= std::abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
        out(i) = sum + compensation;
    }
    return out;
}

Index components_for_variance(const Eigen::VectorXd& ratios, double fraction) {
    const Eigen::VectorXd running = cumulative_sum(ratios);
    Index below = 0;  // entries <= fraction: numpy's searchsorted(side="right")
    while (below < running.size() && running(below) <= fraction) ++below;
    return std::min<Index>(below + 1, ratios.size());
}

Eigen::MatrixXd transform(const PcaModel& model, const Eigen::Ref<const Eigen::MatrixXd>& rows) {
    const Eigen::VectorXd inverse_scale = model.scale.cwiseInverse();
    Eigen::MatrixXd scores =
        ((rows.rowwise() - model.mean.transpose()) * inverse_scale.asDiagonal()) *
        model.components.transpose();
    if (model.whiten)
        scores *= model.eigenvalues.head(model.kept()).cwiseSqrt().cwiseInverse().asDiagonal();
    return scores;
}

Eigen::MatrixXd inverse_transform(const PcaModel& model,
                                  const Eigen::Ref<const Eigen::MatrixXd>& scores) {
    Eigen::MatrixXd loadings = model.components;
    if (model.whiten)
        loadings = model.eigenvalues.head(model.kept()).cwiseSqrt().asDiagonal() * loadings;
    return ((scores * loadings) * model.scale.asDiagonal()).rowwise() + model.mean.transpose();
}

}  // namespace mlm::linalg
