// The activation functions of the expression language on one double, written
// to stay finite where the textbook formula overflows:
// sigmoid(x) = 1/(1+e^-x), softplus(x) = log(1+e^x) = max(x,0) + log1p(e^-|x|), relu(x) = max(x,0).
#pragma once

#include <cmath>
#include <numbers>

namespace mlm::calc {

inline constexpr double ln2 = std::numbers::ln2;
inline constexpr double ln10 = std::numbers::ln10;

inline double sigmoid(double x) {
    if (x >= 0) return 1 / (1 + std::exp(-x));
    const double e = std::exp(x);
    return e / (1 + e);
}

// sigmoid'(x) = s(1-s) and tanh'(x) = 1-t² written so that they keep their
// relative accuracy in the tails, where s or t round to 1 and 1-s, 1-t² to 0:
// with e = exp(-|x|), s(1-s) = e/(1+e)²; with e = exp(-2|x|), 1-t² = 4e/(1+e)².
inline double sigmoid_derivative(double x) {
    const double e = std::exp(-std::fabs(x));
    return e / ((1 + e) * (1 + e));
}

inline double tanh_derivative(double x) {
    if (std::fabs(x) < 0.5) {
        const double t = std::tanh(x);
        return 1 - t * t;  // t² < 0.22: no cancellation
    }
    const double e = std::exp(-2 * std::fabs(x));
    return 4 * e / ((1 + e) * (1 + e));
}

inline double softplus(double x) { return (x > 0 ? x : 0.0) + std::log1p(std::exp(-std::fabs(x))); }

// x^2 is the common case (squared errors); x·x is exact where pow may be off by
// an ulp, and its derivative 2·x^1 needs no pow at all.
inline double power(double a, double b) {
    if (b == 2) return a * a;
    if (b == 1) return a;
    return std::pow(a, b);
}

// NaN in is NaN out, as in numpy (np.maximum, np.sign): relu, max, min and
// their derivatives never turn a NaN into a number. std::fmax and a bare
// comparison would (fmax(nan, 0) = 0, so relu(nan) was 0 with derivative 0).
inline double maximum(double a, double b) { return a != a ? a : (b != b ? b : (a < b ? b : a)); }
inline double minimum(double a, double b) { return a != a ? a : (b != b ? b : (b < a ? b : a)); }

inline double relu(double x) { return x > 0 || x != x ? x : 0.0; }

// d/dx of relu and abs at 0 is taken as 0, the subgradient PyTorch uses.
inline double step(double x) { return x > 0 ? 1.0 : (x != x ? x : 0.0); }
inline double sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : (x != x ? x : 0.0)); }

// Where min(a,b) or max(a,b) ties, each operand gets half the gradient, as
// PyTorch does; where either is NaN, so is the share.
inline double first_wins_min(double a, double b) {
    return a < b ? 1.0 : (a > b ? 0.0 : (a != a || b != b ? a + b : 0.5));
}
inline double first_wins_max(double a, double b) {
    return a > b ? 1.0 : (a < b ? 0.0 : (a != a || b != b ? a + b : 0.5));
}

}  // namespace mlm::calc
