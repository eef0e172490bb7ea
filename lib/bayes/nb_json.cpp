#include "bayes/nb_json.hpp"

#include "error.hpp"
#include "linalg/json_matrix.hpp"

#include <cmath>

namespace mlm::bayes {

namespace {

const char* sum_key(NbKind kind) {
    return kind == NbKind::gaussian ? "mean" : kind == NbKind::multinomial ? "feature_sum" : "feature_positive";
}

Eigen::MatrixXd rows_json(const nlohmann::json& doc, const char* key, std::size_t k, std::size_t d,
                          const std::string& source) {
    if (k == 0) return Eigen::MatrixXd(0, static_cast<Eigen::Index>(d));
    Eigen::MatrixXd m = linalg::json_matrix(doc, key, source);
    if (static_cast<std::size_t>(m.rows()) != k || static_cast<std::size_t>(m.cols()) != d)
        throw InputError(std::string("\"") + key + "\" must be " + std::to_string(k) + " x " + std::to_string(d) +
                         " (classes x features)", source);
    return m;
}

double number_member(const nlohmann::json& doc, const char* key, const std::string& source) {
    const auto& v = linalg::json_member(doc, key, source);
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0)
        throw InputError(std::string("\"") + key + "\" must be a number >= 0", source);
    return v.get<double>();
}

}  // namespace

nlohmann::json stats_json(const NbStats& s, const NbSettings& settings) {
    nlohmann::json doc;
    doc["model"] = "naive_bayes";
    doc["kind"] = nb_kind_name(s.kind);
    doc["features"] = s.features;
    doc["classes"] = s.classes;
    doc["class_count"] = s.count;
    doc[sum_key(s.kind)] = linalg::matrix_json(s.sum);
    if (s.kind == NbKind::gaussian) {
        doc["m2"] = linalg::matrix_json(s.m2);
        doc["var_smoothing"] = settings.var_smoothing;
    } else {
        doc["alpha"] = settings.alpha;
    }
    return doc;
}

nlohmann::json model_json(const NbStats& s, const NbModel& m) {
    nlohmann::json doc = stats_json(s, m.settings);
    nlohmann::json p;
    p["classes"] = m.classes;
    p["class_log_prior"] = linalg::vector_json(m.class_log_prior);
    if (m.kind == NbKind::gaussian) {
        p["theta"] = linalg::matrix_json(m.theta);
        p["var"] = linalg::matrix_json(m.var);
        p["epsilon"] = m.epsilon;
    } else {
        p["feature_log_prob"] = linalg::matrix_json(m.feature_log_prob);
    }
    doc["parameters"] = p;
    return doc;
}

NbFit fit_from_json(const nlohmann::json& doc, const std::string& source) {
    if (!doc.is_object() || doc.value("model", "") != "naive_bayes")
        throw InputError("not a naive Bayes fit (expected {\"model\": \"naive_bayes\", ...})", source);
    NbFit f;
    const auto& kind = linalg::json_member(doc, "kind", source);
    if (!kind.is_string()) throw InputError("\"kind\" must be a string", source);
    try {
        f.stats.kind = nb_kind_from_name(kind.get<std::string>());
    } catch (const InputError& e) {
        throw InputError(e.message(), source);
    }
    f.stats.features = linalg::json_strings(doc, "features", source);
    f.stats.classes = linalg::json_strings(doc, "classes", source);
    const std::size_t k = f.stats.classes.size(), d = f.stats.features.size();
    const Eigen::VectorXd count = k ? linalg::json_vector(doc, "class_count", source) : Eigen::VectorXd();
    if (static_cast<std::size_t>(count.size()) != k)
        throw InputError("\"class_count\" must have one count per class", source);
    for (Eigen::Index c = 0; c < count.size(); ++c)
        if (!(count(c) >= 1)) throw InputError("\"class_count\" must hold counts >= 1", source);
    f.stats.count.assign(count.data(), count.data() + count.size());
    f.stats.sum = rows_json(doc, sum_key(f.stats.kind), k, d, source);
    if (f.stats.kind == NbKind::gaussian) {
        f.stats.m2 = rows_json(doc, "m2", k, d, source);
        if ((f.stats.m2.array() < 0).any()) throw InputError("\"m2\" must be >= 0", source);
        f.settings.var_smoothing = number_member(doc, "var_smoothing", source);
    } else {
        if ((f.stats.sum.array() < 0).any())
            throw InputError(std::string("\"") + sum_key(f.stats.kind) + "\" must be >= 0", source);
        f.settings.alpha = number_member(doc, "alpha", source);
    }
    return f;
}

}  // namespace mlm::bayes
