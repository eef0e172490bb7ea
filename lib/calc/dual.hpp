// Dual numbers a + b·ε with ε² = 0: carrying a tangent through every operation
// gives a directional derivative exactly, f(x + ε·v) = f(x) + ε·f'(x)·v. Running
// backpropagation over duals (forward-over-reverse) gives Hessian-vector products.
#pragma once

#include <cmath>

#include "calc/scalar_functions.hpp"

namespace mlm::calc {

struct Dual {
    double v = 0;  // value
    double d = 0;  // tangent
    Dual() = default;
    Dual(double value, double tangent = 0) : v(value), d(tangent) {}
};

inline double real(double x) { return x; }
inline double real(const Dual& x) { return x.v; }

inline Dual operator+(const Dual& a, const Dual& b) { return {a.v + b.v, a.d + b.d}; }
inline Dual operator-(const Dual& a, const Dual& b) { return {a.v - b.v, a.d - b.d}; }
inline Dual operator-(const Dual& a) { return {-a.v, -a.d}; }
inline Dual operator*(const Dual& a, const Dual& b) { return {a.v * b.v, a.d * b.v + a.v * b.d}; }
inline Dual operator/(const Dual& a, const Dual& b) {
    const double q = a.v / b.v;
    return {q, (a.d - q * b.d) / b.v};
}
inline Dual& operator+=(Dual& a, const Dual& b) { return a = a + b; }

inline Dual exp(const Dual& a) {
    const double e = std::exp(a.v);
    return {e, e * a.d};
}
inline Dual log(const Dual& a) { return {std::log(a.v), a.d / a.v}; }
inline Dual log2(const Dual& a) { return {std::log2(a.v), a.d / (a.v * ln2)}; }
inline Dual log10(const Dual& a) { return {std::log10(a.v), a.d / (a.v * ln10)}; }
inline Dual sqrt(const Dual& a) {
    const double s = std::sqrt(a.v);
    return {s, a.d / (2 * s)};
}
inline Dual abs(const Dual& a) { return {std::fabs(a.v), sign(a.v) * a.d}; }
inline Dual sin(const Dual& a) { return {std::sin(a.v), std::cos(a.v) * a.d}; }
inline Dual cos(const Dual& a) { return {std::cos(a.v), -std::sin(a.v) * a.d}; }
inline Dual tan(const Dual& a) {
    const double t = std::tan(a.v);
    return {t, (1 + t * t) * a.d};
}
inline Dual tanh(const Dual& a) { return {std::tanh(a.v), tanh_derivative(a.v) * a.d}; }
inline Dual sigmoid(const Dual& a) { return {sigmoid(a.v), sigmoid_derivative(a.v) * a.d}; }
inline Dual softplus(const Dual& a) { return {softplus(a.v), sigmoid(a.v) * a.d}; }
// The derivatives themselves as duals, for the Hessian: with s = sigmoid(x),
// s'' = s'·(1-2s) = -s'·tanh(x/2); with t = tanh(x), (1-t²)' = -2t·(1-t²).
inline Dual sigmoid_derivative(const Dual& a) {
    const double d = sigmoid_derivative(a.v);
    return {d, -d * std::tanh(a.v / 2) * a.d};
}
inline Dual tanh_derivative(const Dual& a) {
    const double d = tanh_derivative(a.v);
    return {d, -2 * std::tanh(a.v) * d * a.d};
}
inline Dual relu(const Dual& a) { return {relu(a.v), step(a.v) * a.d}; }
inline Dual min(const Dual& a, const Dual& b) {
    const double wa = first_wins_min(a.v, b.v);
    return {minimum(a.v, b.v), wa * a.d + (1 - wa) * b.d};
}
inline Dual max(const Dual& a, const Dual& b) {
    const double wa = first_wins_max(a.v, b.v);
    return {maximum(a.v, b.v), wa * a.d + (1 - wa) * b.d};
}
// Terms with a zero tangent are left out, so that x^2 at x = 0 or (-2)^y along
// x only stays finite: 0 · inf and 0 · log(-2) would otherwise poison it.
inline Dual pow(const Dual& a, const Dual& b) {
    const double p = power(a.v, b.v);
    double d = 0;
    if (a.d != 0) d += b.v * power(a.v, b.v - 1) * a.d;
    if (b.d != 0) d += (p == 0 ? 0.0 : p * std::log(a.v)) * b.d;
    return {p, d};
}
inline Dual power(const Dual& a, const Dual& b) { return pow(a, b); }

}  // namespace mlm::calc
