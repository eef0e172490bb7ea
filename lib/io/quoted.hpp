// Input values echoed in messages, cut short: a message is one line, and a
// cell of a hostile input can be megabytes (a JSON array cell was echoed whole
// in a 1.29 MB line). Every echo of input goes through these.
#pragma once

#include <string>
#include <string_view>

namespace mlm::io {

// `s` cut to `limit` characters ("..." marks the cut), at a UTF-8 character boundary.
std::string excerpt(std::string_view s, std::size_t limit = 40);

// `s` cut as by excerpt(), in double quotes: "abc".
std::string quoted(std::string_view s);

}  // namespace mlm::io
