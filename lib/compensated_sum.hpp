// Compensated (Neumaier) summation, for every long sum of terms in libmlm:
// the error of the total is independent of the number of terms, where a naive
// loop loses ~n eps. Header-only beside error.hpp so that any math folder
// (info, linalg, optim) can use the one copy.
//
// Infinities and nan are kept out of the compensation: the correction term
// computes (sum - t) + x, which is inf - inf = nan as soon as one term is
// infinite, so a naive Neumaier sum of {1, inf} is nan where the true sum is
// inf. Here the non-finite terms are summed apart, with IEEE rules: any +inf
// and no -inf or nan gives +inf (and -inf alike); +inf with -inf, or any nan,
// gives nan. A finite sum that overflows is +-inf likewise.
#pragma once

#include <cmath>
#include <span>

namespace mlm {

class CompensatedSum {
public:
    // Inline: it runs twice per input number in mlm-entropy's weights loop.
    void add(double x) {
        double t = sum_ + x;
        if (!std::isfinite(t)) {  // x is inf or nan, or the finite sum overflowed
            nonfinite_ += std::isfinite(x) ? t : x;
            return;
        }
        if (std::fabs(sum_) >= std::fabs(x)) correction_ += (sum_ - t) + x;
        else correction_ += (x - t) + sum_;
        sum_ = t;
    }

    // Adds another sum's terms (for sums computed in parts: groups, shards).
    void merge(const CompensatedSum& other) {
        add(other.sum_);
        add(other.correction_);
        nonfinite_ += other.nonfinite_;
    }

    double value() const {
        if (nonfinite_ != 0) return nonfinite_;  // nan != 0 too
        return sum_ + correction_;
    }

private:
    double sum_ = 0, correction_ = 0;
    double nonfinite_ = 0;  // the sum of the infinite and nan terms: 0, +-inf or nan
};

// The compensated sum of a range of terms.
inline double compensated_sum(std::span<const double> terms) {
    CompensatedSum s;
    for (double x : terms) s.add(x);
    return s.value();
}

}  // namespace mlm
