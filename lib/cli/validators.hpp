// Checks for numeric options, shared by every tool, so that no
// option silently accepts a value that turns its meaning off: `--fail-above
// nan` would make every comparison false and pass any CI gate.
//   not_nan():  any double but nan (inf is meaningful: --fail-above inf)
//   finite():   a finite double (--lr, --tol, --momentum, --beta1, ...)
//   whole_number(lo, hi): an integer literal from lo to hi (--precision, --seed)
//   bin_count(): auto or a whole number from 1 to 1,000,000 (--bins of mlm-kl samples, mlm-plot hist)
#pragma once

#include "cli/command.hpp"

#include <cstdint>

namespace mlm::cli {

const Check& not_nan();
const Check& finite();
// Messages say "expected a whole number from LO to HI, got "x"" (">= LO" when
// HI is the largest uint64_t), in the contract's words rather than CLI11's.
Check whole_number(std::int64_t lo, std::uint64_t hi);
const Check& bin_count();

}  // namespace mlm::cli
