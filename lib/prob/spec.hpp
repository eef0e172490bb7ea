// Distribution specs, the text other tools reuse: `normal:MU,SD`, `bernoulli:P`,
// `categorical:P1,P2,...` (or `categorical:FILE`), `binomial:N,P`,
// `poisson:LAMBDA`, `uniform:A,B`, `beta:A,B`, `exponential:RATE`,
// `gamma:SHAPE,RATE`, parsed into a value type. A table of families (name,
// parameter names, support, discrete or not) drives the parser, the help text
// and the JSON keys, so a new family is one struct, one row and its functions.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mlm::prob {

struct Normal { double mu = 0, sd = 1; };
struct Bernoulli { double p = 0.5; };
// Probabilities (summing to 1) of sorted, distinct category values; a spec of
// weights `categorical:W1,...,WK` gives the categories 0..K-1.
struct Categorical {
    std::vector<double> categories;
    std::vector<double> probabilities;
};
struct Binomial { double n = 1, p = 0.5; };  // n a whole number
struct Poisson { double lambda = 1; };
struct Uniform { double a = 0, b = 1; };
struct Beta { double a = 1, b = 1; };
struct Exponential { double rate = 1; };
struct Gamma { double shape = 1, rate = 1; };

using Family = std::variant<Normal, Bernoulli, Categorical, Binomial, Poisson, Uniform, Beta,
                            Exponential, Gamma>;

struct Distribution {
    Family family;
};

// One row of the family table.
struct FamilyInfo {
    std::string_view name;                 // as written in a spec: "normal"
    std::string_view spec;                 // its parameters as in help: "MU,SD"
    std::vector<std::string_view> params;  // JSON keys of `fit`: "mu", "sd"
    std::string_view support;              // "real numbers", "0, 1, 2, ..."
    bool discrete;
};

// Every family, in the order of the table (the variant's order).
const std::vector<FamilyInfo>& families();
const FamilyInfo& info(const Distribution& d);
// The row named `name`, or nullptr.
const FamilyInfo* find_family(std::string_view name);

// Reads `categorical:FILE`: the category values (empty for 0..K-1) and their
// weights, unchecked. Math code reads no files, so the caller supplies this.
struct Weights {
    std::vector<double> categories;
    std::vector<double> weights;
};
using WeightsReader = std::function<Weights(const std::string& path)>;

// Parses a spec; any bad part is a UsageError naming it ("normal:0,-1: SD must
// be > 0, got -1"). `categorical:` followed by something that is not a list of
// numbers is a file, read by `read_weights` (without one, a UsageError).
Distribution parse_spec(std::string_view text, const WeightsReader& read_weights = {});

// Categorical from weights: checked (finite, >= 0, not all zero; categories
// distinct) and normalized; sorted by category. `where` prefixes messages.
Categorical make_categorical(std::vector<double> categories, std::vector<double> weights,
                             const std::string& where);

// The parameters with their JSON names, in the table's order (categorical:
// one "p0", "p1", ... per category is not used; see Categorical).
std::vector<std::pair<std::string, double>> parameters(const Distribution& d);

// The spec that parses back to `d` (shortest round-trip numbers).
std::string to_spec(const Distribution& d);

}  // namespace mlm::prob
