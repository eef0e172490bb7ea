// Matrices in and out of the tools that take them whole (mlm-mat, mlm-eig):
// a table read through the shared reader (the -c columns, all without -c; a
// header row of names is fine, no header makes it all numbers) becomes a
// dense row-major matrix; a result matrix prints as a table whose header
// names its columns, so the next tool in a pipeline detects it as a header.
#pragma once

#include "cli/context.hpp"

#include <Eigen/Dense>

#include <string>
#include <vector>

namespace mlm::cli {

struct NamedMatrix {
    io::RowMatrix values;            // rows x columns
    std::vector<std::string> names;  // column names ("1", "2", ... without a header)
    bool header = false;
    std::string source;              // the file, or "standard input", for messages
};

// Reads `file` ("-": standard input) whole. With `use_columns`, only the -c
// columns. An empty input is an InputError (status 3).
NamedMatrix read_matrix(const Context& ctx, const std::string& file, bool use_columns = true);

// The one FILE argument of a form that reads one matrix ("-" when none);
// UsageError for more than one.
std::string one_matrix_file(const StandardOptions& o);

// "c1", "c2", ..., "ck" with another prefix if asked: names that are not
// numbers, so that a header of them is detected as one.
std::vector<std::string> numbered_names(const std::string& prefix, Eigen::Index k);

// The column names for a result whose columns are those of `from`: its
// header's names when it had one, else c1..ck.
std::vector<std::string> result_names(const NamedMatrix& from);

// One row of the table per row of `m`, under `names` (one per column).
void write_matrix(Context& ctx, const std::vector<std::string>& names,
                  const Eigen::Ref<const Eigen::MatrixXd>& m);

}  // namespace mlm::cli
