// The Boost.Math error policy of lib/prob: no exceptions and no errno at the
// edges (overflow gives inf, underflow 0, a domain error nan), as scipy.stats
// answers there; the callers check the support before they ask. Doubles are
// promoted to long double inside Boost (its default), for the last digits.
#pragma once

#include <boost/math/policies/policy.hpp>

namespace mlm::prob {

using Policy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::rounding_error<boost::math::policies::ignore_error>,
    boost::math::policies::indeterminate_result_error<boost::math::policies::ignore_error>,
    boost::math::policies::discrete_quantile<boost::math::policies::integer_round_up>>;

}  // namespace mlm::prob
