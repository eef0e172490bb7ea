// What every form of mlm-entropy shares: the log base and how it is reported.
#include "entropy/entropy_tool.hpp"

#include "io/number.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace mlm::entropy_tool {

std::string unit_of(double base) {
    if (base == 2) return "bits";
    if (base == std::exp(1.0)) return "nats";
    if (base == 10) return "hartleys";
    return "log-base-" + io::format_number(base) + " units";
}

nlohmann::json conventions(const Options& o) {
    double b = o.base();
    nlohmann::json c = {{"base", b == std::exp(1.0) ? nlohmann::json("e") : nlohmann::json(b)},
                        {"unit", unit_of(b)}};
    if (o.perplexity) c["perplexity"] = true;
    return c;
}

double reported(const Options& o, double h) { return o.perplexity ? std::pow(o.base(), h) : h; }

}  // namespace mlm::entropy_tool
