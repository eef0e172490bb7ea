// CLI11 validators for numeric options, shared by every tool, so that no
// option silently accepts a value that turns its meaning off: `--fail-above
// nan` would make every comparison false and pass any CI gate.
//   not_nan():  any double but nan (inf is meaningful: --fail-above inf)
//   finite():   a finite double (--lr, --tol, --momentum, --beta1, ...)
#pragma once

#include <CLI/CLI.hpp>

namespace mlm::cli {

const CLI::Validator& not_nan();
const CLI::Validator& finite();

}  // namespace mlm::cli
