// Printing summary results the same way in every tool: one number alone when
// there is one result, else a table with the group columns (-g) first, or with
// --to json one object that also echoes the conventions behind the numbers.
// --fail-above / --fail-below are checked on every number printed.
#pragma once

#include "cli/context.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace mlm::cli {

struct Result {
    std::vector<std::string> group;  // the -g values (empty without -g)
    std::string item;                // e.g. the column, when there are several
    double value = 0;
    nlohmann::json details = nlohmann::json::object();  // more fields for --to json
};

struct ResultLayout {
    std::vector<std::string> group_names;  // -g column names
    std::string item_name;                 // header of the item column ("" when unused)
    std::string value_name;                // header of the value column ("entropy")
    nlohmann::json conventions = nlohmann::json::object();  // base, direction, ... for --to json
};

// Prints the results and returns the check status (0, or 1 when a threshold was crossed).
int print_results(Context& ctx, const ResultLayout& layout, const std::vector<Result>& results);

}  // namespace mlm::cli
