#include "linalg/pca.hpp"

#include "compensated_sum.hpp"
#include "error.hpp"
#include "linalg/randomized_svd.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
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
// Second moments are in per-column units u_j (powers of two, 1 unless the data
// reach beyond 2^400): the analysed columns are (x / u - mean / u) / unit_scale,
// with unit_scale = sd / u when standardizing (the units cancel) and g / u
// otherwise (g the largest unit: one unit for all, as raw PCA mixes columns);
// their covariance times `factor` (g^2, or 1) is the true one, and their
// scores times sqrt(factor) the true scores.
struct Prepared {
    const Moments* source = nullptr;
    std::optional<Moments> kept_moments;  // when columns were dropped
    std::vector<std::string> features;
    std::vector<std::string> dropped;
    std::vector<Index> keep;
    Eigen::VectorXd scale;       // population sd (standardize) or ones, true units
    Eigen::VectorXd unit_scale;  // scale / unit (standardize) or ones
    double factor = 1;           // unit^2 without standardize, else 1

    const Moments& moments() const { return kept_moments ? *kept_moments : *source; }
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
    const Eigen::VectorXd m2 = all.scaled_variances_m2();
    for (Index j = 0; j < all.dimension(); ++j)
        if (!std::isfinite(all.mean()(j)) || !std::isfinite(m2(j)))
            throw InputError("column \"" + names[static_cast<std::size_t>(j)] +
                             "\" holds a non-finite value (nan or inf); PCA needs finite numbers");

