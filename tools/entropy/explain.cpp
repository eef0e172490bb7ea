#include "entropy/explain.hpp"

#include "cli/explain_text.hpp"
#include "entropy/entropy_tool.hpp"
#include "info/entropy.hpp"
#include "io/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace mlm::entropy_tool {

namespace {
std::string fixed(double x, int digits = 6) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, x);
    return buf;
}
std::string padded(std::string s, std::size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}
}  // namespace

// The outcome-name column: as wide as the longest name shown, from 14 to 30
// columns; longer names are cut (cli::fitted) so the numbers stay in line.
constexpr std::size_t min_name_width = 14, max_name_width = 30;

void explain_entropy(io::Output& out, const std::string& title, const std::vector<std::string>& labels,
                     std::span<const double> p, std::size_t outcomes, double h, double base,
                     const std::string& notes) {
    std::string lg = log_name(base);
    std::string unit = unit_of(base);
    if (!title.empty()) out << title << "\n\n";
    out << "Shannon entropy  H(X) = -sum over x of p(x) " << lg << " p(x)   (0 log 0 counts as 0)\n\n";
    auto name_of = [&](std::size_t i) { return i < labels.size() ? labels[i] : std::to_string(i + 1); };
    std::size_t width = min_name_width;
    for (std::size_t i = 0; i < p.size(); ++i) width = std::max(width, cli::text_columns(name_of(i)));
    width = std::min(width, max_name_width);
    auto name_cell = [&](const std::string& name) {
        std::string cell = cli::fitted(name, width);
        return cell + std::string(width + 2 - cli::text_columns(cell), ' ');
    };
    out << "  " << name_cell("x") << padded("p(x)", 14) << "-p(x) " << lg << " p(x)\n";
    for (std::size_t i = 0; i < p.size(); ++i)
        out << "  " << name_cell(name_of(i)) << padded(fixed(p[i]), 14) << fixed(info::surprisal_term(p[i], base))
            << "\n";
    if (outcomes > p.size()) out << "  ... and " << outcomes - p.size() << " more outcomes\n";
    out << "  " << name_cell("sum") << padded("", 14) << fixed(h) << "\n\n";
    double max_h = outcomes > 0 ? info::log_in_base(static_cast<double>(outcomes), base) : 0;
    out << "H = " << io::format_number(h) << " " << unit << ", of at most " << lg << "(" << outcomes
        << ") = " << fixed(max_h) << " for " << outcomes << " outcomes";
    if (max_h > 0) out << " (normalized: " << fixed(h / max_h) << ")";
    out << ".\n" << notes << "\nEntropy is the average surprise of one outcome: the number of yes/no questions\n"
           "you need, on average, to learn it. A fair coin has 1 bit; a coin that lands\n"
           "heads 99% of the time has only 0.08 bits, because you can almost always guess.\n";
}

std::string perplexity_note(bool perplexity, double h, double base) {
    if (!perplexity) return {};
    double pp = std::pow(base, h);
    std::string b = base == std::numbers::e ? "e" : io::format_number(base);
    return "Perplexity = " + b + "^H = " + io::format_number(pp) +
           ": as uncertain as a fair die with " + fixed(pp) + " faces.\n";
}

}  // namespace mlm::entropy_tool
