#include "linalg/json_matrix.hpp"

#include "error.hpp"

#include <cmath>

namespace mlm::linalg {
namespace {

[[noreturn]] void malformed(const std::string& source, std::string_view key, const std::string& what) {
    throw InputError("\"" + std::string(key) + "\" " + what, source);
}

double finite_number(const nlohmann::json& cell, std::string_view key, const std::string& source) {
    if (!cell.is_number()) malformed(source, key, "must hold numbers, got " + cell.dump());
    const double x = cell.get<double>();
    if (!std::isfinite(x)) malformed(source, key, "must hold finite numbers");
    return x;
}

}  // namespace

nlohmann::json vector_json(const Eigen::VectorXd& v) {
    return nlohmann::json(std::vector<double>(v.data(), v.data() + v.size()));
}

nlohmann::json matrix_json(const Eigen::MatrixXd& m) {
    nlohmann::json rows = nlohmann::json::array();
    for (Eigen::Index i = 0; i < m.rows(); ++i) rows.push_back(vector_json(m.row(i).transpose()));
    return rows;
}

const nlohmann::json& json_member(const nlohmann::json& object, std::string_view key,
                                  const std::string& source) {
    if (!object.is_object()) throw InputError("expected a JSON object", source);
    const auto it = object.find(key);
    if (it == object.end()) throw InputError("missing key \"" + std::string(key) + "\"", source);
    return *it;
}

Eigen::VectorXd json_vector(const nlohmann::json& object, std::string_view key,
                            const std::string& source) {
    const auto& array = json_member(object, key, source);
    if (!array.is_array()) malformed(source, key, "must be an array of numbers");
    Eigen::VectorXd v(static_cast<Eigen::Index>(array.size()));
    for (std::size_t i = 0; i < array.size(); ++i)
        v(static_cast<Eigen::Index>(i)) = finite_number(array[i], key, source);
    return v;
}

Eigen::MatrixXd json_matrix(const nlohmann::json& object, std::string_view key,
                            const std::string& source) {
    const auto& rows = json_member(object, key, source);
    if (!rows.is_array()) malformed(source, key, "must be an array of rows");
    const std::size_t cols = rows.empty() || !rows[0].is_array() ? 0 : rows[0].size();
    Eigen::MatrixXd m(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(cols));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].is_array() || rows[i].size() != cols)
            malformed(source, key, "must be an array of rows of equal length");
        for (std::size_t j = 0; j < cols; ++j)
            m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
                finite_number(rows[i][j], key, source);
    }
    return m;
}

std::vector<std::string> json_strings(const nlohmann::json& object, std::string_view key,
                                      const std::string& source) {
    const auto& array = json_member(object, key, source);
    if (!array.is_array()) malformed(source, key, "must be an array of strings");
    std::vector<std::string> out;
    for (const auto& s : array) {
        if (!s.is_string()) malformed(source, key, "must be an array of strings");
        out.push_back(s.get<std::string>());
    }
    return out;
}

}  // namespace mlm::linalg
