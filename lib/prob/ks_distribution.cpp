#include "prob/ks_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include <Eigen/Dense>

namespace mlm::prob {
namespace {

constexpr double pi = std::numbers::pi;
const double sqrt_2pi = std::sqrt(2 * pi);

// A probability and its complement, each clipped to [0, 1].
struct Tails {
    double cdf, sf;
};
Tails from_cdf(double p) { return {std::clamp(p, 0.0, 1.0), std::clamp(1 - p, 0.0, 1.0)}; }
Tails from_sf(double q) { return {std::clamp(1 - q, 0.0, 1.0), std::clamp(q, 0.0, 1.0)}; }

// log(n! / n^n), in long double: lgamma(n + 1) is near n log n, and the
// difference must keep ~1e-13 of relative accuracy for n up to millions.
long double log_factorial_over_power(long long n) {
    auto ln = static_cast<long double>(n);
    return std::lgamma(ln + 1) - ln * std::log(ln);
}

// x * 2^exponent kept apart, so that n!/n^n (about e^-n) and the powers of
// Durbin's matrix neither underflow nor overflow before they meet.
struct Scaled {
    double mantissa = 1;
    long long exponent = 0;
    void normalize() {
        int e = 0;
        mantissa = std::frexp(mantissa, &e);
        exponent += e;
    }
    double value() const {
        return std::ldexp(mantissa, static_cast<int>(std::clamp<long long>(exponent, -20000, 20000)));
    }
};

// Durbin's m x m matrix for d = (k - h)/n, m = 2k - 1: H_ij = 1/(i-j+1)! on
// and below the superdiagonal, its first column and last row lowered by
// h^r/r!, and the corner raised by (2h - 1)^m/m! when 2h > 1.
Eigen::MatrixXd durbin_matrix(int k, double h) {
    int m = 2 * k - 1;
    Eigen::MatrixXd H = Eigen::MatrixXd::Zero(m, m);
    std::vector<double> inverse_factorial(static_cast<std::size_t>(m) + 1, 1.0);
    for (int r = 1; r <= m; ++r)
        inverse_factorial[static_cast<std::size_t>(r)] = inverse_factorial[static_cast<std::size_t>(r) - 1] / r;
    for (int i = 0; i < m; ++i)
        for (int j = 0; j <= std::min(i + 1, m - 1); ++j)
            H(i, j) = inverse_factorial[static_cast<std::size_t>(i - j + 1)];
    for (int r = 1; r <= m; ++r) {
        H(r - 1, 0) = (1 - std::pow(h, r)) * inverse_factorial[static_cast<std::size_t>(r)];
        H(m - 1, m - r) = H(r - 1, 0);
    }
    H(m - 1, 0) = (1 - 2 * std::pow(h, m) + std::pow(std::max(2 * h - 1, 0.0), m)) *
                  inverse_factorial[static_cast<std::size_t>(m)];
    return H;
}

// Multiplies and rescales by a power of two (exact), keeping the largest
// entry in [1/2, 1) so that H^n stays representable for n in the millions.
void multiply_scaled(Eigen::MatrixXd& a, long long& a_exp, const Eigen::MatrixXd& b, long long b_exp) {
    a = (a * b).eval();
    a_exp += b_exp;
    int e = 0;
    std::frexp(a.cwiseAbs().maxCoeff(), &e);
    a *= std::ldexp(1.0, -e);
    a_exp += e;
}

// P(D_n <= d) = n!/n^n (H^n)_kk, H^n by repeated squaring: O(m³ log n).
double durbin_cdf(long long n, double d) {
    double nd = static_cast<double>(n) * d;
    if (d >= 1) return 1;
    if (nd <= 0.5) return 0;
    int k = static_cast<int>(std::ceil(nd));
    Eigen::MatrixXd square = durbin_matrix(k, k - nd);
    Eigen::MatrixXd power = Eigen::MatrixXd::Identity(square.rows(), square.cols());
    long long square_exp = 0, power_exp = 0;
    for (long long e = n; e > 0; e /= 2) {
        if (e % 2) multiply_scaled(power, power_exp, square, square_exp);
        if (e > 1) multiply_scaled(square, square_exp, square, square_exp);
    }
    Scaled p{power(k - 1, k - 1), power_exp};
    for (long long i = 1; i <= n; ++i) {
        p.mantissa = static_cast<double>(i) * p.mantissa / static_cast<double>(n);
        if (i % 64 == 0) p.normalize();
    }
    return p.value();
}

// Pelz & Good's expansion of P(D_n <= d) in z = sqrt(n) d, each K_i a theta
// series in q = exp(-pi²/(8z²)) over odd m = 2k - 1, K2 and K3 also in
// exp(-pi² k²/(2z²)) over all k.
double pelz_good_cdf(long long n, double d) {
    if (d <= 0) return 0;
    if (d >= 1) return 1;
    double z = std::sqrt(static_cast<double>(n)) * d;
    double z2 = z * z, z4 = z2 * z2, z6 = z4 * z2, z8 = z4 * z4;
    double log_q = -pi * pi / (8 * z2);
    if (log_q < -708) return 0;
    double pi2 = pi * pi, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
    int terms = static_cast<int>(std::ceil(16 * z / pi));
    double k0 = 0, k1 = 0, k2 = 0, k3 = 0, k2_extra = 0, k3_extra = 0;
    for (int k = terms; k >= 1; --k) {  // smallest terms first
        double m2 = static_cast<double>(2 * k - 1) * (2 * k - 1), m4 = m2 * m2, m6 = m4 * m2;
        double w = std::exp(log_q * m2);
        k0 += w;
        k1 += (pi2 * m2 / 4 - z2) * w;
        k2 += (6 * z6 + 2 * z4 + (2 * z4 - 5 * z2) * pi2 / 4 * m2 + pi4 * (1 - 2 * z2) / 16 * m4) * w;
        k3 += (-30 * z6 - 90 * z8 + pi2 * (135 * z4 - 96 * z6) / 4 * m2 +
               pi4 * (212 * z4 - 60 * z2) / 16 * m4 + pi6 * (5 - 30 * z2) / 64 * m6) * w;
        double kk = static_cast<double>(k) * k, v = std::exp(-pi2 * kk / (2 * z2));
        k2_extra += kk * v;
        k3_extra += (3 * z2 - pi2 * kk) * kk * v;
    }
    k0 *= sqrt_2pi / z;
    k1 *= sqrt_2pi / (6 * z4);
    k2 = k2 * sqrt_2pi / (72 * z6 * z) - k2_extra * pi2 * sqrt_2pi / (36 * z2 * z);
    k3 = k3 * sqrt_2pi / (6480 * z6 * z4) + k3_extra * pi2 * sqrt_2pi / (216 * z6);
    double rn = std::sqrt(static_cast<double>(n));
    return k0 + k1 / rn + k2 / (rn * rn) + k3 / (rn * rn * rn);
}

// Simard & L'Ecuyer's choice of method, which differs for the two tails
// above n = 140: the upper tail from the one-sided sum, the lower from the
// matrix or Pelz-Good.
Tails kolmogorov_smirnov(long long n, double d, bool want_cdf) {
    if (std::isnan(d) || n < 1) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    if (d >= 1) return {1, 0};
    if (d <= 0) return {0, 1};
    double nn = static_cast<double>(n), t = nn * d;
    if (t <= 1) {
        if (t <= 0.5) return {0, 1};
        long double log_p = log_factorial_over_power(n) + static_cast<long double>(n) * std::log(2.0L * t - 1);
        return from_cdf(static_cast<double>(std::exp(log_p)));
    }
    if (t >= nn - 1) return from_sf(2 * std::pow(1 - d, nn));
    if (d >= 0.5) return from_sf(2 * ks_one_sided_sf(n, d));
    double nd2 = t * d;
    if (n <= 140) {
        if (nd2 <= 4) return from_cdf(durbin_cdf(n, d));
        return from_sf(2 * ks_one_sided_sf(n, d));
    }
    if (!want_cdf) {
        if (nd2 >= 370) return {1, 0};
        if (nd2 >= 2.2) return from_sf(2 * ks_one_sided_sf(n, d));
    }
    if (nd2 >= 18) return {1, 0};
    if (n <= 100000 && nn * std::pow(d, 1.5) <= 1.4) return from_cdf(durbin_cdf(n, d));
    return from_cdf(pelz_good_cdf(n, d));
}

}  // namespace

double ks_one_sided_sf(long long n, double d) {
    if (std::isnan(d) || n < 1) return std::numeric_limits<double>::quiet_NaN();
    if (d <= 0) return 1;
    if (d >= 1) return 0;
    // Birnbaum-Tingey, term by term in logs, in long double: the logs of the
    // binomial coefficient and of the powers reach n log 2 while the term
    // stays near 1, so each log must be good to 1e-19 of n (lgamma afresh for
    // each term: a running sum of logs would drift by n² eps). The terms rise
    // then fall, so the sum stops once they fall below what it can still add.
    auto ln = static_cast<long double>(n), nd = ln * d;
    auto last = static_cast<long long>(std::floor(ln - nd));
    long double sum = 0, largest = 0, log_n_factorial = std::lgamma(ln + 1);
    for (long long j = 0; j <= last; ++j) {
        auto lj = static_cast<long double>(j);
        long double below = (ln - lj - nd) / ln, above = (nd + lj) / ln;
        if (below <= 0) continue;
        long double log_binomial = log_n_factorial - std::lgamma(lj + 1) - std::lgamma(ln - lj + 1);
        long double term = std::exp(log_binomial + (ln - lj) * std::log(below) + (lj - 1) * std::log(above));
        sum += term;
        largest = std::max(largest, term);
        if (term < largest && term * static_cast<long double>(last - j) < sum * 1e-20L) break;
    }
    return std::clamp(static_cast<double>(d * sum), 0.0, 1.0);
}

double ks_distribution_cdf(long long n, double d) { return kolmogorov_smirnov(n, d, true).cdf; }

double ks_distribution_sf(long long n, double d) { return kolmogorov_smirnov(n, d, false).sf; }

}  // namespace mlm::prob
