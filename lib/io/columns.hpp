// Column selection as in cut(1), by name or position: `-c 1,3-5,price`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mlm::io {

// 0-based indexes of the columns that `spec` names, in the order given. Each
// item is a column name, a 1-based index or a range `a-b`; a name wins over an
// index when a header has a column called "3". Unknown names and indexes out of
// range are a UsageError that lists the columns there are.
std::vector<std::size_t> resolve_columns(std::string_view spec,
                                         const std::vector<std::string>& names);

// The same for a spec that must name exactly one column (`--target y`).
std::size_t resolve_column(std::string_view spec, const std::vector<std::string>& names);

// "a, b, c" (shortened past 20 names), for messages.
std::string list_columns(const std::vector<std::string>& names);

}  // namespace mlm::io
