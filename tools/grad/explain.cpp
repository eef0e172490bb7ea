// mlm-grad --explain: backpropagation written out for the point --at, node by
// node forward, edge by edge backward, then the gradient and (with --lr) one step.
#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include "calc/assignment.hpp"
#include "calc/backprop.hpp"
#include "calc/chain_rule_trace.hpp"
#include "cli/explain_text.hpp"
#include "error.hpp"
#include "grad/grad_tool.hpp"
#include "io/number.hpp"

namespace mlm::grad_tool {
namespace {

using calc::Op;

class Explainer {
public:
    Explainer(const Options& o, const Setup& s, const Eigen::VectorXd& x)
        : o_(o), s_(s), x_(x), trace_(calc::chain_rule_trace(s.tape, x)),
          digits_(o.common.precision > 0 ? o.common.precision : 6) {
        // Variables by their own names; the nodes computed from them v1, v2, ...
        // in the order they are evaluated.
        std::size_t k = 0;
        for (const auto& step : trace_.forward) {
            const auto& n = s_.tape.nodes[step.node];
            if (n.op == Op::variable) {
                names_[step.node] = s_.tape.variables[n.a];
                continue;
            }
            std::string name(1, 'v');  // not "v" + ...: g++ 12 warns (-Wrestrict) on that
            name += std::to_string(++k);
            names_[step.node] = std::move(name);
        }
    }

    std::string text() {
        header();
        forward();
        backward();
        gradient();
        if (o_.lr) step();
        out_ << "\nThe chain rule multiplies the local slopes along every path from f down to an\n"
                "input; going backward, each node's upstream gradient is finished before it is\n"
                "passed on, so one backward pass prices every input at the cost of about one\n"
                "more evaluation of f, however many inputs there are.\n";
        return out_.str();
    }

private:
    std::string num(double v) const { return io::format_number(v, digits_); }

    // A node as an operand: its v-name, or a constant's value.
    std::string ref(std::size_t node) const {
        const auto it = names_.find(node);
        return it != names_.end() ? it->second : num(s_.tape.nodes[node].constant);
    }

    std::string formula(std::size_t node) const {
        const auto& n = s_.tape.nodes[node];
        if (n.op == Op::variable) return std::string(s_.tape.variables[n.a]);
        const std::string a = ref(n.a), b = calc::is_binary(n.op) ? ref(n.b) : "";
        switch (n.op) {
            case Op::add: return a + " + " + b;
            case Op::sub: return a + " - " + b;
            case Op::mul: return a + " * " + b;
            case Op::div: return a + " / " + b;
            case Op::pow: return a + " ^ " + b;
            case Op::neg: return "-" + a;
            case Op::min: case Op::max: return std::string(calc::op_name(n.op)) + "(" + a + ", " + b + ")";
            default: return std::string(calc::op_name(n.op)) + "(" + a + ")";
        }
    }

    // ∂v_i/∂v_operand as a formula in the v-names.
    std::string local_formula(std::size_t node, std::size_t operand) const {
        const auto& n = s_.tape.nodes[node];
        const bool first = operand == n.a;
        const std::string vi = ref(node), a = ref(n.a), b = calc::is_binary(n.op) ? ref(n.b) : "";
        switch (n.op) {
            case Op::add: return "1";
            case Op::sub: return first ? "1" : "-1";
            case Op::mul: return first ? b : a;
            case Op::div: return first ? "1/" + b : "-" + vi + "/" + b;
            case Op::pow: {
                if (!first) return vi + "*log(" + a + ")";
                const auto& e = s_.tape.nodes[n.b];
                if (e.op == Op::constant) {
                    if (e.constant == 2) return "2*" + a;
                    return num(e.constant) + "*" + a + "^" + num(e.constant - 1);
                }
                return b + "*" + a + "^(" + b + " - 1)";
            }
            case Op::min: return first ? "1 if " + a + " < " + b + ", else 0" : "1 if " + b + " < " + a + ", else 0";
            case Op::max: return first ? "1 if " + a + " > " + b + ", else 0" : "1 if " + b + " > " + a + ", else 0";
            case Op::neg: return "-1";
            case Op::exp: return "exp(" + a + ") = " + vi;
            case Op::log: return "1/" + a;
            case Op::log2: return "1/(" + a + "*ln(2))";
            case Op::log10: return "1/(" + a + "*ln(10))";
            case Op::sqrt: return "1/(2*" + vi + ")";
            case Op::abs: return "sign(" + a + ")";
            case Op::sin: return "cos(" + a + ")";
            case Op::cos: return "-sin(" + a + ")";
            case Op::tan: return "1 + " + vi + "^2";
            case Op::tanh: return "1 - " + vi + "^2";
            case Op::sigmoid: return vi + "*(1 - " + vi + ")";
            case Op::relu: return "1 if " + a + " > 0, else 0";
            case Op::softplus: return "sigmoid(" + a + ")";
            case Op::constant: case Op::variable: break;
        }
        return "";
    }