    Prepared p;
    p.source = &all;
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
    if (!p.dropped.empty()) p.kept_moments = all.columns(p.keep);
    const Moments& m = p.moments();
    const Index d = m.dimension();
    const double largest = m.units().maxCoeff();
    p.scale = settings.standardize ? m.population_sd() : Eigen::VectorXd::Ones(d);
    p.unit_scale = settings.standardize ? Eigen::VectorXd(p.scale.cwiseQuotient(m.units()))
                                        : Eigen::VectorXd(m.units().cwiseInverse() * largest);
    p.factor = settings.standardize ? 1.0 : largest * largest;
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

// Everything but the components, from eigenvalues and total in the analysed
// units; returns the model and sets k, the number of components to keep.
PcaModel describe(const Prepared& p, const Eigen::VectorXd& values, double total, PcaMethod method,
                  const PcaSettings& settings, Index& k) {
    const Index available = std::min(rank_of(p.moments()), values.size());
    PcaModel model;
    model.features = p.features;
    model.dropped = p.dropped;
    model.mean = p.moments().mean();
    model.scale = p.scale;
    model.standardized = settings.standardize;
    model.whiten = settings.whiten;
    model.eigenvalues = values.head(available) * p.factor;
    model.total_variance = total * p.factor;
    model.variance_ratio = total > 0 ? Eigen::VectorXd(values.head(available) / total)
                                     : Eigen::VectorXd::Zero(available);
    model.n = p.moments().count();
    model.method = method;
    k = settings.variance > 0 ? components_for_variance(model.variance_ratio, settings.variance)
                              : requested_components(settings, available);
    return model;
}

// A variance within rounding of 0 (a rank-deficient input gives 1e-32 or 0
// depending on FMA) cannot be whitened: dividing by its root amplifies noise.
void check_whiten(const PcaModel& model) {
    if (!model.whiten) return;
    const double negligible = std::numeric_limits<double>::epsilon() *
                              static_cast<double>(std::max<Index>(model.n, model.features.size())) *
                              std::max(0.0, model.eigenvalues.size() ? model.eigenvalues(0) : 0.0);
    for (Index j = 0; j < model.kept(); ++j) {
        if (!std::isfinite(model.eigenvalues(j)))
            throw NumericError("cannot whiten component " + std::to_string(j + 1) +
                               ": its variance exceeds the range of a double");
        if (!(model.eigenvalues(j) > negligible))
            throw NumericError("cannot whiten component " + std::to_string(j + 1) +
                               ": its variance is 0");
    }
}

// Covariance of the analysed columns in their units: U^-1 (M2 / unit^2 / (n-1)) U^-1,
// built in one d x d matrix.
Eigen::MatrixXd analysed_covariance(const Prepared& p) {
    const Moments& m = p.moments();
    Eigen::MatrixXd c = m.scaled_comoments();
    c /= static_cast<double>(m.count() - 1);
    const Eigen::VectorXd inverse = p.unit_scale.cwiseInverse();
    c.array().colwise() *= inverse.array();
    c.array().rowwise() *= inverse.transpose().array();
    return c;
}

// The trace of analysed_covariance without forming it: O(d).
double analysed_total(const Prepared& p) {
    const Moments& m = p.moments();
    const Eigen::VectorXd inverse = p.unit_scale.cwiseInverse();
    const Eigen::VectorXd var = m.scaled_variances_m2() / static_cast<double>(m.count() - 1);
    return (var.array() * inverse.array() * inverse.array()).sum();
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
    if (rows <= exact_svd_rows) return PcaMethod::svd;
    const bool few = settings.components >= 1 && settings.variance == 0 &&
                     static_cast<double>(settings.components) < 0.8 * static_cast<double>(rows);
    return few ? PcaMethod::randomized : PcaMethod::svd;
}

bool approximate(PcaMethod method) { return method == PcaMethod::randomized; }

std::vector<Index> constant_columns(const Moments& moments) {
    // In the moments' units, so that values near 1e308 do not overflow the squares.
    const double n = static_cast<double>(moments.count());
    const double eps = std::numeric_limits<double>::epsilon();
    const Eigen::VectorXd sd = (moments.scaled_variances_m2().array() / n).sqrt();
    std::vector<Index> out;
    for (Index j = 0; j < moments.dimension(); ++j) {
        const double var = sd(j) * sd(j);
        const double drift = n * eps * (moments.mean()(j) / moments.units()(j));
        if (var <= n * eps * var + drift * drift) out.push_back(j);
    }
    return out;
}

PcaModel fit_moments(const Moments& moments, const std::vector<std::string>& names,
                     const PcaSettings& settings) {
    if (!moments.full()) throw std::logic_error("fit_moments: needs full moments");
    const Prepared p = prepare(moments, names, settings);
    const Index rank = rank_of(p.moments());
    // A fixed k needs only the top k pairs (Lanczos on wide covariances).
    const Index top = settings.variance > 0 ? 0 : requested_components(settings, rank);
    Spectrum spectrum;
    double total = 0;
    {
        const Eigen::MatrixXd cov = analysed_covariance(p);
        spectrum = covariance_spectrum(cov, top < cov.rows() ? top : 0);
        total = cov.trace();
    }
    Index k = 0;
    PcaModel model = describe(p, spectrum.values, total, PcaMethod::cov, settings, k);
    model.components = spectrum.vectors.leftCols(k).transpose();
    check_whiten(model);
    return model;
}

RowsFit fit_in_place(Eigen::Ref<Eigen::MatrixXd> transposed, const Moments& moments,
                     const std::vector<std::string>& names, const PcaSettings& settings) {
    const PcaMethod method = choose_method(moments.count(), moments.dimension(), settings);
    if (method == PcaMethod::cov) throw std::logic_error("fit_in_place: not for the cov route");
    if (transposed.rows() != moments.dimension() || transposed.cols() != moments.count() ||
        transposed.outerStride() != transposed.rows())
        throw std::invalid_argument("fit_in_place: the rows do not match their moments");
    const Prepared p = prepare(moments, names, settings);
    const Index n = transposed.cols();
    const Index d = static_cast<Index>(p.keep.size());
    const Index full_d = transposed.rows();

    // Centre and scale in place, moving the kept columns to the front of each
    // row: writes never pass the reads still to come.
    double* data = transposed.data();
    const Eigen::VectorXd inverse_unit = p.moments().units().cwiseInverse();
    const bool in_units = (inverse_unit.array() != 1).any();
    const Eigen::VectorXd mean = p.moments().mean().cwiseProduct(inverse_unit);
    const Eigen::VectorXd inverse_scale = p.unit_scale.cwiseInverse();
    const bool scaled = settings.standardize || in_units;
    for (Index i = 0; i < n; ++i) {
        const double* from = data + i * full_d;
        double* to = data + i * d;
        for (Index j = 0; j < d; ++j) {
            double x = from[p.keep[static_cast<std::size_t>(j)]];
            if (in_units) x *= inverse_unit(j);
            x -= mean(j);
            to[j] = scaled ? x * inverse_scale(j) : x;
        }
    }
    Eigen::Map<Eigen::MatrixXd> a(data, d, n);
    const double total = analysed_total(p);
    const Index rank = std::min(n, d);
    RowsFit fit;
    Index k = 0;
    Eigen::VectorXd values;  // in the analysed units
    if (method == PcaMethod::randomized) {
        RandomizedSettings rs;
        rs.seed = settings.seed;
        Spectrum spectrum = randomized_spectrum(a, requested_components(settings, rank), rs);
        values = spectrum.values;
        fit.model = describe(p, values, total, method, settings, k);
        fit.scores = a.transpose() * spectrum.vectors.leftCols(k);
        fit.model.components = spectrum.vectors.leftCols(k).transpose();
    } else {
        if (!a.allFinite()) throw NumericError("the data have non-finite entries");
        const ThinSvd svd(a);
        values = svd.singular_values().array().square() / static_cast<double>(n - 1);
        fit.model = describe(p, values, total, method, settings, k);
        Eigen::MatrixXd v = svd.right(k);
        fit.scores = svd.scores(k);
        orient(v, fit.scores);
        fit.model.components = v.transpose();
    }
    check_whiten(fit.model);
    if (settings.whiten) {
        fit.scores *= values.head(k).cwiseSqrt().cwiseInverse().asDiagonal();
    } else if (p.factor != 1) {
        fit.scores *= std::sqrt(p.factor);
    }
    return fit;
}

PcaModel fit_rows(const Eigen::Ref<const Eigen::MatrixXd>& rows,
                  const std::vector<std::string>& names, const PcaSettings& settings) {
    const PcaMethod method = choose_method(rows.rows(), rows.cols(), settings);
    if (method == PcaMethod::cov) {
        Moments all(rows.cols());
        all.add_block(rows);
        return fit_moments(all, names, settings);
    }
    Moments all = Moments::diagonal(rows.cols());
    all.add_block(rows);
    Eigen::MatrixXd transposed = rows.transpose();
    return fit_in_place(transposed, all, names, settings).model;
}

std::optional<DominantColumn> dominant_column(const Moments& moments) {
    if (moments.dimension() < 2 || moments.count() < 2) return std::nullopt;
    // Shares and ratios do not depend on the units the moments are kept in.
    const Eigen::VectorXd var = moments.scaled_variances_m2();
    DominantColumn out;
    const double largest = var.maxCoeff(&out.column);
    const double total = var.sum();
    if (!(largest > 0) || !std::isfinite(total)) return std::nullopt;
    out.share = largest / total;
    out.spread = largest / var.minCoeff();
    if (out.share > 0.9 && out.spread > 100) return out;
    return std::nullopt;
}

Eigen::VectorXd explained_variance_ratio(const PcaModel& model) {
    if (model.variance_ratio.size() == model.eigenvalues.size()) return model.variance_ratio;
    if (!(model.total_variance > 0)) return Eigen::VectorXd::Zero(model.eigenvalues.size());
    return model.eigenvalues / model.total_variance;
}

Eigen::VectorXd cumulative_sum(const Eigen::VectorXd& values) {
    Eigen::VectorXd out(values.size());
    CompensatedSum sum;
    for (Index i = 0; i < values.size(); ++i) {
        sum.add(values(i));
        out(i) = sum.value();
    }
    return out;
}

Index components_for_variance(const Eigen::VectorXd& ratios, double fraction) {
    const Eigen::VectorXd running = cumulative_sum(ratios);
    Index below = 0;  // entries <= fraction: numpy's searchsorted(side="right")
    while (below < running.size() && running(below) <= fraction) ++below;
    return std::min<Index>(below + 1, ratios.size());
}

namespace {

// How rows are brought to the components: as they are (unit 1), or, where
// x - mean could overflow though the score does not, as differences in units
// of a power of two per column, weighed back (raw: in one common unit). Decided
// over all the rows given, so that a block's rows are projected alike.
struct Units {
    bool plain = true;
    Eigen::VectorXd unit;
    double common = 1;
};

template <typename Rows>
Units units_of(const PcaModel& model, const Rows& rows) {
    Units u;
    const double largest = std::max(rows.size() ? rows.cwiseAbs().maxCoeff() : 0.0, model.mean.cwiseAbs().maxCoeff());
    if (unit_for(largest) == 1) return u;
    u.plain = false;
    const Eigen::Index d = rows.cols();
    u.unit.resize(d);
    for (Eigen::Index j = 0; j < d; ++j)
        u.unit(j) = unit_for(std::max(rows.rows() ? rows.col(j).cwiseAbs().maxCoeff() : 0.0, std::abs(model.mean(j))));
    u.common = u.unit.maxCoeff();
    return u;
}

// The scores of `rows` (column-major) into `out`, before whitening.
void project(const PcaModel& model, const Units& u, const Eigen::Ref<const Eigen::MatrixXd>& rows,
             Eigen::Ref<Eigen::MatrixXd> out) {
    const Eigen::VectorXd inverse_scale = model.scale.cwiseInverse();
    if (u.plain) {
        out.noalias() = ((rows.rowwise() - model.mean.transpose()) * inverse_scale.asDiagonal()) *
                        model.components.transpose();
        return;
    }
    const Eigen::VectorXd weight = model.standardized ? Eigen::VectorXd(u.unit.cwiseProduct(inverse_scale))
                                                      : Eigen::VectorXd(u.unit / u.common);
    const Eigen::VectorXd inverse_unit = u.unit.cwiseInverse();
    out.noalias() = ((rows * inverse_unit.asDiagonal()).rowwise() - model.mean.cwiseProduct(inverse_unit).transpose()) *
                    weight.asDiagonal() * model.components.transpose();
    if (!model.standardized) out *= u.common;
}

void whiten(const PcaModel& model, Eigen::MatrixXd& scores) {
    if (model.whiten) scores *= model.eigenvalues.head(model.kept()).cwiseSqrt().cwiseInverse().asDiagonal();
}

}  // namespace

Eigen::MatrixXd transform(const PcaModel& model, const Eigen::Ref<const Eigen::MatrixXd>& rows) {
    Eigen::MatrixXd scores(rows.rows(), model.kept());
    project(model, units_of(model, rows), rows, scores);
    whiten(model, scores);
    return scores;
}

Eigen::MatrixXd transform(const PcaModel& model, const Eigen::Map<const RowMajorMatrix>& rows) {
    // 256 rows at a time through a column-major copy that stays in cache:
    // converting a whole reader chunk (1 MB) cost ten times the product.
    constexpr Eigen::Index step = 256;
    const Units u = units_of(model, rows);
    Eigen::MatrixXd scores(rows.rows(), model.kept());
    Eigen::MatrixXd part;
    for (Eigen::Index i = 0; i < rows.rows(); i += step) {
        const Eigen::Index m = std::min(step, rows.rows() - i);
        part = rows.middleRows(i, m);
        project(model, u, part, scores.middleRows(i, m));
    }
    whiten(model, scores);
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
