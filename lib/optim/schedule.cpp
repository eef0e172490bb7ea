#include "optim/schedule.hpp"

#include <charconv>
#include <cmath>
#include <numbers>
#include <vector>

#include "error.hpp"

namespace mlm::optim {
namespace {

[[noreturn]] void bad(std::string_view text, const std::string& why) {
    throw UsageError("bad schedule '" + std::string(text) + "': " + why);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    return parts;
}

double positive_number(std::string_view whole, std::string_view s, const char* what) {
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v) || !(v > 0))
        bad(whole, std::string(what) + " must be a positive number, got '" + std::string(s) + "'");
    return v;
}

long positive_integer(std::string_view whole, std::string_view s, const char* what) {
    long v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v <= 0)
        bad(whole, std::string(what) + " must be a positive integer, got '" + std::string(s) + "'");
    return v;
}

std::string shortest(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

}  // namespace

double Schedule::factor(long t) const {
    if (warmup > 0 && t <= warmup) return static_cast<double>(t) / static_cast<double>(warmup);
    const double k = static_cast<double>(t - 1 - warmup);
    switch (kind) {
        case Kind::constant: return 1;
        case Kind::step: return std::pow(gamma, std::floor(k / static_cast<double>(every)));
        case Kind::exp: return std::pow(gamma, k);
        case Kind::cosine: return (1 + std::cos(std::numbers::pi * k / period)) / 2;
    }
    return 1;
}

std::string Schedule::text() const {
    std::string base;
    switch (kind) {
        case Kind::constant: base = "constant"; break;
        case Kind::step: base = "step:" + std::to_string(every) + ":" + shortest(gamma); break;
        case Kind::exp: base = "exp:" + shortest(gamma); break;
        case Kind::cosine: base = "cosine:" + shortest(period); break;
    }
    if (warmup == 0) return base;
    return "warmup:" + std::to_string(warmup) + (kind == Kind::constant ? "" : "," + base);
}

Schedule parse_schedule(std::string_view text) {
    Schedule s;
    bool have_base = false;
    for (const auto part : split(text, ',')) {
        const auto f = split(part, ':');
        if (f[0] == "warmup" && f.size() == 2) {
            if (s.warmup) bad(text, "warmup given twice");
            s.warmup = positive_integer(text, f[1], "N");
            continue;
        }
        if (have_base) bad(text, "only a warmup combines with another schedule");
        have_base = true;
        if (f[0] == "constant" && f.size() == 1) {
            s.kind = Schedule::Kind::constant;
        } else if (f[0] == "step" && f.size() == 3) {
            s.kind = Schedule::Kind::step;
            s.every = positive_integer(text, f[1], "EVERY");
            s.gamma = positive_number(text, f[2], "GAMMA");
        } else if (f[0] == "exp" && f.size() == 2) {
            s.kind = Schedule::Kind::exp;
            s.gamma = positive_number(text, f[1], "GAMMA");
        } else if (f[0] == "cosine" && f.size() == 2) {
            s.kind = Schedule::Kind::cosine;
            s.period = positive_number(text, f[1], "T");
        } else {
            bad(text, "expected constant, step:EVERY:GAMMA, exp:GAMMA, cosine:T or warmup:N");
        }
    }
    return s;
}

}  // namespace mlm::optim
