// The counts behind values, cond, mi and bytes: one accumulator per group,
// filled in one pass, written with --partial and combined by merge.
#pragma once

#include "entropy/entropy_tool.hpp"
#include "info/frequency.hpp"
#include "io/groups.hpp"

#include <array>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace mlm::entropy_tool {

struct CountState {
    std::string form;                          // values, cond, mi, bytes
    std::vector<std::string> columns, given;   // what was counted (given: cond's B, mi's second)
    std::vector<std::string> group_by;
    io::GroupIndex groups{{}};
    std::vector<info::Frequencies> values;      // form values
    std::vector<info::Contingency> tables;      // forms cond, mi
    std::vector<std::array<double, 256>> bytes; // form bytes

    // The accumulator slot for group id g, created when new.
    void ensure(std::size_t g);
    std::size_t group_count() const { return groups.size(); }
};

// Text separating the parts of a joint value (several columns) in a key.
inline constexpr char joint_separator = '\x1f';

nlohmann::json partial_json(const CountState& s);
// Adds the counts of one partial document to `s` (form and columns must agree).
void merge_partial(CountState& s, const nlohmann::json& doc, const std::string& file);

// Prints the entropies (or the --explain walkthrough) of every group.
int print_count_results(const Options& o, cli::Context& ctx, const CountState& s);

}  // namespace mlm::entropy_tool
