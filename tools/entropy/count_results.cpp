// The entropies of counted values: H(X) (joint for several columns), H(A|B),
// I(A;B) or NMI, and bytes; each per group, or walked through with --explain.
#include "entropy/count_state.hpp"
#include "entropy/explain.hpp"
#include "error.hpp"
#include "info/entropy.hpp"
#include "io/number.hpp"
#include "io/table_writer.hpp"
#include "parallel_for.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <numeric>
#include <nlohmann/json.hpp>

namespace mlm::entropy_tool {

namespace {

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ",") + n;
    return out;
}

std::string byte_label(std::size_t b) {
    char buf[16];
    if (b >= 33 && b < 127) std::snprintf(buf, sizeof buf, "'%c' 0x%02zx", static_cast<char>(b), b);
    else std::snprintf(buf, sizeof buf, "0x%02zx", b);
    return buf;
}

// Outcomes by decreasing count, for a readable walkthrough.
void explain_counts(io::Output& out, const std::string& title, const std::vector<std::string>& labels,
                    const std::vector<double>& counts, double h, double base, const std::string& notes) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return counts[x] > counts[y]; });
    double total = std::accumulate(counts.begin(), counts.end(), 0.0);
    std::vector<std::string> shown_labels;
    std::vector<double> p;
    for (std::size_t k = 0; k < order.size() && k < 20; ++k) {
        shown_labels.push_back(labels[order[k]]);
        p.push_back(counts[order[k]] / total);
    }
    explain_entropy(out, title, shown_labels, p, order.size(), h, base,
                    "p(x) is the count of x over the " + io::format_number(total) + " counted.\n" + notes);
}

std::string fmt(double x) { return io::format_number(x, 6); }

// A group's counts and entropies: what takes the time after the reading, for
// thousands of groups, so it is computed for every group on the threads
// before the groups are printed in order.
struct Figures {
    double n = 0, h = 0;     // values, bytes: rows counted and H(X)
    std::size_t distinct = 0;
    double ha = 0, hb = 0, hab = 0, value = 0, mi = 0;  // cond, mi
    std::exception_ptr error;
};

// Group g's counts, values or bytes.
const std::vector<double>& counts_of(const CountState& s, std::size_t g, std::vector<double>& byte_counts) {
    if (s.form == "values") return s.values[g].counts();
    byte_counts.assign(s.bytes[g].begin(), s.bytes[g].end());
    return byte_counts;
}

Figures figures_of(const Options& o, const CountState& s, std::size_t g) {
    const double base = o.base();
    Figures f;
    try {
        if (s.form == "values" || s.form == "bytes") {
            std::vector<double> byte_counts;
            const std::vector<double>& counts = counts_of(s, g, byte_counts);
            f.n = std::accumulate(counts.begin(), counts.end(), 0.0);
            if (f.n == 0) throw InputError("no data: the input is empty");
            f.distinct = std::count_if(counts.begin(), counts.end(), [](double c) { return c > 0; });
            f.h = info::entropy_of_counts(counts, base);
        } else {
            const auto& t = s.tables[g];
            f.ha = info::entropy_of_counts(t.first().counts(), base);
            f.hb = info::entropy_of_counts(t.second().counts(), base);
            f.hab = info::joint_entropy(t, base);
            if (s.form == "cond") {
                f.value = info::conditional_entropy(t, base);
            } else {
                f.mi = info::mutual_information(t, base);
                f.value = o.normalized ? info::normalized_mutual_information(t) : f.mi;
            }
        }
    } catch (...) {
        f.error = std::current_exception();
    }
    return f;
}

}  // namespace