    void header() {
        out_ << "f(" << calc::variable_list(s_.tape) << ") = "
             << (o_.expression.size() > 60 ? shortened(o_.expression) : o_.expression) << "\nat ";
        for (std::size_t j = 0; j < s_.tape.variables.size(); ++j)
            out_ << (j ? ", " : "") << s_.tape.variables[j] << " = " << num(x_[static_cast<Eigen::Index>(j)]);
        out_ << "\n\nBackpropagation (reverse-mode automatic differentiation): a forward pass\n"
                "computes every node of the expression's graph from its inputs; a backward pass\n"
                "applies the chain rule from f back to the inputs, one edge at a time.\n";
    }

    void forward() {
        out_ << "\nForward pass:\n";
        std::size_t w1 = 0, w2 = 0;
        std::vector<std::array<std::string, 3>> rows;
        for (const auto& step : trace_.forward) {
            if (step.op == Op::variable) continue;  // their values are in the header
            std::string source = shortened(s_.tape.text(step.node));
            rows.push_back({ref(step.node) + " = " + formula(step.node), source, num(step.value)});
            w1 = std::max(w1, rows.back()[0].size());
            w2 = std::max(w2, rows.back()[1].size());
        }
        for (const auto& r : rows)
            out_ << "  " << pad(r[0], w1) << "  " << pad(r[1], w2) << "  = " << r[2] << "\n";
        out_ << "\nLoss: f = " << num(trace_.value) << "\n";
    }

    void backward() {
        out_ << "\nBackward pass: df/d" << ref(s_.tape.output()) << " = 1, then for each edge v_i -> v_a\n"
             << "  df/dv_a += (upstream df/dv_i) * (local dv_i/dv_a)\n\n";
        std::vector<std::array<std::string, 5>> rows{{"edge", "local dv_i/dv_a", "", "upstream", "product"}};
        for (const auto& e : trace_.backward)
            rows.push_back({ref(e.node) + " -> " + ref(e.operand), local_formula(e.node, e.operand), "= " + num(e.local),
                            num(e.upstream), num(e.product)});
        std::array<std::size_t, 5> w{};
        for (const auto& r : rows)
            for (std::size_t c = 0; c < 5; ++c) w[c] = std::max(w[c], r[c].size());
        for (const auto& r : rows) {
            std::string line = "  " + pad(r[0], w[0]) + "  " + pad(r[1], w[1]) + " " + pad(r[2], w[2]) + "  " +
                               pad(r[3], w[3]) + "  " + r[4];
            out_ << line.erase(line.find_last_not_of(' ') + 1) << "\n";
        }
    }

    void gradient() {
        out_ << "\nGradient (the sums of the products into each input):\n";
        for (std::size_t j : s_.wrt)
            out_ << "  df/d" << s_.tape.variables[j] << " = " << num(trace_.gradient[static_cast<Eigen::Index>(j)])
                 << "\n";
    }

    void step() {
        const double lr = *o_.lr;
        out_ << "\nOne gradient-descent step with learning rate " << num(lr) << ", w <- w - lr * df/dw:\n";
        for (std::size_t j : s_.wrt) {
            const auto i = static_cast<Eigen::Index>(j);
            out_ << "  " << s_.tape.variables[j] << " = " << num(x_[i]) << " - " << num(lr) << " * ("
                 << num(trace_.gradient[i]) << ") = " << num(x_[i] - lr * trace_.gradient[i]) << "\n";
        }
    }

    // A long subexpression shortened to its ends, so the table stays narrow
    // (and a 60,000-term sum does not print its text 60,000 times).
    static std::string shortened(std::string_view text) {
        if (text.size() <= 32) return std::string(text);
        std::string head(text.substr(0, 14)), tail(text.substr(text.size() - 14));
        head.erase(head.find_last_not_of(' ') + 1);
        tail.erase(0, tail.find_first_not_of(' '));
        return head + " ... " + tail;
    }

    static std::string pad(const std::string& s, std::size_t width) {
        return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
    }

    const Options& o_;
    const Setup& s_;
    Eigen::VectorXd x_;
    calc::ChainRuleTrace trace_;
    int digits_;
    std::map<std::size_t, std::string> names_;
    std::ostringstream out_;
};

}  // namespace

int run_explain(const Options& o, const Setup& s, cli::Context& ctx) {
    // The walkthrough is of backpropagation's gradient: refuse what it would drop.
    for (const auto& [given, name] : {std::pair{o.hessian, "--hessian"}, std::pair{o.numeric, "--numeric"},
                                      std::pair{o.limit, "--limit"}, std::pair{o.check, "--check"}})
        if (given)
            throw UsageError(std::string("--explain walks through backpropagation's gradient and does not explain ") +
                             name + ": give one of them");
    const Eigen::VectorXd x = point_at(o, s);
    ctx.out() << cli::wrapped(Explainer(o, s, x).text(), cli::explain_width, 4);
    const auto g = calc::value_and_gradient(s.tape, x);
    std::vector<std::pair<std::string, double>> results{{"f", g.value}};
    for (std::size_t j : s.wrt) results.emplace_back("d_" + s.tape.variables[j], g.gradient[static_cast<Eigen::Index>(j)]);
    if (const std::string note = nonfinite_note(s, x, results); !note.empty()) ctx.note(note);
    return 0;
}

}  // namespace mlm::grad_tool
