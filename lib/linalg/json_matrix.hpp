// Vectors and matrices as JSON arrays (a matrix as an array of rows), read back
// with the checks a file written by hand needs: present, numeric, finite, rectangular.
#pragma once

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace mlm::linalg {

nlohmann::json vector_json(const Eigen::VectorXd& v);
nlohmann::json matrix_json(const Eigen::MatrixXd& m);

// The member `key` of `object`; InputError naming `source` and the key when it
// is missing or malformed.
const nlohmann::json& json_member(const nlohmann::json& object, std::string_view key,
                                  const std::string& source);
Eigen::VectorXd json_vector(const nlohmann::json& object, std::string_view key,
                            const std::string& source);
Eigen::MatrixXd json_matrix(const nlohmann::json& object, std::string_view key,
                            const std::string& source);
std::vector<std::string> json_strings(const nlohmann::json& object, std::string_view key,
                                      const std::string& source);

}  // namespace mlm::linalg
