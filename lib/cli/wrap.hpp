// Text for a person at most 80 columns wide (CONTRACT.md section 7): --explain
// output passes through here, so a long formula or many variables never
// make a line run past the terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mlm::cli {

// Every line of `text` longer than `width` is broken at its last space that
// fits; the continuation lines take the line's own indentation plus four
// spaces. A single word longer than the width stays whole.
std::string wrap_lines(std::string_view text, std::size_t width = 80);

}  // namespace mlm::cli
