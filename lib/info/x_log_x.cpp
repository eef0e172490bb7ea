#include "info/x_log_x.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace mlm::info {

namespace {

// Four doubles, and their bits, as GCC's vector extensions have them: AVX2
// registers in an x86-64-v3 build, pairs of SSE2 registers otherwise.
using Lanes = double __attribute__((vector_size(32)));
using Bits = std::int64_t __attribute__((vector_size(32)));

// ln 2 split so that k * ln2_hi is exact for every exponent k.
constexpr double ln2_hi = 6.93147180369123816490e-01;
constexpr double ln2_lo = 1.90821492927058770002e-10;
// The minimax coefficients of R(z) ~ (ln((1 + s) / (1 - s)) - 2 s) / s, z = s^2.
constexpr double c1 = 6.666666666666735130e-01, c2 = 3.999999999940941908e-01, c3 = 2.857142874366239149e-01,
                 c4 = 2.222219843214978396e-01, c5 = 1.818357216161805012e-01, c6 = 1.531383769920937332e-01,
                 c7 = 1.479819860511658591e-01;

// x ln x of four finite x >= 0 at `in`, to `out` (vectors stay inside: no
// vector crosses a call, so the ABI is the same on every build).
void four_terms(const double* in, double* out) {
    Lanes x;
    std::memcpy(&x, in, sizeof x);
    // Subnormals are scaled into the normal range, and their exponent back.
    const Bits tiny = x < 0x1p-1022;
    const Lanes normal = tiny ? x * 0x1p54 : x;
    // The exponent k and m in [sqrt(2)/2, sqrt(2)): the bits moved by
    // 1 - sqrt(2)/2 so that the exponent field rounds m at sqrt(2), not 2.
    // (memcpy, not std::bit_cast: a function returning a vector would change
    // the ABI on builds without AVX.)
    Bits bits;
    std::memcpy(&bits, &normal, sizeof bits);
    bits += 0x3ff0000000000000 - 0x3fe6a09e667f3bcd;
    const Bits k = (bits >> 52) - 0x3ff + (tiny & -54);
    const Bits m_bits = (bits & 0x000fffffffffffff) + 0x3fe6a09e667f3bcd;
    Lanes m;
    std::memcpy(&m, &m_bits, sizeof m);
    // k as a double: the double 2^52 + j has j in its low bits, for an
    // integer 0 <= j < 2^52, so j = k + 2048 (k >= -1076).
    const Bits k_biased = k + (0x4330000000000000 + 2048);
    Lanes kd;
    std::memcpy(&kd, &k_biased, sizeof kd);
    kd -= 0x1p52 + 2048;
    const Lanes f = m - 1.0;
    const Lanes s = f / (2.0 + f);
    const Lanes z = s * s, w = z * z;
    const Lanes r = z * (c1 + w * (c3 + w * (c5 + w * c7))) + w * (c2 + w * (c4 + w * c6));
    const Lanes half_f2 = 0.5 * f * f;
    const Lanes ln = kd * ln2_hi - ((half_f2 - (s * (half_f2 + r) + kd * ln2_lo)) - f);
    const Lanes term = x > 0.0 ? x * ln : Lanes{};
    std::memcpy(out, &term, sizeof term);
}

}  // namespace

double x_log_x(double x) {
    const double in[4] = {x, 1, 1, 1};
    double out[4];
    four_terms(in, out);
    return out[0];
}

void x_log_x(std::span<const double> x, std::span<double> out) {
    std::size_t i = 0;
    for (; i + 4 <= x.size(); i += 4) four_terms(x.data() + i, out.data() + i);
    if (i == x.size()) return;
    double in[4] = {1, 1, 1, 1}, rest[4];
    std::copy(x.begin() + static_cast<std::ptrdiff_t>(i), x.end(), in);
    four_terms(in, rest);
    std::copy_n(rest, x.size() - i, out.begin() + static_cast<std::ptrdiff_t>(i));
}

}  // namespace mlm::info
