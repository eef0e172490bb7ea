// --explain for mlm-entropy: the formula, the terms with the input's numbers,
// the sum, and what the number means.
#pragma once

#include "io/output.hpp"

#include <span>
#include <string>
#include <vector>

namespace mlm::entropy_tool {

// Walks H = -sum p log p over the outcomes (at most `shown` of them listed).
// `labels` may be empty (outcomes are then numbered). `outcomes` is the total
// number of outcomes, of which `probabilities` are the first. `notes` (lines
// ending in a newline) say what other options did: normalization, perplexity.
void explain_entropy(io::Output& out, const std::string& title, const std::vector<std::string>& labels,
                     std::span<const double> probabilities, std::size_t outcomes, double h, double base,
                     const std::string& notes = {});

// The --explain note of --perplexity for an entropy h ("" without it).
std::string perplexity_note(bool perplexity, double h, double base);

}  // namespace mlm::entropy_tool
