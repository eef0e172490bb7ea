// The expression language of mlm-grad and mlm-gd: numbers, the constants pi
// and e, named variables, + - * / ^ (also spelled **, right-associative, binds
// tighter than unary minus), parentheses and the functions exp log (also ln)
// log2 log10 sqrt abs sin cos tan tanh sigmoid relu softplus min max pow.
#pragma once

#include <cstddef>
#include <string_view>

#include "calc/tape.hpp"

namespace mlm::calc {

// Parentheses, calls, signs and exponents nest at most this deep: the parser
// recurses once per level, and a limit keeps hostile input off the stack.
// Every later walk over the tape is a loop, so long flat chains
// (x+x+...+x) need no limit of their own.
inline constexpr std::size_t max_expression_depth = 1000;

// Parses `text` into a tape. Variables are numbered in order of first
// appearance. A syntax error throws mlm::UsageError whose text names the place
// as "expression:LINE:COLUMN: message" (1-based, the column of the offending token).
Tape parse_expression(std::string_view text);

}  // namespace mlm::calc
