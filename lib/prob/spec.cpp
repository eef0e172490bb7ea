#include "prob/spec.hpp"

#include <algorithm>
#include <cmath>
#include <fast_float/fast_float.h>
#include <numeric>

#include "error.hpp"
#include "shortest.hpp"

namespace mlm::prob {
namespace {

// The rows follow the variant's order: families()[d.family.index()].
const std::vector<FamilyInfo> table = {
    {"normal", "MU,SD", {"mu", "sd"}, "real numbers", false},
    {"bernoulli", "P", {"p"}, "0, 1", true},
    {"categorical", "P1,P2,...", {"probabilities"}, "the categories", true},
    {"binomial", "N,P", {"n", "p"}, "0, 1, ..., N", true},
    {"poisson", "LAMBDA", {"lambda"}, "0, 1, 2, ...", true},
    {"uniform", "A,B", {"a", "b"}, "[A, B]", false},
    {"beta", "A,B", {"alpha", "beta"}, "[0, 1]", false},
    {"exponential", "RATE", {"rate"}, "[0, inf)", false},
    {"gamma", "SHAPE,RATE", {"shape", "rate"}, "[0, inf)", false},
};

std::string names() {
    std::string out;
    for (const auto& f : table) out += (out.empty() ? "" : ", ") + std::string(f.name);
    return out;
}

std::vector<std::string_view> split(std::string_view text) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        auto comma = text.find(',', start);
        parts.push_back(text.substr(start, comma - start));
        if (comma == std::string_view::npos) return parts;
        start = comma + 1;
    }
}

bool read_number(std::string_view text, double& value) {
    const char* end = text.data() + text.size();
    auto r = fast_float::from_chars(text.data(), end, value);
    return r.ec == std::errc() && r.ptr == end && !text.empty();
}

// Parses the parameters of one family; every message starts with the spec.
class Params {
public:
    Params(std::string_view spec, const FamilyInfo& family, std::string_view list)
        : spec_(spec), family_(family) {
        auto parts = split(list);
        auto want = split(family.spec).size();
        if (list.empty() || parts.size() != want)
            fail(std::string(family.name) + " takes " + std::to_string(want) + " parameter" +
                 (want == 1 ? "" : "s") + " (" + std::string(family.name) + ":" +
                 std::string(family.spec) + "), got " +
                 std::to_string(list.empty() ? 0 : parts.size()));
        auto label = split(family.spec);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            double v = 0;
            if (!read_number(parts[i], v) || !std::isfinite(v))
                fail(std::string(label[i]) + " must be a finite number, got \"" +
                     std::string(parts[i]) + "\"");
            values_.push_back(v);
            labels_.emplace_back(label[i]);
        }
    }
    double any(std::size_t i) const { return values_[i]; }
    double positive(std::size_t i) const {
        if (!(values_[i] > 0)) fail(labels_[i] + " must be > 0, got " + shortest(values_[i]));
        return values_[i];
    }
    double probability(std::size_t i) const {
        if (values_[i] < 0 || values_[i] > 1)
            fail(labels_[i] + " must be in [0, 1], got " + shortest(values_[i]));
        return values_[i];
    }
    double count(std::size_t i) const {
        double v = values_[i];
        if (v < 0 || v != std::floor(v) || v > 9007199254740992.0)
            fail(labels_[i] + " must be a whole number >= 0, got " + shortest(v));
        return v;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw UsageError(std::string(spec_) + ": " + what);
    }

private:
    std::string_view spec_;
    const FamilyInfo& family_;
    std::vector<double> values_;
    std::vector<std::string> labels_;
};

bool all_numbers(std::string_view list) {
    double v = 0;
    for (auto part : split(list))
        if (!read_number(part, v)) return false;
    return true;
}

Categorical parse_categorical(std::string_view spec, std::string_view list,
                              const WeightsReader& read_weights) {
    std::string where(spec);
    if (list.empty()) throw UsageError(where + ": categorical needs weights P1,P2,... or a FILE");
    if (!all_numbers(list)) {
        if (!read_weights)
            throw UsageError(where + ": categorical:FILE is not supported here; give P1,P2,...");
        auto w = read_weights(std::string(list));
        return make_categorical(std::move(w.categories), std::move(w.weights), where);
    }
    std::vector<double> weights;
    for (auto part : split(list)) {
        double v = 0;
        read_number(part, v);
        weights.push_back(v);
    }
    return make_categorical({}, std::move(weights), where);
}

}  // namespace

const std::vector<FamilyInfo>& families() { return table; }

const FamilyInfo& info(const Distribution& d) { return table[d.family.index()]; }

