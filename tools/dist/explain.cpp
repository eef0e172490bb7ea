// --explain for mlm-dist: the family's formula, the same formula with the
// spec's parameters put in, the values asked for, and where the distribution
// shows up in machine learning.
#include "dist/dist_tool.hpp"

#include "cli/explain_text.hpp"
#include "io/number.hpp"
#include "prob/distribution.hpp"

#include <cmath>

namespace mlm::dist_tool {
namespace {

struct Story {
    const char* formula;   // with the parameters' names
    const char* template_; // {0}, {1}: the parameters' values
    const char* in_ml;
};

// One entry per family, in the table's order (prob::families()).
const Story stories[] = {
    {"f(x) = exp(-(x - mu)^2 / (2 sd^2)) / (sd sqrt(2 pi))",
     "f(x) = exp(-(x - {0})^2 / (2 * {1}^2)) / ({1} sqrt(2 pi))",
     "the noise of regression (least squares is its negative log-likelihood), "
     "weight initialization, the prior of a VAE's latent code; sums of many small "
     "effects tend to it (the Central Limit Theorem)."},
    {"P(X = k) = p^k (1 - p)^(1 - k), k in {0, 1}", "P(X = k) = {0}^k (1 - {0})^(1 - k)",
     "a binary label: logistic regression predicts its p and binary cross-entropy is "
     "its negative log-likelihood; dropout masks."},
    {"P(X = k) = p_k, the weights normalized", "P(X = k) = p_k",
     "a class label: softmax outputs its probabilities and cross-entropy is its "
     "negative log-likelihood; sampling the next token of a language model."},
    {"P(X = k) = C(n, k) p^k (1 - p)^(n - k), k = 0..n",
     "P(X = k) = C({0}, k) {1}^k (1 - {1})^({0} - k)",
     "successes in n independent trials: conversions of n visitors in an A/B test, "
     "test cases passed out of n."},
    {"P(X = k) = lambda^k exp(-lambda) / k!, k = 0, 1, ...", "P(X = k) = {0}^k exp(-{0}) / k!",
     "counts of rare events in an interval: clicks, requests, word counts; Poisson "
     "regression models its lambda."},
    {"f(x) = 1 / (b - a) on [a, b]", "f(x) = 1 / ({1} - {0}) on [{0}, {1}]",
     "no preference: random search over hyperparameters, initialization, and the "
     "source of every other sampler here."},
    {"f(x) = x^(a - 1) (1 - x)^(b - 1) / B(a, b) on [0, 1]",
     "f(x) = x^({0} - 1) (1 - x)^({1} - 1) / B({0}, {1})",
     "a probability that is itself uncertain: the conjugate prior of a Bernoulli "
     "rate (Bayesian A/B tests, Thompson sampling)."},
    {"f(x) = rate exp(-rate x) for x >= 0", "f(x) = {0} exp(-{0} x)",
     "the waiting time between Poisson events: the next request, survival analysis; "
     "the most uncertain positive distribution with a given mean."},
    {"f(x) = rate^shape x^(shape - 1) exp(-rate x) / Gamma(shape) for x >= 0",
     "f(x) = {1}^{0} x^({0} - 1) exp(-{1} x) / Gamma({0})",
     "positive scales and rates: the conjugate prior of a Poisson rate or of a "
     "normal's precision; the wait for the k-th event."},
};

std::string filled(std::string text, const prob::Distribution& d) {
    auto params = prob::parameters(d);
    for (std::size_t i = 0; i < params.size(); ++i) {
        std::string key = "{";
        key += std::to_string(i);
        key += '}';
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key))
            text.replace(at, key.size(), io::format_number(params[i].second));
    }
    return text;
}

const char* meaning(const std::string& function) {
    if (function == "logpdf") return "log f(x), computed without forming f(x)";
    if (function == "cdf") return "F(x) = P(X <= x)";
    if (function == "sf") return "S(x) = P(X > x) = 1 - F(x), computed without the subtraction";
    if (function == "quantile") return "Q(q) = the smallest x with F(x) >= q";
    return "f(x), the density (for a discrete family the probability of x)";
}

}  // namespace

void explain(const Options& o, cli::Context& ctx, const prob::Distribution& d,
             const std::vector<double>& points) {
    const auto& function = o.common.command;
    const Story& s = stories[d.family.index()];
    std::string text = prob::to_spec(d);
    text += "\n\n  ";
    text += s.formula;
    text += "\n  ";
    text += filled(s.template_, d);
    text += '\n';
    if (const auto* c = std::get_if<prob::Categorical>(&d.family))
        for (std::size_t i = 0; i < c->categories.size(); ++i) {
            text += "  P(X = ";
            text += io::format_number(c->categories[i]);
            text += ") = ";
            text += io::format_number(c->probabilities[i]);
            text += '\n';
        }
    if (function == "describe") {
        double v = prob::variance(d);
        text += "\n  mean " + io::format_number(prob::mean(d)) + ", variance " + io::format_number(v) +
                ", sd " + io::format_number(std::sqrt(v)) + ", entropy " +
                io::format_number(prob::entropy(d)) + " nats\n";
    } else {
        text += '\n';
        text += meaning(function);
        text += ":\n";
        for (double x : points) {
            double y = function == "logpdf"     ? prob::logpdf(d, x)
                       : function == "cdf"      ? prob::cdf(d, x)
                       : function == "sf"       ? prob::sf(d, x)
                       : function == "quantile" ? prob::quantile(d, x)
                                                : prob::pdf(d, x);
            text += "  " + function + "(" + io::format_number(x) + ") = " + io::format_number(y) + "\n";
        }
    }
    text += "\nIn ML: " + std::string(s.in_ml) + "\n";
    ctx.out().write(text);
}

}  // namespace mlm::dist_tool
