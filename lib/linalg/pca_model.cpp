#include "linalg/pca_model.hpp"

#include "error.hpp"
#include "linalg/json_matrix.hpp"

#include <cmath>

namespace mlm::linalg {
namespace {

constexpr const char* kind = "mlm-pca model";

bool json_flag(const nlohmann::json& doc, std::string_view key, const std::string& source) {
    const auto& value = json_member(doc, key, source);
    if (!value.is_boolean()) throw InputError("\"" + std::string(key) + "\" must be true or false", source);
    return value.get<bool>();
}

double json_number(const nlohmann::json& doc, std::string_view key, const std::string& source) {
    const auto& value = json_member(doc, key, source);
    if (!value.is_number()) throw InputError("\"" + std::string(key) + "\" must be a number", source);
    return value.get<double>();
}

}  // namespace

nlohmann::json model_json(const PcaModel& model) {
    return {
        {"kind", kind},
        {"features", model.features},
        {"dropped_constant", model.dropped},
        {"n", model.n},
        {"method", std::string(method_name(model.method))},
        {"standardized", model.standardized},
        {"whiten", model.whiten},
        {"mean", vector_json(model.mean)},
        {"scale", vector_json(model.scale)},
        {"components", matrix_json(model.components)},
        {"eigenvalues", vector_json(model.eigenvalues)},
        {"explained_variance_ratio", vector_json(explained_variance_ratio(model))},
        {"total_variance", model.total_variance},
    };
}

PcaModel model_from_json(const nlohmann::json& doc, const std::string& source) {
    const auto& tag = json_member(doc, "kind", source);
    if (tag != kind) throw InputError("not an mlm-pca model (\"kind\" is " + tag.dump() + ")", source);
    PcaModel m;
    m.features = json_strings(doc, "features", source);
    if (doc.contains("dropped_constant")) m.dropped = json_strings(doc, "dropped_constant", source);
    const double n = json_number(doc, "n", source);
    if (!(n >= 2) || n != std::floor(n)) throw InputError("\"n\" must be a whole number >= 2", source);
    m.n = static_cast<std::int64_t>(n);
    const auto& method = json_member(doc, "method", source);
    if (!method.is_string()) throw InputError("\"method\" must be a string", source);
    try {
        m.method = method_from_name(method.get<std::string>());
    } catch (const UsageError& e) {
        throw InputError(e.what(), source);
    }
    m.standardized = json_flag(doc, "standardized", source);
    m.whiten = json_flag(doc, "whiten", source);
    m.mean = json_vector(doc, "mean", source);
    m.scale = json_vector(doc, "scale", source);
    m.components = json_matrix(doc, "components", source);
    m.eigenvalues = json_vector(doc, "eigenvalues", source);
    m.total_variance = json_number(doc, "total_variance", source);

    const auto d = static_cast<Eigen::Index>(m.features.size());
    if (d == 0) throw InputError("\"features\" is empty", source);
    if (m.mean.size() != d || m.scale.size() != d)
        throw InputError("\"mean\" and \"scale\" must have one entry per feature (" +
                         std::to_string(d) + ")", source);
    if ((m.scale.array() <= 0).any()) throw InputError("\"scale\" must be positive", source);
    if (m.components.rows() < 1 || m.components.cols() != d)
        throw InputError("\"components\" must be rows of " + std::to_string(d) + " loadings", source);
    if (m.eigenvalues.size() < m.components.rows() || (m.eigenvalues.array() < 0).any())
        throw InputError("\"eigenvalues\" must hold a variance >= 0 for every component", source);
    if (m.whiten && (m.eigenvalues.head(m.kept()).array() <= 0).any())
        throw InputError("a whitened model needs positive eigenvalues", source);
    return m;
}

}  // namespace mlm::linalg
