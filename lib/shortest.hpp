// The shortest text that reads back to the same double (std::to_chars), for
// messages from any layer; io/number.hpp builds the output formats on it.
#pragma once

#include <charconv>
#include <cmath>
#include <string>

namespace mlm {

inline std::string shortest(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, x == 0 ? 0.0 : x);
    return std::string(buf, r.ptr);
}

}  // namespace mlm
