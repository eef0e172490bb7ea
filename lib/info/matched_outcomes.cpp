#include "info/matched_outcomes.hpp"

#include <unordered_map>

#include "error.hpp"

namespace mlm::info {

MatchedOutcomes match_outcomes(std::span<const std::string> p_names, std::span<const double> p,
                               std::span<const std::string> q_names, std::span<const double> q) {
    if (p_names.size() != p.size() || q_names.size() != q.size())
        throw InputError("every weight needs exactly one outcome name");
    MatchedOutcomes out;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!index.emplace(p_names[i], out.names.size()).second)
            throw InputError("outcome \"" + p_names[i] + "\" appears twice in P (position " +
                             std::to_string(i + 1) + ")");
        out.names.push_back(p_names[i]);
        out.p.push_back(p[i]);
    }
    out.q.assign(out.p.size(), 0.0);
    std::vector<bool> seen(out.p.size(), false);
    for (std::size_t i = 0; i < q.size(); ++i) {
        auto [it, added] = index.emplace(q_names[i], out.names.size());
        if (added) {
            out.names.push_back(q_names[i]);
            out.p.push_back(0.0);
            out.q.push_back(q[i]);
            seen.push_back(true);
        } else if (seen[it->second]) {
            throw InputError("outcome \"" + q_names[i] + "\" appears twice in Q (position " +
                             std::to_string(i + 1) + ")");
        } else {
            out.q[it->second] = q[i];
            seen[it->second] = true;
        }
    }
    return out;
}

}  // namespace mlm::info
