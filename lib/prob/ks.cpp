#include "prob/ks.hpp"

#include <limits>
#include <numbers>
#include <numeric>

namespace mlm::prob {
namespace {

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
long long ceil_div(long long a, long long b) { return -floor_div(-a, b); }

// Equal sizes: P(D >= h/n) = 2 Σ_k (-1)^(k-1) C(2n, n-kh) / C(2n, n), summed
// from the last term inwards as 2 A0 (1 - A1 (1 - A2 (...))), each A_k a
// product of h ratios, so no binomial coefficient is formed.
double outside_square(long long n, long long h) {
    double p = 0;
    for (long long k = n / h; k >= 0; --k) {
        double a = 1;
        for (long long j = 0; j < h; ++j)
            a = static_cast<double>(n - k * h - j) * a / static_cast<double>(n + k * h + j + 1);
        p = a * (1 - p);
    }
    return 2 * p;
}

// Unequal sizes: the share of lattice paths from (0,0) to (m,n) that leave the
// band |x/m - y/n| < h/lcm, one column of the band at a time, each entry
// already divided by the paths to it, so the numbers stay in [0, 1].
double outer_inside(long long m, long long n, long long g, long long h) {
    if (m < n) std::swap(m, n);
    long long mg = m / g, ng = n / g;
    long long minj = 0, maxj = std::min(ceil_div(h, mg), n + 1);
    long long length = maxj - minj;
    std::vector<double> a(static_cast<std::size_t>(std::min(2 * maxj + 2, n + 1)), 1.0);
    std::fill(a.begin() + minj, a.begin() + maxj, 0.0);
    for (long long i = 1; i <= m; ++i) {
        long long last_minj = minj, last_length = length;
        minj = std::min(std::max(floor_div(ng * i - h, mg) + 1, 0LL), n);
        maxj = std::min(ceil_div(ng * i + h, mg), n + 1);
        if (maxj <= minj) return 1;
        double value = minj == 0 ? 0.0 : 1.0;
        for (long long jj = 0; jj < maxj - minj; ++jj) {
            long long j = jj + minj;
            value = (a[static_cast<std::size_t>(jj + minj - last_minj)] * static_cast<double>(i) +
                     value * static_cast<double>(j)) /
                    static_cast<double>(i + j);
            a[static_cast<std::size_t>(jj)] = value;
        }
        length = maxj - minj;
        if (last_length > length)
            std::fill(a.begin() + length, a.begin() + last_length, 1.0);
    }
    return a[static_cast<std::size_t>(maxj - minj - 1)];
}

}  // namespace

double kolmogorov_sf(double t) {
    if (std::isnan(t)) return t;
    if (t <= 0) return 1;
    if (t < 1) {
        // The Jacobi theta form of the cdf converges fast for small t.
        double s = 0, c = std::numbers::pi * std::numbers::pi / (8 * t * t);
        for (int k = 1; k <= 20; k += 2) s += std::exp(-c * k * k);
        return 1 - std::sqrt(2 * std::numbers::pi) / t * s;
    }
    double s = 0;
    for (int k = 1; k <= 100; ++k) {
        double term = std::exp(-2.0 * k * k * t * t);
        s += (k % 2 ? term : -term);
        if (term < 1e-300) break;
    }
    return 2 * s;
}

double ks_2samp_exact_p(long long m, long long n, long long h) {
    if (h == 0) return 1;
    double p = m == n ? outside_square(m, h) : outer_inside(m, n, std::gcd(m, n), h);
    return p >= 0 && p <= 1 ? p : std::numeric_limits<double>::quiet_NaN();
}

KsResult ks_2samp(std::vector<double> a, std::vector<double> b, KsMethod method) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    long long n1 = static_cast<long long>(a.size()), n2 = static_cast<long long>(b.size());
    // The gap F_A - F_B just after each distinct value of either sample.
    double max_gap = -1, min_gap = 2, at_max = 0, at_min = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        double x = j == b.size() || (i < a.size() && a[i] <= b[j]) ? a[i] : b[j];
        while (i < a.size() && a[i] <= x) ++i;
        while (j < b.size() && b[j] <= x) ++j;
        double gap = static_cast<double>(i) / static_cast<double>(n1) -
                     static_cast<double>(j) / static_cast<double>(n2);
        if (gap > max_gap) max_gap = gap, at_max = x;
        if (gap < min_gap) min_gap = gap, at_min = x;
    }
    double below = std::clamp(-min_gap, 0.0, 1.0);
    KsResult r;
    r = below > max_gap ? KsResult{below, 1, false, at_min, -1} : KsResult{max_gap, 1, false, at_max, 1};
    if (method == KsMethod::automatic)
        method = std::max(n1, n2) <= 10000 ? KsMethod::exact : KsMethod::asymptotic;
    long long g = std::gcd(n1, n2);
    if (method == KsMethod::exact && n1 / g >= std::numeric_limits<int>::max() / (n2 / g))
        method = KsMethod::asymptotic;
    if (method == KsMethod::exact) {
        long long lcm = (n1 / g) * n2;
        long long h = std::llround(r.statistic * static_cast<double>(lcm));
        double p = ks_2samp_exact_p(n1, n2, h);
        if (!std::isnan(p)) {
            r.statistic = static_cast<double>(h) / static_cast<double>(lcm);
            r.p_value = p;
            r.exact = true;
            return r;
        }
    }
    double m = static_cast<double>(std::max(n1, n2)), n = static_cast<double>(std::min(n1, n2));
    // nearbyint rounds halves to even, as numpy's round does.
    auto en = static_cast<long long>(std::nearbyint(m * n / (m + n)));
    r.p_value = ks_distribution_sf(en, r.statistic);
    return r;
}

}  // namespace mlm::prob
