// mlm-grad: the value, gradient and Hessian of an expression, exactly by
// backpropagation or by finite differences, at one point or at every input row.

#include "cli/expression_argument.hpp"
#include "cli/run_main.hpp"
#include "cli/validators.hpp"
#include "error.hpp"
#include "grad/grad_tool.hpp"

namespace mlm::grad_tool {
namespace {

void declare(cli::Command& app, Options& o) {
    using namespace cli;
    app.footer(
        "Examples:\n"
        "  mlm-grad 'x^2*y + sin(y)' --at x=1,y=2        f and its gradient\n"
        "  mlm-grad '(w2*tanh(w1*x) - y)^2' --at w1=0.5,w2=-1,x=1,y=0.2 --explain --lr 0.1\n"
        "  mlm-grad 'x*y' points.csv                     f,d_x,d_y for every row\n"
        "See man mlm-grad for --hessian, --check and --limit.");
    add_expression_argument(app, o.expression, "the expression, e.g. 'x^2 + 3*x*y'");
    add_standard_options(app, o.common, input | output | checks | explain);
    app.add_option("--at", o.at, "one point, NAME=VALUE,... (else rows of the input)")->type_name("POINT");
    app.add_option("--wrt", o.wrt, "differentiate only with respect to these variables")->type_name("LIST");
    app.add_flag("--hessian", o.hessian, "print the Hessian matrix of second derivatives");
    app.add_flag("--numeric", o.numeric, "use finite differences instead of backpropagation");
    app.add_option("--h", o.h, "finite-difference step (default automatic)")->check(finite())->type_name("H");
    app.add_option("--scheme", o.scheme, "finite differences: central (default) or forward")
        ->check(cli::is_member({"central", "forward"}))->type_name("S");
    app.add_flag("--check", o.check, "print the largest relative difference, exact vs numeric");
    app.add_flag("--limit", o.limit, "difference quotients for h = 1e-1 ... 1e-12 beside the exact derivative");
    app.add_option("--lr", o.lr, "also take one gradient step with this learning rate")
        ->check(finite())->type_name("RATE");
}

int run(const Options& o, cli::Context& ctx) {
    const Setup s = make_setup(o);
    // --at with every variable is one point; with some, it holds them fixed over the rows.
    const bool one_point = s.one_point();
    if (!one_point) {
        for (const auto& [given, name] : {std::pair{o.common.explain, "--explain"}, std::pair{o.limit, "--limit"},
                                          std::pair{o.lr.has_value(), "--lr"}})
            if (given) {
                if (o.at.empty()) throw UsageError(std::string(name) + " needs one point: give --at NAME=VALUE,...");
                point_at(o, s);  // names the first variable --at leaves out
            }
        return run_points(o, s, ctx);
    }
    if (o.common.explain) return run_explain(o, s, ctx);
    return run_point(o, s, ctx);
}

}  // namespace
}  // namespace mlm::grad_tool

int main(int argc, char** argv) {
    using namespace mlm;
    return cli::run_main<grad_tool::Options>(
        argc, argv, {"mlm-grad", "value, gradient and Hessian of an expression by backpropagation",
         {"--at", "--hessian", "--numeric"}},
        grad_tool::declare, grad_tool::run);
}
