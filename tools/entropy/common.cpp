// What every form of mlm-entropy shares: the log base and how it is reported.
#include "entropy/entropy_tool.hpp"

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

}  // namespace mlm::entropy_tool
