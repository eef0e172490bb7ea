// Kolmogorov-Smirnov tests: how far an empirical CDF strays from a model's
// (one sample) or from another sample's (two samples).
//   one sample:  D = sup |F_n(x) - F(x)|, p = P(D_n > D) from the exact
//                distribution of D_n (ks_distribution.hpp, scipy's kstwo), as
//                scipy's kstest does by default (conservative when F was
//                fitted to the data)
//   two samples: D = sup |F_A(x) - F_B(x)|, scipy's ks_2samp: the exact p by
//                counting lattice paths (Hodges 1958; Viehmann 2021's recursion
//                for 1 - p) when both samples have at most 10,000 values, else
//                P(D_n > D) at n = round(n_A n_B / (n_A + n_B)) (halves to even).
// Kolmogorov's limit P(sqrt(n) D > t) = 2 Σ_{k>=1} (-1)^(k-1) exp(-2 k² t²)
// (scipy's kstwobign, its kstest method="asymp") is kept beside them.
#pragma once

#include <span>
#include <vector>

namespace mlm::prob {

struct KsResult {
    double statistic = 0;
    double p_value = 1;
    bool exact = false;
    double location = 0;  // the x where the largest gap is
    int sign = 1;         // +1: F_A above F_B there (or F_n above F); -1: below
};

// P(K > t) for Kolmogorov's distribution K (the limit of sqrt(n) D_n).
double kolmogorov_sf(double t);

// Against a continuous CDF; `cdf` is applied to each sorted value.
template <class Cdf>
KsResult ks_1samp(std::vector<double> xs, Cdf cdf);

enum class KsMethod { automatic, exact, asymptotic };

// Two-sided; each sample non-empty and free of nan (checked by the caller).
KsResult ks_2samp(std::vector<double> a, std::vector<double> b,
                  KsMethod method = KsMethod::automatic);

// The exact two-sided p-value for D = h / lcm(m, n) (ks_2samp's exact mode);
// nan when the recursion loses its way (then the limit is used).
double ks_2samp_exact_p(long long m, long long n, long long h);

}  // namespace mlm::prob

#include <algorithm>
#include <cmath>

#include "prob/ks_distribution.hpp"

template <class Cdf>
mlm::prob::KsResult mlm::prob::ks_1samp(std::vector<double> xs, Cdf cdf) {
    std::sort(xs.begin(), xs.end());
    double n = static_cast<double>(xs.size());
    KsResult r;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        double f = cdf(xs[i]);
        double above = static_cast<double>(i + 1) / n - f, below = f - static_cast<double>(i) / n;
        if (above > r.statistic) r = {above, 1, false, xs[i], 1};
        if (below > r.statistic) r = {below, 1, false, xs[i], -1};
    }
    r.p_value = ks_distribution_sf(static_cast<long long>(xs.size()), r.statistic);
    r.exact = true;
    return r;
}