int print_count_results(const Options& o, cli::Context& ctx, const CountState& s) {
    if (s.group_count() == 0) throw InputError("no data rows");
    if (o.perplexity && (s.form == "cond" || s.form == "mi"))
        throw UsageError("--perplexity is base^H of one distribution's entropy; " + s.form + " is not one");
    const double base = o.base();
    cli::ResultLayout layout;
    layout.group_names = s.group_by;
    layout.conventions = conventions(o);
    layout.conventions["form"] = s.form;
    if (!s.columns.empty()) layout.conventions["columns"] = s.columns;
    if (s.form == "cond") layout.conventions["given"] = s.given;
    layout.value_name = o.perplexity ? "perplexity" : "entropy";
    if (s.form == "cond") layout.value_name = "conditional_entropy";
    if (s.form == "mi") layout.value_name = o.normalized ? "normalized_mutual_information" : "mutual_information";
    if (s.form == "mi" && o.normalized) layout.conventions = {{"average", "arithmetic"}, {"form", "mi"}};
    std::string lg = log_name(base), unit = unit_of(base);

    std::vector<Figures> figures(s.group_count());
    parallel_for(figures.size(), cli::thread_count(ctx.options()),
                 [&](std::size_t g) { figures[g] = figures_of(o, s, g); });
    std::vector<cli::Result> results;
    for (std::size_t g = 0; g < s.group_count(); ++g) {
        const Figures& f = figures[g];
        if (f.error) std::rethrow_exception(f.error);
        if (o.common.explain && g > 0) ctx.out() << "\n";  // a blank line between the groups' walkthroughs
        std::string title;
        for (std::size_t k = 0; k < s.group_by.size(); ++k)
            title += (title.empty() ? "" : ", ") + s.group_by[k] + " = " + s.groups.values(g)[k];
        double value = 0;
        nlohmann::json details = nlohmann::json::object();
        if (s.form == "values" || s.form == "bytes") {
            const double n = f.n, h = f.h;
            const std::size_t distinct = f.distinct;
            if (o.common.explain) {
                std::vector<double> byte_counts;
                const std::vector<double>& counts = counts_of(s, g, byte_counts);
                std::vector<std::string> labels;
                if (s.form == "values") {
                    labels = s.values[g].values();
                    for (auto& l : labels) std::replace(l.begin(), l.end(), joint_separator, ',');
                } else {
                    for (std::size_t b = 0; b < 256; ++b) labels.push_back(byte_label(b));
                }
                explain_counts(ctx.out(), title, labels, counts, h, base, perplexity_note(o.perplexity, h, base));
                continue;
            }
            double max_h = info::log_in_base(static_cast<double>(s.form == "bytes" ? 256 : distinct), base);
            if (ctx.json()) {  // CSV and TSV print none of it: thousands of groups would build it for nothing
                details = {{"n", io::json_count(n)}, {"distinct", distinct}, {"max_entropy", max_h},
                           {"normalized", max_h > 0 ? h / max_h : 0.0}};
                if (o.perplexity) details["entropy"] = h;
            }
            value = reported(o, h);
        } else {
            const auto& t = s.tables[g];
            const double ha = f.ha, hb = f.hb, hab = f.hab;
            if (ctx.json()) details = {{"n", io::json_count(t.total())}, {"h_a", ha}, {"h_b", hb}, {"h_ab", hab}};
            std::string A = joined(s.columns), B = joined(s.given);
            value = f.value;
            if (s.form == "cond") {
                if (o.common.explain) {
                    if (!title.empty()) ctx.out() << title << "\n\n";
                    ctx.out() << "Conditional entropy  H(A|B) = -sum p(a,b) " << lg << " p(a,b)/p(b) = H(A,B) - H(B)\n\n"
                              << "  A = " << A << ", B = " << B << ", " << fmt(t.total()) << " rows\n"
                              << "  H(A,B) = " << fmt(hab) << " " << unit << "\n  H(B)   = " << fmt(hb) << " " << unit
                              << "\n  H(A|B) = " << fmt(hab) << " - " << fmt(hb) << " = " << io::format_number(value)
                              << " " << unit << " (H(A) alone is " << fmt(ha) << ")\n\n"
                              << "H(A|B) is the uncertainty left in A once you know B: 0 when B decides A,\n"
                                 "H(A) when B tells you nothing about it.\n";
                    continue;
                }
            } else {
                const double mi = f.mi;
                if (o.common.explain) {
                    if (!title.empty()) ctx.out() << title << "\n\n";
                    ctx.out() << "Mutual information  I(A;B) = sum p(a,b) " << lg << " p(a,b)/(p(a)p(b))\n"
                              << "                            = H(A) + H(B) - H(A,B)\n\n"
                              << "  A = " << A << ", B = " << B << ", " << fmt(t.total()) << " rows\n"
                              << "  H(A) = " << fmt(ha) << ", H(B) = " << fmt(hb) << ", H(A,B) = " << fmt(hab) << " " << unit
                              << "\n  I(A;B) = " << fmt(ha) << " + " << fmt(hb) << " - " << fmt(hab) << " = "
                              << io::format_number(mi) << " " << unit << "\n";
                    if (o.normalized)
                        ctx.out() << "  NMI = I / ((H(A) + H(B)) / 2) = " << io::format_number(value) << "\n";
                    ctx.out() << "\nMutual information is how much knowing one variable tells you about the other:\n"
                                 "0 when they are independent, H(A) when B determines A.\n";
                    continue;
                }
            }
        }
        results.push_back({s.groups.values(g), "", value, std::move(details)});
    }
    if (o.common.explain) return 0;
    return cli::print_results(ctx, layout, results);
}

}  // namespace mlm::entropy_tool
