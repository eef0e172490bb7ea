// Intervals for a proportion or a posterior, at a level such as 0.95:
//   equal-tailed:  [F^-1((1-level)/2), F^-1((1+level)/2)]
//   HDI:           the shortest [F^-1(p), F^-1(p + level)]; for a unimodal
//                  density its ends have equal density, f(low) = f(high),
//                  which is solved for p (to full precision, not by
//                  minimizing the width, which fixes p only to sqrt(eps)).
//                  A density that falls from its lower end (Beta(a<=1, b>1))
//                  gives [lower end, F^-1(level)], a rising one the mirror.
//   Wilson score interval of s successes in n trials (the frequentist one):
//     (p + z^2/2n -/+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n),  p = s/n,
//     z = Phi^-1((1+level)/2)
#pragma once

#include "bayes/conjugate.hpp"
#include "prob/spec.hpp"

namespace mlm::bayes {

Interval equal_tailed(const prob::Distribution& d, double level);
// NumericError for a density with no single highest-density interval (a
// U-shaped Beta with both shapes < 1).
Interval highest_density(const prob::Distribution& d, double level);
Interval wilson(double successes, double trials, double level);

}  // namespace mlm::bayes
