// mlm-gd minimize --explain: the first steps of the descent written out, the
// stopping reason and the result.
#include <sstream>

#include "calc/assignment.hpp"
#include "cli/explain_text.hpp"

#include "gd/gd_tool.hpp"
#include "io/number.hpp"

namespace mlm::gd_tool {
namespace {

using optim::Method;

std::string update_rule(Method m) {
    switch (m) {
        case Method::sgd: return "x <- x - lr * g";
        case Method::momentum: return "b <- mu*b + (1 - dampening)*g (b = g at first);  x <- x - lr * b";
        case Method::nesterov: return "b <- mu*b + g (b = g at first);  x <- x - lr * (g + mu*b)";
        case Method::adagrad: return "s <- s + g^2;  x <- x - lr/(1 + (t-1)*lr_decay) * g / (sqrt(s) + eps)";
        case Method::rmsprop: return "v <- alpha*v + (1 - alpha)*g^2;  x <- x - lr * g / (sqrt(v) + eps)";
        case Method::adam:
            return "m <- beta1*m + (1 - beta1)*g;  v <- beta2*v + (1 - beta2)*g^2;\n"
                   "        x <- x - lr * m/(1 - beta1^t) / (sqrt(v/(1 - beta2^t)) + eps)";
        case Method::adamw:
            return "x <- x*(1 - lr*weight_decay), then the Adam step:\n"
                   "        m <- beta1*m + (1 - beta1)*g;  v <- beta2*v + (1 - beta2)*g^2;\n"
                   "        x <- x - lr * m/(1 - beta1^t) / (sqrt(v/(1 - beta2^t)) + eps)";
    }
    return "";
}

}  // namespace

std::string explain_minimize(const Options& o, const optim::MinimizeSettings& s, const calc::Tape& tape,
                             const optim::MinimizeResult& r, int digits) {
    auto num = [&](double v) { return io::format_number(v, digits); };
    auto vec = [&](const Eigen::VectorXd& v) {
        std::string out = "(";
        for (Eigen::Index j = 0; j < v.size(); ++j) out += (j ? ", " : "") + num(v[j]);
        return out + ")";
    };
    auto point = [&](const Eigen::VectorXd& v) {
        std::string out;
        for (std::size_t j = 0; j < tape.variables.size(); ++j)
            out += (j ? ", " : "") + tape.variables[j] + " = " + num(v[static_cast<Eigen::Index>(j)]);
        return out;
    };
    std::ostringstream out;
    out << "Minimizing f(" << calc::variable_list(tape) << ") = " << o.expression << "\n";
    if (!o.at.empty()) out << "holding " << o.at << " fixed\n";
    out << "with " << optim::method_name(s.method) << ", learning rate " << num(s.hyper.lr) << " (schedule "
        << s.schedule.text() << "), from " << point(r.trace.front().x) << ".\n\n"
        << "Each step, with g = grad f at the current point (exact, by backpropagation):\n"
        << "        " << update_rule(s.method) << "\n\n";
    const std::size_t shown = r.trace.size();
    for (std::size_t k = 0; k < shown; ++k) {
        const auto& row = r.trace[k];
        out << "step " << row.step << ": " << point(row.x) << ", f = " << num(row.f) << "\n"
            << "        g = " << vec(row.gradient) << ", |g| = " << num(row.grad_norm) << "\n";
        if (k + 1 < shown)
            out << "        lr = " << num(row.lr) << ", move " << vec(r.trace[k + 1].x - row.x) << "\n";
    }
    if (r.steps + 1 > static_cast<long>(shown))
        out << "... " << (r.steps + 1 - static_cast<long>(shown)) << " more steps\n";
    out << "\n";
    switch (r.stop) {
        case optim::Stop::converged:
            out << "Stopped after " << r.steps << (r.steps == 1 ? " step" : " steps") << ": |g| = " << num(r.grad_norm) << " <= tol " << num(s.tol)
                << ", converged.\n";
            break;
        case optim::Stop::max_steps:
            out << "Stopped at --max-steps " << r.steps << " without converging: |g| = " << num(r.grad_norm)
                << " > tol " << num(s.tol) << ".\n";
            if (r.stall) out << "Why: " << optim::stall_message(*r.stall, s) << ".\n";
            break;
        case optim::Stop::diverged:
            out << "Stopped: " << optim::divergence_message(*r.divergence, s) << ".\n";
            break;
    }
    if (r.stop != optim::Stop::diverged) out << "Result: " << point(r.point) << ", f = " << num(r.f) << "\n";
    out << "\nGradient descent walks downhill: each step moves against the gradient, the\n"
           "direction in which f rises fastest, by a stride the learning rate sets. Too\n"
           "long a stride overshoots the valley; past 2/L (L the largest curvature) every\n"
           "step lands higher than the last and the descent diverges.\n";
    return cli::wrapped(out.str(), cli::explain_width, 4);
}

}  // namespace mlm::gd_tool
