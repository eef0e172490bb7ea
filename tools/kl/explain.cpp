// --explain for mlm-kl: the formula, each outcome's term with the input's
// numbers, the sum, and what the number means.
#include "kl/kl_tool.hpp"

#include "cli/explain_text.hpp"
#include "io/number.hpp"

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <limits>

namespace mlm::kl_tool {

namespace {

constexpr std::size_t shown_outcomes = 20;
constexpr double inf = std::numeric_limits<double>::infinity();

std::string fixed(double x) {
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
}

std::string padded(std::string s, std::size_t width) {
    std::size_t columns = cli::text_columns(s);
    if (columns < width) s.append(width - columns, ' ');
    return s + " ";
}

// x log(x/y) in the base, 0 for x = 0, inf for y = 0 < x.
double term(double x, double y, double base) {
    if (x == 0) return 0;
    if (y == 0) return inf;
    return x * std::log(x / y) / std::log(base);
}

struct Column {
    std::string header;
    double (*value)(double p, double q, double base);
};

std::vector<Column> columns_for(const std::string& m, const std::string& lg) {
    Column forward{"P log(P/Q)", [](double p, double q, double b) { return term(p, q, b); }};
    Column backward{"Q log(Q/P)", [](double p, double q, double b) { return term(q, p, b); }};
    Column js{"(P log(P/M) + Q log(Q/M))/2", [](double p, double q, double b) {
                  double mid = (p + q) / 2;
                  return (term(p, mid, b) + term(q, mid, b)) / 2;
              }};
    Column xent{"-P log Q", [](double p, double q, double b) {
                    return p == 0 ? 0.0 : q == 0 ? inf : -p * std::log(q) / std::log(b);
                }};
    Column psi{"(P-Q) ln(P/Q)", [](double p, double q, double) {
                   if (p == q) return 0.0;
                   if (p == 0 || q == 0) return inf;
                   return (p - q) * std::log(p / q);
               }};
    auto with_log = [&](Column c) {
        for (std::size_t at = c.header.find("log"); at != std::string::npos; at = c.header.find("log", at + lg.size()))
            c.header.replace(at, 3, lg);
        return c;
    };
    if (m == "reverse") return {with_log(backward)};
    if (m == "both" || m == "all") return {with_log(forward), with_log(backward)};
    if (m == "js" || m == "js-distance") return {with_log(js)};
    if (m == "xent") return {with_log(xent)};
    if (m == "psi") return {psi};
    return {with_log(forward)};
}

std::string formula(const std::string& m, const std::string& lg) {
    if (m == "reverse") return "KL(Q||P) = sum over x of Q(x) " + lg + "(Q(x)/P(x))";
    if (m == "both" || m == "all")
        return "KL(P||Q) = sum over x of P(x) " + lg + "(P(x)/Q(x))\nKL(Q||P) = sum over x of Q(x) " + lg +
               "(Q(x)/P(x))";
    if (m == "js") return "JS(P,Q) = (KL(P||M) + KL(Q||M)) / 2, with M = (P+Q)/2";
    if (m == "js-distance") return "JS distance = sqrt(JS(P,Q)), JS(P,Q) = (KL(P||M) + KL(Q||M)) / 2, M = (P+Q)/2";
    if (m == "xent") return "H(P,Q) = -sum over x of P(x) " + lg + " Q(x) = H(P) + KL(P||Q)";
    if (m == "psi") return "PSI = sum over x of (P(x) - Q(x)) ln(P(x)/Q(x))   (always natural log)";
    return "KL(P||Q) = sum over x of P(x) " + lg + "(P(x)/Q(x))";
}

std::string zeros_note(const std::string& m) {
    if (m == "js" || m == "js-distance") return "(a term with P(x) = 0 or Q(x) = 0 stays finite: JS never is infinite)";
    if (m == "psi") return "(P(x) = Q(x) = 0 counts as 0; exactly one of them 0 makes PSI infinite)";
    if (m == "reverse") return "(a term with Q(x) = 0 counts as 0; P(x) = 0 where Q(x) > 0 makes it infinite)";
    return "(a term with P(x) = 0 counts as 0; Q(x) = 0 where P(x) > 0 makes KL infinite)";
}

}  // namespace

void explain(const Options& o, cli::Context& ctx, const std::string& title,
             const std::vector<std::string>& names, const std::vector<double>& p,
             const std::vector<double>& q, const Comparison& c) {
    const std::string& m = o.metric;
    double base = o.base();
    std::string lg = cli::log_name(base), unit = unit_of(base);
    io::Output& out = ctx.out();
    if (!title.empty()) out << title << "\n\n";
    out << formula(m, lg) << "\n" << zeros_note(m) << "\n";
    bool counted = o.common.command == "samples" || o.common.command == "merge";
    if (counted) out << "P and Q are the counts of A and B per outcome, each divided by its total.\n";
    else if (o.normalize) out << "P and Q are the weights, each side divided by its sum (--normalize).\n";
    if (o.smooth > 0)
        out << "--smooth " << io::format_number(o.smooth) << " was added to every outcome of both sides before"
            << " dividing.\n";
    out << "\n";
    auto cols = columns_for(m, lg);
    std::size_t shown = std::min(p.size(), shown_outcomes);
    // The outcome-name column: as wide as the longest name shown, at least 14,
    // at most what leaves the numbers within 80 columns; longer names are cut.
    std::size_t numbers_width = 2 + 13 + 13;
    for (const auto& col : cols) numbers_width += std::max<std::size_t>(col.header.size(), 16) + 1;
    std::size_t widest = numbers_width + 8 < cli::explain_width ? cli::explain_width - numbers_width - 1 : 8;
    std::size_t name_width = 14;
    for (std::size_t i = 0; i < shown && i < names.size(); ++i)
        name_width = std::max(name_width, cli::text_columns(names[i]));
    name_width = std::min(name_width, widest);
    auto line = [&](std::string text) {
        text.erase(text.find_last_not_of(' ') + 1);
        out << text << "\n";
    };
    std::string header = "  " + padded("x", name_width) + padded("P(x)", 12) + padded("Q(x)", 12);
    auto col_width = [](const Column& col) { return std::max<std::size_t>(col.header.size(), 16); };
    for (const auto& col : cols) header += padded(col.header, col_width(col));
    line(header);
    for (std::size_t i = 0; i < shown; ++i) {
        std::string name = i < names.size() ? names[i] : std::to_string(i + 1);
        std::string row = "  " + padded(cli::fitted(name, name_width), name_width) + padded(fixed(p[i]), 12) + padded(fixed(q[i]), 12);
        for (const auto& col : cols) row += padded(fixed(col.value(p[i], q[i], base)), col_width(col));
        line(row);
    }
    if (p.size() > shown) out << "  ... and " << std::to_string(p.size() - shown) << " more outcomes\n";
    std::string sum = "  " + padded("sum", name_width + 26);  // the name, P and Q columns
    auto values = metric_values(m == "all" ? "both" : m, c);
    if (m == "js-distance") values = {c.js};
    for (std::size_t k = 0; k < values.size(); ++k)
        sum += padded(fixed(values[k]), k < cols.size() ? col_width(cols[k]) : 16);
    line(sum);
    out << "\n";

    std::string u = " " + unit;
    if (m == "kl") {
        out << "KL(P||Q) = " << fixed(c.kl_pq) << u << ": the average extra surprise, in " << unit
            << ", of assuming Q\nwhen the world is P. Coding outcomes of P with a code built for Q costs that\n"
               "much more per outcome.\n";
    } else if (m == "reverse") {
        out << "KL(Q||P) = " << fixed(c.kl_qp) << u << ": the average extra surprise, in " << unit
            << ", of assuming P\nwhen the world is Q.\n";
    } else if (m == "both" || m == "all") {
        out << "KL(P||Q) = " << fixed(c.kl_pq) << u << ", KL(Q||P) = " << fixed(c.kl_qp) << u << ".\n"
            << "KL is not symmetric: KL(P||Q) weighs each log-ratio by P, so it punishes\n"
               "outcomes that P expects and Q thinks rare; KL(Q||P) weighs by Q and punishes\n"
               "the opposite mistake. The two agree only when P = Q.\n";
        if (m == "all") {
            out << "\nH(P) = " << fixed(c.entropy_p) << u << ", H(Q) = " << fixed(c.entropy_q) << u
                << ", H(P,Q) = " << fixed(c.cross_entropy) << u << " = H(P) + KL(P||Q)\n"
                << "JS = " << fixed(c.js) << u << " (at most " << fixed(std::log(2.0) / std::log(base)) << u
                << "), PSI = " << fixed(c.psi) << " (natural log)\n";
        }
    } else if (m == "js" || m == "js-distance") {
        out << "JS = " << fixed(c.js) << u;
        if (m == "js-distance") out << ", its square root " << fixed(std::sqrt(c.js));
        out << ".\nJS is symmetric and finite: 0 for identical distributions, at most "
            << fixed(std::log(2.0) / std::log(base)) << u << "\nwhen they share no outcome. It is how much"
            << " either distribution surprises their\naverage M.\n";
    } else if (m == "xent") {
        out << "H(P,Q) = " << fixed(c.cross_entropy) << u << " = H(P) " << fixed(c.entropy_p) << " + KL(P||Q) "
            << fixed(c.kl_pq) << ":\nthe average surprise of outcomes drawn from P when you predict them with Q\n"
               "(the log loss of the prediction Q).\n";
    } else if (m == "psi") {
        out << "PSI = " << fixed(c.psi) << ". By the usual rule of thumb, below 0.1 the population has\n"
               "not shifted, 0.1 to 0.25 is a moderate shift worth a look, above 0.25 a major\nshift.\n";
    }
}

}  // namespace mlm::kl_tool
