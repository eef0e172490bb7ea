// What every form of mlm-entropy shares: the log base and how it is reported.
#include "entropy/entropy_tool.hpp"

#include "error.hpp"
#include "io/number.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace mlm::entropy_tool {

nlohmann::json conventions(const Options& o) {
    double b = o.base();
    nlohmann::json c = {{"base", cli::base_json(b)},
                        {"unit", unit_of(b)}};
    if (o.perplexity) c["perplexity"] = true;
    return c;
}

double reported(const Options& o, double h) { return o.perplexity ? std::pow(o.base(), h) : h; }

nlohmann::json normalization(const Options& o) {
    return o.normalize ? "divide by sum (--normalize)" : "probabilities: sum to 1 within 1e-6";
}

void refuse_weight_sum(const info::NotProbabilities& e, const std::string& where, const std::string& file,
                       std::size_t line) {
    throw InputError((where.empty() ? "" : where + ": ") + e.message() +
                         ": 'mlm-entropy values' reads raw observations, --normalize divides by the sum",
                     file, line);
}

}  // namespace mlm::entropy_tool
