#include "linalg/partial.hpp"

#include "error.hpp"
#include "linalg/json_matrix.hpp"

#include <cmath>

namespace mlm::linalg {
nlohmann::json partial_json(const Partial& partial, std::string_view kind) {
    return {
        {"kind", kind},
        {"features", partial.features},
        {"n", partial.moments.count()},
        {"mean", vector_json(partial.moments.mean())},
        {"comoments", matrix_json(partial.moments.comoments())},
    };
}

Partial partial_from_json(const nlohmann::json& doc, const std::string& source, std::string_view kind) {
    const auto& tag = json_member(doc, "kind", source);
    if (tag != kind) throw InputError("not an " + std::string(kind) + " (\"kind\" is " + tag.dump() + ")", source);
    Partial p;
    p.features = json_strings(doc, "features", source);
    const auto& n = json_member(doc, "n", source);
    if (!n.is_number_integer() || n.get<std::int64_t>() < 0)
        throw InputError("\"n\" must be a whole number >= 0", source);
    Eigen::VectorXd mean = json_vector(doc, "mean", source);
    const Eigen::MatrixXd m2 = json_matrix(doc, "comoments", source);
    const auto d = static_cast<Eigen::Index>(p.features.size());
    if (mean.size() != d || m2.rows() != d || m2.cols() != d)
        throw InputError("\"mean\" and \"comoments\" must match the " + std::to_string(d) +
                         " features", source);
    if ((m2.diagonal().array() < 0).any())
        throw InputError("\"comoments\" must have a diagonal >= 0", source);
    p.moments = Moments::from_parts(n.get<std::int64_t>(), std::move(mean), m2);
    return p;
}

void merge_partial(Partial& into, const Partial& next, const std::string& next_source) {
    if (into.features != next.features)
        throw InputError("its features differ from the first partial's", next_source);
    into.moments.merge(next.moments);
}

}  // namespace mlm::linalg
