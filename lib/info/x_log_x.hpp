// The terms x ln x of an entropy, H = ln S - (sum w ln w) / S, for many
// weights at once: four lanes at a time, where glibc's log is one call per
// value and costs as much as parsing the number it is taken of.
//
// ln x = k ln 2 + ln m, with x = 2^k m and m in [sqrt(2)/2, sqrt(2)); then
// f = m - 1, s = f / (2 + f), and ln m = f - f^2/2 + s (f^2/2 + R(s^2)), R a
// minimax polynomial of degree 7 in s^2 (the classic fdlibm reduction; error
// under 1 ulp). The same code serves one value and four, so a weight's term
// has the same bits whichever path adds it.
#pragma once

#include <cstddef>
#include <span>

namespace mlm::info {

// x ln x for a finite x >= 0, and 0 for x = 0 (0 log 0 = 0).
double x_log_x(double x);

// out[i] = x_log_x(x[i]) for every i; `out` has x.size() room. The inputs
// must be finite and >= 0 (checked weights).
void x_log_x(std::span<const double> x, std::span<double> out);

}  // namespace mlm::info
