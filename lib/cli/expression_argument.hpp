// The EXPR argument of mlm-grad and mlm-gd, which may start with '-':
// `mlm-grad '-x^2' --at x=1` must not read '-x^2' as the short option -x.
// CLI11 files an argument that looks like an unknown short option among the
// extras; this takes the first such one as EXPR when EXPR was not given, and
// refuses every other extra as CLI11 would (status 2). `--` still works.
#pragma once

#include <string>

namespace mlm::cli {

class Command;

// Adds the required positional EXPR to `app` (a tool or a subcommand).
void add_expression_argument(Command& command, std::string& expression, const std::string& description);

}  // namespace mlm::cli
