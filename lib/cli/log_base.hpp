// The log base option every information tool shares (--base e|2|10|N, --nats)
// and how a base is named in output: its unit, its log, its JSON value.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace mlm::cli {

// e for "e" or --nats, else the number; UsageError unless it is > 0, finite and not 1.
double parse_log_base(const std::string& text, bool nats);
// "bits", "nats", "hartleys", or "log-base-N units".
std::string unit_of(double base);
// "log2", "ln", "log10" or "log_N", as a formula is written.
std::string log_name(double base);
// "e" for Euler's number, else the number: how --to json echoes a base.
nlohmann::json base_json(double base);

}  // namespace mlm::cli
