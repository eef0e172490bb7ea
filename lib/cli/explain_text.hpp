// Text for --explain, which CONTRACT.md section 7 holds to 80 columns: a
// wrapper for whole explanations (long names and numbers make any line
// longer than its author planned) and a fitter for the outcome-name column of
// a table, so that a long label is cut the same way in every tool instead of
// pushing the numbers out of their columns.
#pragma once

#include "cli/context.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace mlm::cli {

inline constexpr std::size_t explain_width = 80;

// Columns a UTF-8 string takes: its code points (no wide characters assumed).
std::size_t text_columns(std::string_view s);

// Every line of `text` of more than `width` columns broken at its last space
// before the limit; the continuation is indented `hanging` more than the line
// it continues (at most half the width). A word longer than the width stays
// whole on its own line.
std::string wrapped(std::string_view text, std::size_t width = explain_width, std::size_t hanging = 2);

// `name` cut to at most `width` columns, ending in "..." when cut (never in
// the middle of a UTF-8 character).
std::string fitted(std::string_view name, std::size_t width);

// `text` followed by spaces to `width` columns (unchanged when as wide or
// wider): a cell of an explanation's table.
std::string padded(std::string text, std::size_t width);

// The standard options --explain cannot honour, refused (UsageError, status
// 2) rather than dropped: --fail-above/--fail-below check a printed number,
// -t picks a format for it, --precision its digits.
void refuse_with_explain(const StandardOptions& o);

// Runs `explain` over a Context whose output is kept, then writes that text to
// ctx's output wrapped at 80 columns: every explanation of a tool, whatever
// its names and numbers, holds to the width.
int explained(Context& ctx, const std::function<int(Context&)>& explain);

}  // namespace mlm::cli
