// Learning-rate schedules, as factors of the base rate for step t = 1, 2, ...
// (PyTorch's schedulers at epoch k = t-1): constant; step:EVERY:GAMMA γ^⌊k/EVERY⌋;
// exp:GAMMA γ^k; cosine:T (1+cos(πk/T))/2; warmup:N t/N for t ≤ N, then the others from k = 0.
#pragma once

#include <string>
#include <string_view>

namespace mlm::optim {

struct Schedule {
    enum class Kind { constant, step, exp, cosine };
    Kind kind = Kind::constant;
    long every = 1;     // step
    double gamma = 1;   // step, exp
    double period = 1;  // cosine: T
    long warmup = 0;    // 0: none

    // Multiplier of the base learning rate at step t (1-based).
    double factor(long t) const;
    // The spelling parse_schedule reads, e.g. "warmup:100,cosine:1000".
    std::string text() const;
};

// "constant", "step:EVERY:GAMMA", "exp:GAMMA", "cosine:T", "warmup:N", or a
// warmup and one other joined by a comma. Throws UsageError naming the problem.
Schedule parse_schedule(std::string_view text);

}  // namespace mlm::optim