const FamilyInfo* find_family(std::string_view name) {
    for (const auto& f : table)
        if (f.name == name) return &f;
    return nullptr;
}

Categorical make_categorical(std::vector<double> categories, std::vector<double> weights,
                             const std::string& where) {
    if (weights.empty()) throw UsageError(where + ": categorical needs at least one weight");
    if (categories.empty()) {
        categories.resize(weights.size());
        std::iota(categories.begin(), categories.end(), 0.0);
    }
    if (categories.size() != weights.size())
        throw UsageError(where + ": " + std::to_string(categories.size()) + " categories but " +
                         std::to_string(weights.size()) + " weights");
    double total = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!std::isfinite(weights[i]) || weights[i] < 0)
            throw UsageError(where + ": weight " + std::to_string(i + 1) +
                             " must be a finite number >= 0, got " + shortest(weights[i]));
        if (!std::isfinite(categories[i]))
            throw UsageError(where + ": category " + std::to_string(i + 1) +
                             " must be a finite number, got " + shortest(categories[i]));
        total += weights[i];
    }
    if (!(total > 0) || !std::isfinite(total))
        throw UsageError(where + ": categorical weights are all zero");
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](auto i, auto j) { return categories[i] < categories[j]; });
    Categorical c;
    for (auto i : order) {
        if (!c.categories.empty() && c.categories.back() == categories[i])
            throw UsageError(where + ": category " + shortest(categories[i]) + " appears twice");
        c.categories.push_back(categories[i]);
        c.probabilities.push_back(weights[i] / total);
    }
    return c;
}

Distribution parse_spec(std::string_view text, const WeightsReader& read_weights) {
    auto colon = text.find(':');
    std::string name(text.substr(0, colon));
    const FamilyInfo* family = find_family(name);
    if (!family)
        throw UsageError(std::string(text) + ": unknown distribution \"" + name + "\" (one of " +
                         names() + ")");
    if (colon == std::string_view::npos)
        throw UsageError(std::string(text) + ": expected " + name + ":" +
                         std::string(family->spec));
    auto list = text.substr(colon + 1);
    if (family->name == "categorical")
        return {parse_categorical(text, list, read_weights)};
    Params p(text, *family, list);
    if (name == "normal") return {Normal{p.any(0), p.positive(1)}};
    if (name == "bernoulli") return {Bernoulli{p.probability(0)}};
    if (name == "binomial") return {Binomial{p.count(0), p.probability(1)}};
    if (name == "poisson") return {Poisson{p.positive(0)}};
    if (name == "uniform") {
        if (!(p.any(0) < p.any(1)))
            p.fail("A must be < B, got " + shortest(p.any(0)) + " and " + shortest(p.any(1)));
        return {Uniform{p.any(0), p.any(1)}};
    }
    if (name == "beta") return {Beta{p.positive(0), p.positive(1)}};
    if (name == "exponential") return {Exponential{p.positive(0)}};
    return {Gamma{p.positive(0), p.positive(1)}};
}

std::vector<std::pair<std::string, double>> parameters(const Distribution& d) {
    const auto& keys = info(d).params;
    std::vector<double> values = std::visit(
        [](const auto& f) -> std::vector<double> {
            using F = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<F, Normal>) return {f.mu, f.sd};
            else if constexpr (std::is_same_v<F, Bernoulli>) return {f.p};
            else if constexpr (std::is_same_v<F, Categorical>) return {};
            else if constexpr (std::is_same_v<F, Binomial>) return {f.n, f.p};
            else if constexpr (std::is_same_v<F, Poisson>) return {f.lambda};
            else if constexpr (std::is_same_v<F, Uniform>) return {f.a, f.b};
            else if constexpr (std::is_same_v<F, Beta>) return {f.a, f.b};
            else if constexpr (std::is_same_v<F, Exponential>) return {f.rate};
            else return {f.shape, f.rate};
        },
        d.family);
    std::vector<std::pair<std::string, double>> out;
    for (std::size_t i = 0; i < values.size(); ++i) out.emplace_back(keys[i], values[i]);
    return out;
}

std::string to_spec(const Distribution& d) {
    std::string out(info(d).name);
    out += ':';
    if (const auto* c = std::get_if<Categorical>(&d.family)) {
        // Categories other than 0..K-1 have no inline spec: only the weights are written.
        for (std::size_t i = 0; i < c->probabilities.size(); ++i) {
            if (i) out += ',';
            out += shortest(c->probabilities[i]);
        }
        return out;
    }
    auto ps = parameters(d);
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (i) out += ',';
        out += shortest(ps[i].second);
    }
    return out;
}

}  // namespace mlm::prob
