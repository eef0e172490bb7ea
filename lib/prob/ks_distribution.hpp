// The exact distribution of the one-sample two-sided Kolmogorov-Smirnov
// statistic D_n = sup |F_n(x) - F(x)| for n values from a continuous F (scipy's
// kstwo), evaluated the way Simard & L'Ecuyer (2011) choose, as scipy does:
//   n d <= 1         Ruben-Gambino: P(D_n <= d) = n!/n^n (2nd - 1)^n
//   n d >= n - 1     Ruben-Gambino: P(D_n > d) = 2 (1 - d)^n
//   d >= 1/2         P(D_n > d) = 2 P(D_n+ >= d), the one-sided Birnbaum-Tingey
//                    sum P(D_n+ >= d) = d Σ_j C(n,j) (1-d-j/n)^(n-j) (d+j/n)^(j-1)
//   otherwise, small n d²: Durbin's matrix (Marsaglia-Tsang-Wang 2003),
//                    P(D_n <= d) = n!/n^n (H^n)_kk with k = ceil(n d);
//   large n d²: the one-sided sum for the upper tail, and above n = 140 where
//                    the matrix grows, the Pelz-Good (1976) expansion
//                    K0 + K1/sqrt(n) + K2/n + K3/n^1.5 in z = sqrt(n) d.
// Where scipy uses Pomeranz's recursion (n <= 140, 0.754693 < n d² <= 4) we use
// Durbin's matrix: both are exact, so they differ only by rounding.
#pragma once

namespace mlm::prob {

// P(D_n <= d) for n >= 1.
double ks_distribution_cdf(long long n, double d);

// P(D_n > d) for n >= 1, accurate far into the upper tail.
double ks_distribution_sf(long long n, double d);

// P(D_n+ >= d), the one-sided statistic sup (F_n - F) (scipy's smirnov).
double ks_one_sided_sf(long long n, double d);

}  // namespace mlm::prob
