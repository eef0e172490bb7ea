#include "cli/log_base.hpp"

#include "error.hpp"
#include "io/number.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace mlm::cli {

double parse_log_base(const std::string& text, bool nats) {
    if (nats || text == "e") return std::exp(1.0);
    double b = 0;
    if (io::parse_number(text, b) != io::ParseResult::ok || !(b > 0) || b == 1 || std::isinf(b))
        throw UsageError("--base must be e, 2, 10 or a number > 0 other than 1, not '" + text + "'");
    return b;
}

std::string unit_of(double base) {
    if (base == 2) return "bits";
    if (base == std::exp(1.0)) return "nats";
    if (base == 10) return "hartleys";
    return "log-base-" + io::format_number(base) + " units";
}

std::string log_name(double base) {
    if (base == 2) return "log2";
    if (base == std::exp(1.0)) return "ln";
    if (base == 10) return "log10";
    return "log_" + io::format_number(base);
}

nlohmann::json base_json(double base) {
    return base == std::exp(1.0) ? nlohmann::json("e") : nlohmann::json(base);
}

}  // namespace mlm::cli
