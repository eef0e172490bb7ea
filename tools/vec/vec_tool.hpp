// mlm-vec's options and its forms, one file each under tools/vec/: reading
// rows as vectors (vector_reader), finding the rows an option names by label
// (labelled_rows), the row-by-row operations (row_ops), nearest neighbours
// and analogies (nearest), and how results go out (row_output).
#pragma once

#include "cli/context.hpp"
#include "vec/vector_reader.hpp"

#include <Eigen/Core>
#include <string>
#include <vector>

namespace mlm::vec_tool {

struct Options {
    cli::StandardOptions common;
    std::string p = "2";                  // norm --p 1|2|inf|P
    std::string metric = "euclidean";     // distance --metric
    std::string with;                     // --with "v1,v2,..."
    std::string with_row;                 // --with-row LABEL
    double factor = 1;                    // scale K
    bool zero_safe = false;               // zero vectors have cosine 0
    std::string query;                    // nearest --query LABEL|"v1,..."
    std::size_t k = 10;                   // nearest, analogy -k
    std::vector<std::string> analogy;     // analogy A B C
};

// "v1,v2,..." as a vector of finite numbers; UsageError naming `option` otherwise.
Eigen::VectorXd parse_vector(const std::string& text, const std::string& option);
// A vector from an option must have as many numbers as the rows.
void require_dimension(const Eigen::VectorXd& v, const VectorReader& reader, const std::string& option);

int run_row_op(const Options& o, cli::Context& ctx);  // norm, normalize, dot, ..., scale
int run_nearest(const Options& o, cli::Context& ctx);  // nearest --query Q
int run_analogy(const Options& o, cli::Context& ctx);  // analogy A B C

}  // namespace mlm::vec_tool
