// Empirical distributions of values compared as text: counts per distinct value
// (one pass, memory bounded by the number of distinct values) and the
// contingency table of two variables, from which H(A,B), H(A|B) and I(A;B) follow.
#pragma once

#include "string_index.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mlm::info {

class Frequencies {
public:
    // Adds `n` observations of `value`; returns the value's index (first-seen order).
    // Inline: counting calls it once per input row.
    std::size_t add(std::string_view value, double n = 1) {
        std::size_t i = index_.id(value);
        if (i == counts_.size()) counts_.push_back(0);
        counts_[i] += n;
        total_ += n;
        return i;
    }
    void merge(const Frequencies& other);
    double total() const { return total_; }
    std::size_t distinct() const { return index_.size(); }
    const std::vector<std::string>& values() const { return index_.strings(); }
    const std::vector<double>& counts() const { return counts_; }

private:
    StringIndex index_;  // the distinct values, in first-seen order
    std::vector<double> counts_;
    double total_ = 0;
};

// Counts of the pairs (a, b) with their marginals.
class Contingency {
public:
    void add(std::string_view a, std::string_view b, double n = 1);
    void merge(const Contingency& other);
    const Frequencies& first() const { return a_; }
    const Frequencies& second() const { return b_; }
    double total() const { return a_.total(); }
    struct Cell { std::size_t a, b; double count; };
    // Non-zero cells, in first-seen order.
    const std::vector<Cell>& cells() const { return cells_; }

private:
    Frequencies a_, b_;
    std::unordered_map<std::uint64_t, std::size_t> cell_index_;
    std::vector<Cell> cells_;
};

// H(A,B) in base `base`.
double joint_entropy(const Contingency& t, double base);
// H(A|B) = -sum n_ab/N log(n_ab/n_b).
double conditional_entropy(const Contingency& t, double base);
// I(A;B) = sum n_ab/N log(N n_ab / (n_a n_b)), clipped at 0 as scikit-learn does.
double mutual_information(const Contingency& t, double base);
// I(A;B) / ((H(A) + H(B)) / 2): scikit-learn's normalized_mutual_info_score
// with its default arithmetic mean; 1 when both variables are constant.
double normalized_mutual_information(const Contingency& t);

}  // namespace mlm::info
