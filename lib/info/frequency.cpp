#include "info/frequency.hpp"

#include "info/entropy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlm::info {

void Frequencies::merge(const Frequencies& other) {
    for (std::size_t i = 0; i < other.distinct(); ++i) add(other.values()[i], other.counts_[i]);
}

void Contingency::add(std::string_view a, std::string_view b, double n) {
    std::size_t i = a_.add(a, n), j = b_.add(b, n);
    std::uint64_t key = (static_cast<std::uint64_t>(i) << 32) | j;
    auto [it, fresh] = cell_index_.try_emplace(key, cells_.size());
    if (fresh) cells_.push_back({i, j, 0});
    cells_[it->second].count += n;
}

void Contingency::merge(const Contingency& other) {
    for (const Cell& c : other.cells_)
        add(other.a_.values()[c.a], other.b_.values()[c.b], c.count);
}

double joint_entropy(const Contingency& t, double base) {
    CompensatedSum h;
    for (const auto& c : t.cells()) h.add(surprisal_term(c.count / t.total(), base));
    return h.value();
}

double conditional_entropy(const Contingency& t, double base) {
    CompensatedSum h;
    const auto& nb = t.second().counts();
    for (const auto& c : t.cells()) h.add(-(c.count / t.total()) * log_in_base(c.count / nb[c.b], base));
    return std::max(0.0, h.value());
}

double mutual_information(const Contingency& t, double base) {
    CompensatedSum mi;
    const auto& na = t.first().counts();
    const auto& nb = t.second().counts();
    double n = t.total();
    for (const auto& c : t.cells()) {
        double term = (c.count / n) * (std::log(c.count) + std::log(n) - std::log(na[c.a]) - std::log(nb[c.b]));
        mi.add(term);
    }
    return std::max(0.0, mi.value() / std::log(base));
}

double normalized_mutual_information(const Contingency& t) {
    std::size_t ka = t.first().distinct(), kb = t.second().distinct();
    if ((ka == 1 && kb == 1) || (ka == 0 && kb == 0)) return 1.0;
    double mi = mutual_information(t, std::exp(1.0));
    double ha = entropy_of_counts(t.first().counts(), std::exp(1.0));
    double hb = entropy_of_counts(t.second().counts(), std::exp(1.0));
    double mean = std::max((ha + hb) / 2, std::numeric_limits<double>::epsilon());
    return mi / mean;
}

}  // namespace mlm::info
