#include "plot/nice_ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mlm::plot {

double nice_number(double x, bool round) {
    const double exponent = std::floor(std::log10(x));
    const double power = std::pow(10.0, exponent);
    const double f = x / power;
    double nice;
    if (round) nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    else nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * power;
}

namespace {

// "2e-07", "1e+12" as "2e-7", "1e12": the exponent without + and leading zeros.
std::string exponent_form(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6g", value);
    std::string s = text;
    const auto e = s.find('e');
    if (e == std::string::npos) return s;
    std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
    const bool negative = exponent[0] == '-';
    exponent = exponent.substr(1);
    exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
    return mantissa + "e" + (negative ? "-" : "") + exponent;
}

// A tick's text with as many decimals as the step needs, so that 0.1 + 0.2
// prints as 0.3 and every label on one axis has the same decimals; very large
// and very small values in exponent form.
std::string fixed_label(double value, double step) {
    const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
    if (std::abs(value) >= 1e7 || decimals > 6) return value == 0 ? "0" : exponent_form(value);
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string s = text;
    if (s.find_first_not_of("-0.") == std::string::npos) return s.substr(s[0] == '-' ? 1 : 0);  // -0.0 is 0.0
    return s;
}

}  // namespace

Ticks nice_ticks(double lo, double hi, int target) {
    if (hi < lo) std::swap(lo, hi);
    if (hi == lo) {
        double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    Ticks t;
    const int gaps = std::max(1, target - 1);
    if (std::isfinite(hi - lo)) {
        t.step = nice_number(nice_number(hi - lo, false) / gaps, true);
    } else {  // -1e308 to 1e308: the width overflows a double; its half does not
        t.step = 2 * nice_number(nice_number(hi / 2 - lo / 2, false) / gaps, true);
    }
    // Whole multiples of the step, never accumulated sums: 0.1 * 3, not 0.1 + 0.1 + 0.1.
    const double first = std::floor(lo / t.step + 1e-9), last = std::ceil(hi / t.step - 1e-9);
    t.lo = first * t.step;
    t.hi = last * t.step;
    for (double k = first; k <= last; ++k) t.ticks.push_back({k * t.step, fixed_label(k * t.step, t.step)});
    return t;
}

Ticks log_ticks(double lo, double hi) {
    const double first = std::floor(std::log10(lo) + 1e-12), last = std::ceil(std::log10(hi) - 1e-12);
    Ticks t;
    t.step = 0;
    t.lo = std::pow(10.0, first);
    t.hi = std::pow(10.0, std::max(last, first + 1));
    const double top = std::max(last, first + 1);
    const bool fine = top - first <= 2;
    // Over many decades, every k-th power only: at most about 8 labels.
    const double every = std::ceil((top - first) / 8);
    for (double e = first; e <= top; e += every) {
        const double p = std::pow(10.0, e);
        t.ticks.push_back({p, exponent_form(p)});
        if (fine && e < top)
            for (double m : {2.0, 5.0}) t.ticks.push_back({m * p, exponent_form(m * p)});
    }
    return t;
}

}  // namespace mlm::plot
