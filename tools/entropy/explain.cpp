#include "entropy/explain.hpp"

#include "entropy/entropy_tool.hpp"
#include "info/entropy.hpp"
#include "io/number.hpp"

#include <cmath>
#include <cstdio>

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

void explain_entropy(io::Output& out, const std::string& title, const std::vector<std::string>& labels,
                     std::span<const double> p, std::size_t outcomes, double h, double base) {
    std::string lg = log_name(base);
    std::string unit = unit_of(base);
    if (!title.empty()) out << title << "\n\n";
    out << "Shannon entropy  H(X) = -sum over x of p(x) * " << lg << " p(x)   (0 * log 0 counts as 0)\n\n";
    out << "  " << padded("x", 16) << padded("p(x)", 14) << "-p(x) " << lg << " p(x)\n";
    info::CompensatedSum shown_sum;
    for (std::size_t i = 0; i < p.size(); ++i) {
        std::string name = i < labels.size() ? labels[i] : std::to_string(i + 1);
        double term = info::surprisal_term(p[i], base);
        shown_sum.add(term);
        out << "  " << padded(name, 16) << padded(fixed(p[i]), 14) << fixed(term) << "\n";
    }
    if (outcomes > p.size())
        out << "  ... and " << std::to_string(outcomes - p.size()) << " more outcomes\n";
    out << "  " << padded("sum", 30) << fixed(h) << "\n\n";
    double max_h = outcomes > 0 ? info::log_in_base(static_cast<double>(outcomes), base) : 0;
    out << "H = " << io::format_number(h) << " " << unit << ", of at most " << lg << "(" << std::to_string(outcomes)
        << ") = " << fixed(max_h) << " for " << std::to_string(outcomes) << " outcomes";
    if (max_h > 0) out << " (normalized: " << fixed(h / max_h) << ")";
    out << ".\n\nEntropy is the average surprise of one outcome: the number of yes/no questions\n"
           "you need, on average, to learn it. A fair coin has 1 bit; a coin that lands\n"
           "heads 99% of the time has only 0.08 bits, because you can almost always guess.\n";
}

}  // namespace mlm::entropy_tool
